"""Indonesian event predicates and argument patterns.

Indonesian marks the passive on the verb (di-: "diterima oleh" = received by), with the agent
after "oleh"; the active meN- form has the subject first ("Menteri menerima Sekjen PBB").
"""

from newsloom.events.rules import LEADER_ROLES, TARGET_OBJECT, TARGET_REQUIRED, EventRules, Trigger
from newsloom.lang.id.entities import RULES as ENTITY_RULES

# Verbs that after "akan" (will) or "siap" (ready) make a statement an offer to cooperate (AGREE).
_COOP = (
    r"(?:terus\s+)?(?:bekerja\s*sama|mendukung|membantu|memperkuat|meningkatkan|melanjutkan|memperluas|"
    r"mendorong|berpartisipasi|ikut|berkontribusi|memfasilitasi|berkoordinasi)"
)

# Verbs of strengthening after "sepakat" ("sepakat memperkuat ..."), and the nouns of cooperation
# done (COOPERATE triggers) they can take as object: what was agreed is cooperation to come (AGREE)
_STRENGTHEN = r"(?:memperkuat|meningkatkan|memperluas|mempererat|mengintensifkan|mendorong|melanjutkan)"
_COOP_NOUN = (
    r"(?:(?:operasi|patroli|latihan|penyelidikan)\s+(?:gabungan|bersama)"
    r"|pertukaran\s+(?:informasi\s+|data\s+)?intelijen)"
)

# "dijadwalkan/direncanakan" (scheduled, planned), unless the plan was undone ("Kunjungan yang dijadwalkan
# pekan depan dibatalkan"): a dropped plan is asserted (codebook: CONCEDE), as in the English pack.
# "membatalkan rencana ..." needs nothing: "rencana" alone is no cue.
_PLANNED = r"(?:dijadwalkan|direncanakan)\b(?![^.;]{0,80}?\b(?:dibatalkan|diurungkan|batal)\b)"

#: what is met or visited: a meeting or visit called off did not take place (``non_event``), and calling it off is
#: a REJECT `meet`
_MEETING_NOUNS = (
    r"(?:kunjungan|lawatan|perjalanan|pertemuan|pembicaraan|perundingan|rapat|konferensi|KTT|upacara|"
    r"penandatanganan)\b"
)

#: a meeting put off or called off that the sentence says took place after all ("sempat ditunda dua kali, akhirnya
#: digelar", "tetap berlangsung"): a meeting held, so the called-off cue of ``non_event`` is void there
_HELD_AFTER_ALL = (
    r"\b(?:akhirnya|pada\s+akhirnya|tetap)\s+(?:(?!tidak\b|belum\b|batal\b)\S+\s+){0,2}?"
    r"(?:berlangsung|digelar|diadakan|dilaksanakan|diselenggarakan|terlaksana|bertemu|dimulai)\b"
)
#: the called-off cue, void when ``_HELD_AFTER_ALL`` follows it in the sentence
_NOT_HELD = r"(?![^.;]*?(?:" + _HELD_AFTER_ALL + r"))"

T = Trigger

#: the office and leader nouns of a description ("Menlu Prancis", "pemimpin Laos"): the entity
#: pack's titles, and the words that name no title of their own
DESCRIPTION_NOUNS: dict[str, tuple[str, ...]] = {
    **{title.lower(): (role,) for title, role in ENTITY_RULES.titles.items()},
    "pemimpin": LEADER_ROLES, "kepala negara": ("head_of_state", "monarch"),
    "kepala pemerintahan": ("head_of_government",), "utusan": ("ambassador",), "utusan khusus": ("ambassador",),
}  # fmt: skip

RULES = EventRules(
    triggers=(
        # -- CONSULT --------------------------------------------------------------------------
        T(r"\b(?:menerima|menyambut)\b(?!\s+baik)", "CONSULT", mode="visit", host="source", target=TARGET_REQUIRED,
          target_gap=35, confidence=0.85),
        T(r"\bditerima\b", "CONSULT", mode="visit", host="source", voice="passive", confidence=0.8),
        # "berdiskusi dengan X tentang ...", "berdiskusi tentang ... dengan X": a meeting with X
        T(r"\b(?P<t>berdiskusi|berdialog)\b[^.;,]{0,60}?\bdengan\s", "CONSULT", joint=True,
          target=TARGET_REQUIRED, target_gap=80, confidence=0.75),
        T(r"\bbertemu(?:\s+dengan)?\b", "CONSULT", joint=True, target=TARGET_REQUIRED, target_gap=30,
          confidence=0.85),
        T(r"\b(?:mengadakan|menggelar|melakukan)\s+(?:\w+\s+){0,2}?(?:pertemuan|pembicaraan|perundingan|dialog|rapat)(?:\s+bilateral)?\b",
          "CONSULT", joint=True, confidence=0.85),
        T(r"\b(?:menelepon|berbicara\s+(?:melalui|lewat)\s+telepon(?:\s+dengan)?|melakukan\s+(?:pembicaraan|percakapan)\s+telepon(?:\s+dengan)?)\b",
          "CONSULT", mode="phone", joint=True, confidence=0.85),
        T(r"\b(?:mengunjungi|berkunjung\s+ke|melakukan\s+kunjungan\s+(?:\w+\s+){0,2}?ke)\b", "CONSULT", mode="visit",
          host="target", target=TARGET_REQUIRED, target_gap=30, confidence=0.8),
        T(r"\bbersama(?:\s+dengan)?(?=\s[^,;.]{2,50}?\s(?:menghadiri|memimpin|menyaksikan)\b)", "CONSULT",
          joint=True, target=TARGET_REQUIRED, target_gap=20, confidence=0.7),
        T(r"\b(?:menghadiri|memimpin\s+bersama)\b", "CONSULT", joint=True, min_sources=2, confidence=0.65),
        T(r"\b(?P<t>menghadiri)\s+(?:Pertemuan|KTT|Konferensi|Sidang|Forum|Rapat|Dialog)\b", "CONSULT",
          mode="multilateral", joint=True, confidence=0.7),
        T(r"\bmenemui\b", "CONSULT", joint=True, target=TARGET_REQUIRED, target_gap=30, confidence=0.8),
        # "X membahas ... dengan Y" is a meeting; "kedua pihak membahas" is the meeting already coded
        T(r"\bmembahas\b(?=[^.;]{0,80}?\bdengan\b)", "CONSULT", joint=True, target=TARGET_REQUIRED,
          target_gap=80, confidence=0.6),
        # "Sugiono berbicara dalam Pertemuan ke-30 Dewan APSC": speaking at a body's meeting is
        # attending it (a multilateral CONSULT with the body); "disampaikan X saat berbicara dalam
        # Pertemuan ..." asserts it too, so "saat" is part of the trigger, not a subordinate block
        T(r"\b(?:(?:saat|ketika)\s+)?(?P<t>berbicara)\s+(?:dalam|pada|di)\s+(?:Pertemuan|Sidang|Rapat|Konferensi)\b", "CONSULT",
          mode="multilateral", target=TARGET_REQUIRED, target_gap=30, passive_ok=False, confidence=0.7),
        # "Usai bertemu X, Y mengatakan ...": the subject comes after the comma
        T(r"\b(?:Usai|Setelah|Seusai)\s+(?P<t>bertemu|menemui|mengadakan\s+pertemuan)(?:\s+dengan)?\b", "CONSULT",
          joint=True, target=TARGET_REQUIRED, target_gap=30, subject_after=True, confidence=0.7),
        # -- SUPPORT ----------------------------------------------------------------------------
        T(r"\bmenyambut\s+baik\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.85),
        T(r"\b(?:mengapresiasi|memuji|menghargai|mengucapkan\s+selamat|memberi\s+selamat)\b", "SUPPORT",
          target=TARGET_OBJECT, confidence=0.85),
        T(r"\b(?:berterima\s+kasih|(?:mengucapkan|menyampaikan)\s+(?:rasa\s+|ucapan\s+)?terima\s+kasih)\b", "SUPPORT",
          confidence=0.8),
        T(r"\b(?:mendukung|menyatakan\s+dukungan)\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.8),
        T(r"\b(?:menandatangani|meneken|meratifikasi|mengakui)\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.8),
        # -- AGREE ------------------------------------------------------------------------------
        # "sepakat memperkuat ... operasi bersama": the joint operations are what they agreed to
        # strengthen, a promise (AGREE), not a COOPERATE carried out; one trigger over the complement
        T(r"\b(?P<t>sepakat|menyepakati|bersepakat|berkomitmen|berjanji)\s+(?:untuk\s+)?" + _STRENGTHEN
          + r"\s+(?:[\w-]+\s+){0,6}" + _COOP_NOUN + r"\b", "AGREE", confidence=0.85),
        T(r"\b(?:sepakat|menyepakati|bersepakat|menyetujui)\b", "AGREE", confidence=0.85),
        T(r"\b(?:berkomitmen|berjanji|bertekad)\b", "AGREE", confidence=0.8),
        T(r"\b(?:akan|siap)\s+(?:untuk\s+)?" + _COOP + r"\b", "AGREE", confidence=0.75),
        T(r"\b(?:menawarkan|mengusulkan)\b", "AGREE", confidence=0.65),
        # a meeting still to come is an agreement to meet (PLOVER: future CONSULT is AGREE)
        T(r"\b(?:dijadwalkan|direncanakan|akan)\s+(?:bertemu|mengadakan\s+pertemuan|berkunjung)\b", "AGREE",
          confidence=0.7),
        T(r"\bmengundang\b", "AGREE", target=TARGET_REQUIRED, target_gap=20, confidence=0.7),
        # -- REQUEST ----------------------------------------------------------------------------
        T(r"\b(?:mendesak|meminta|menyerukan|mengimbau|menuntut|memohon)\b", "REQUEST", confidence=0.85),
        # -- ACCUSE / REJECT / THREATEN ---------------------------------------------------------
        T(r"\b(?:mengecam|mengkritik|menyesalkan|memprotes)\b", "ACCUSE", mode="disapprove", confidence=0.85),
        T(r"\b(?:menuduh|mendakwa|menggugat|menetapkan\s+(?:\w+\s+)?tersangka)\b", "ACCUSE", mode="allege",
          confidence=0.8),
        T(r"\b(?:menyelidiki|menyidik|penyelidikan)\b", "ACCUSE", mode="investigate", confidence=0.6),
        T(r"\b(?:menolak|membantah)\b", "REJECT", confidence=0.8),
        # a meeting or visit called off is a REJECT `meet` (PLOVER: "Cancellation of meetings are REJECT"); "menunda"
        # (put off) is no refusal (``non_event`` only); "dibatalkan" (passive) names no one who cancels
        T(r"\b(?:membatalkan|mengurungkan)\s+(?=(?:rencana\s+)?" + _MEETING_NOUNS + r")", "REJECT", mode="meet",
          confidence=0.75),
        # ... and in the passive with its agent ("Pertemuan dengan Kamboja dibatalkan oleh Thailand"): the agent cancels
        T(r"\b" + _MEETING_NOUNS + r"[^.;]{0,80}?\b(?P<t>dibatalkan|diurungkan)\s+oleh\b", "REJECT", mode="meet",
          voice="passive", min_sources=1, confidence=0.75),
        T(r"\bmengancam\b", "THREATEN", confidence=0.8),
        # -- PROTEST ----------------------------------------------------------------------------
        T(r"\b(?:berunjuk\s+rasa|berdemonstrasi|berdemo|menggelar\s+(?:aksi\s+)?(?:unjuk\s+rasa|demonstrasi|demo|aksi))\b", "PROTEST",
          mode="demo", confidence=0.8),
        T(r"\bmogok(?:\s+kerja)?\b", "PROTEST", mode="strike", confidence=0.8),
        T(r"\bmemboikot\b", "PROTEST", mode="boycott", confidence=0.8),
        # -- SANCTION ---------------------------------------------------------------------------
        T(r"\b(?:menjatuhkan\s+sanksi|memberlakukan\s+sanksi|embargo)\b", "SANCTION", mode="discontinue",
          confidence=0.85),
        T(r"\b(?:memutuskan|menangguhkan|membekukan)\s+(?:hubungan|bantuan|kerja\s*sama)\b", "SANCTION",
          mode="discontinue", confidence=0.8),
        T(r"\bmengusir\b", "SANCTION", mode="expel", confidence=0.75),
        T(r"\b(?:memvonis|menjatuhkan\s+vonis|dijatuhi\s+hukuman)\b", "SANCTION", mode="convict", confidence=0.8),
        # -- MOBILIZE ---------------------------------------------------------------------------
        T(r"\bmengerahkan\s+(?:\w+\s+){0,2}?(?:pasukan|tentara|prajurit|personel)\b", "MOBILIZE",
          mode="troops", confidence=0.8),
        # warships are the codebook's MOBILIZE weapons, not troops: the mode comes from the cues
        T(r"\bmengerahkan\s+(?:\w+\s+){0,2}?kapal\s+perang\b", "MOBILIZE", confidence=0.8),
        T(r"\b(?:dikerahkan|mengerahkan)\b", "MOBILIZE", confidence=0.65),
        # -- COERCE -----------------------------------------------------------------------------
        T(r"\b(?:menangkap|meringkus|menahan|membekuk)\b", "COERCE", mode="arrest", confidence=0.85),
        T(r"\b(?:ditangkap|ditahan|dibekuk|diringkus)\b", "COERCE", mode="arrest", voice="passive", confidence=0.8),
        T(r"\b(?:menggerebek|menyita|membongkar)\b", "COERCE", mode="seize", confidence=0.75),
        T(r"\b(?:mendeportasi|dideportasi)\b", "COERCE", mode="deport", confidence=0.8),
        T(r"\bmelarang\b", "COERCE", mode="restrict", confidence=0.6),
        T(r"\bmemberlakukan\s+jam\s+malam\b", "COERCE", mode="curfew", confidence=0.85),
        # -- ASSAULT ----------------------------------------------------------------------------
        T(r"\b(?:menyerang|membunuh|menewaskan)\b", "ASSAULT", confidence=0.75),
        T(r"\b(?:menganiaya|mengeroyok|memukuli)\b", "ASSAULT", mode="beat", confidence=0.75),
        T(r"\bmenusuk\b", "ASSAULT", mode="primitive", confidence=0.75),
        T(r"\b(?:menculik|membajak)\b", "ASSAULT", mode="abduct", confidence=0.85),
        T(r"\bmenembak(?:kan)?\b", "ASSAULT", mode="firearms", confidence=0.75),
        T(r"\b(?:mengebom|meledakkan)\b", "ASSAULT", mode="explosives", confidence=0.8),
        # -- AID / COOPERATE --------------------------------------------------------------------
        T(r"\b(?:menyumbangkan|menyalurkan|mengirimkan|mengirim|memberikan|menyerahkan)\s+(?:\w+\s+){0,2}?(?:bantuan|hibah|dana|donasi|peralatan|logistik|sembako|paket)\b",
          "AID", confidence=0.8),
        T(r"\b(?:mengekstradisi|diekstradisi|ekstradisi)\b", "COOPERATE", confidence=0.85),
        T(r"\bmenyerahkan\s+(?:\w+\s+){0,2}?(?:tersangka|buronan|pelaku|tahanan)\b", "COOPERATE", confidence=0.8),
        T(r"\b(?:operasi|patroli|latihan|penyelidikan)\s+(?:gabungan|bersama)\b", "COOPERATE", joint=True,
          confidence=0.8),
        # "pertukaran informasi intelijen" is the act; "pentingnya pertukaran informasi" is a view
        T(r"\b(?:melakukan\s+pertukaran\s+(?:informasi|data)(?:\s+intelijen)?|pertukaran\s+(?:informasi\s+)?intelijen)\b",
          "COOPERATE", confidence=0.65),
        # "bekerja sama dengan" is cooperating now; "akan bekerja sama" (a promise) stays AGREE
        T(r"(?<!akan )(?<!siap )(?<!terus )\bbekerja\s*sama\s+dengan\b", "COOPERATE", confidence=0.65),
        # "manfaat berbagi data" (the benefit of sharing data) is a view of sharing, not a sharing
        T(r"(?<!manfaat )(?<!pentingnya )\b(?:bertukar|berbagi|membagikan|memberikan|menyerahkan)\s+(?:\w+\s+)?(?:informasi|data|intelijen)\b",
          "COOPERATE", confidence=0.65),
        # -- CONCEDE / RETREAT ------------------------------------------------------------------
        T(r"\b(?:memberikan\s+(?:amnesti|grasi)|meminta\s+maaf|mencabut\s+larangan)\b",
          "CONCEDE", confidence=0.8),
        T(r"\bmencabut\s+(?:sanksi|jam\s+malam|embargo|status\s+darurat)\b", "RETREAT", mode="ease", confidence=0.8),
        T(r"\b(?:membebaskan|melepaskan)\b(?=[^.;]{0,40}\b(?:sandera|tahanan|nelayan|awak|narapidana)\b)",
          "RETREAT", mode="release", confidence=0.8),
        T(r"\bmenarik\s+(?:\w+\s+)?pasukan\b", "RETREAT", mode="withdraw", confidence=0.8),
        T(r"\bmengundurkan\s+diri\b", "RETREAT", mode="resign", confidence=0.8),
    ),
    # "penandatanganan", "kunjungan": nouns are other words; "para" + noun
    blocked_before=r"\b(?:yang|untuk|saat|ketika|dalam)\s+$",
    blocked_after=r"^\s+(?:surat|laporan|penghargaan|pengaduan|dana\s+hibah|gaji)\b",
    negation=r"\b(?:tidak|belum|bukan|tak|enggan)\s+(?:\w+\s+)?$",
    # a threat is conditional by nature: "mengancam ... jika ..." asserts the threat (codebook: THREATEN)
    hypothetical=r"^(?!.*\b(?:mengancam|ancaman|memperingatkan|ultimatum)\b.*\b(?:jika|apabila|kalau)\b).*?\b(?:jika|apabila|seandainya|kalau)\b",
    clause_break=r";|,\s*(?=(?:serta|sekaligus|dan juga)\b)",
    clause_conjunction=r"\s(?:dan|serta|,)\s",
    complement=r"\b(?:agar|supaya|untuk|bahwa)\b",
    reporting=r"\b(?:mengatakan|menyatakan|menegaskan|menjelaskan|menyampaikan|mengungkapkan|berkata|ujar|kata)\b",
    opinion=r"\b(?:menilai|berpendapat|meyakini|berharap|mengharapkan)\b",
    nonfactual=(
        r"\b(?:bisa|mungkin|dapat|berpotensi|diperkirakan|" + _PLANNED + r"|berencana|akan\s+mempertimbangkan|"
        r"mempertimbangkan|dikhawatirkan|khawatir|membantah|menyangkal|belum\s+jelas|"
        r"tidak\s+ada\s+rencana|kabarnya|biasanya|sering)\b"
    ),
    possibility=r"\b(?:bisa|mungkin|dapat|berpotensi)\b",
    non_event=(
        r"\b(?:keluarga\s+(?:almarhum|almarhumah|mendiang)|berziarah|ziarah|meletakkan\s+karangan\s+bunga)\b|"
        # a list of who signed or took part ("Di antara penanda tangan adalah ...") states membership
        r"\b(?:di\s+antara|termasuk)\s+(?:para\s+|negara(?:-negara)?\s+)?(?:penanda\s*tangan|peserta)\s+(?:adalah|ialah|terdapat|itu)\b|"
        # witnessing others sign ("menyaksikan penandatanganan") is attending, no act of the witnesses
        r"\bmenyaksikan\b[^.;]{0,80}?\b(?:penandatanganan|menandatangani)\b|"
        # a count of meetings as the subject sums several up ("Tiga pertemuan mengisi ...")
        r"^\W*(?:dua|tiga|empat|lima|enam|beberapa|serangkaian)\s+(?:pertemuan|pembicaraan|kunjungan)\b|"
        # a meeting or visit called off or put off before its noun ("membatalkan kunjungan yang dijadwalkan ke
        # Malaysia", "menunda pertemuan"): no meeting took place; the cancellation itself (REJECT) survives the cue
        r"\b" + _NOT_HELD + r"(?:membatalkan|menunda|mengurungkan|menangguhkan)\s+(?:rencana\s+)?" + _MEETING_NOUNS + r"|"
        # and in the passive ("Kunjungan ... dibatalkan"): the same convention as en/fr (session 17, cancel17)
        # (unless the sentence says it took place after all: ``_HELD_AFTER_ALL``)
        r"\b" + _NOT_HELD + _MEETING_NOUNS + r"[^.;]{0,80}?\b(?:dibatalkan|ditunda|diurungkan|ditangguhkan|batal)\b"
    ),
    passive_aux=r"(?!)",
    agent_marker=r"\boleh\b",
    joint_subject=r"\b(?:kedua\s+(?:pihak|pemimpin|negara|menteri|delegasi)|kedua\s+belah\s+pihak)\b",
    person_pronoun=r"\b(?:ia|dia|beliau)\b",
    adverbial_opener=r"^\s*(?:Menurut|Dalam|Pada|Di|Setelah|Usai|Selain|Sementara|Menanggapi|Terkait|Dengan|Bersama)\b",
    specific_object=r"\b(?:inisiatif|usulan|rencana|konvensi|perjanjian|kesepakatan|nota\s+kesepahaman|MoU|program|proyek|resolusi|pencalonan|deklarasi)\b",
    locative=r"\b(?:di)\s+$",
    between=r"\b(?:antara|kedua)\s+$",
    on_behalf=r"\b(?:atas\s+nama|mewakili)\s+$",
    bilateral=r"\bbilateral\b",
    # "secara bersama-sama", "trilateral": one meeting with several counterparts
    met_together=r"\b(?:bersama-sama|trilateral|tiga pihak)\b",
    planned_meeting=r"\b(?:dijadwalkan|direncanakan|akan)\s+(?:bertemu|mengadakan\s+pertemuan|berkunjung)\b",
    meeting_reference=r"\b(?:dalam|pada|di)\s+(?:pertemuan|pembicaraan|perundingan|rapat)\s+(?:\w+\s+)?(?:itu|tersebut)\b",
    past_year_opener=r"^\W*(?:Tahun\s+lalu|Setahun\s+(?:lalu|sebelumnya))\b",
    relative_clause=r",\s*yang\b",
    days_after=r"\b(?:(?P<d1>sehari)|(?P<d2>dua\s+hari)|(?P<d3>tiga\s+hari))\s+(?:setelah|sesudah)\b",
    # "beberapa hari setelah", "seminggu setelah", "menyusul": the act told in passing
    in_passing=(
        r"\b(?:(?:beberapa|\w+)\s+(?:jam|hari|pekan|minggu)\s+(?:setelah|sesudah|usai)|"
        r"(?:seminggu|sepekan)\s+(?:setelah|sesudah|usai)|menyusul)\b"
    ),
    # "sebelumnya (, X) telah/sudah", "sudah lebih dulu", "telah terlebih dahulu", "pernah": an act
    # before the day told
    earlier_act=(
        r"(?:\bsebelumnya\b[^.;:!?]{0,60}?\b(?:telah|sudah)|\b(?:telah|sudah)\s+(?:lebih|terlebih)\s+"
        r"(?:dulu|dahulu)|\b(?:telah\s+|sudah\s+)?pernah)\s+$"
    ),
    # "konvensi yang diadopsi Majelis Umum PBB": a passive relative clause, its agent no target
    object_relative=r"\byang\s+(?:telah\s+|sudah\s+|pernah\s+)?di[a-z]{3,}\b",
    consult_modes=(
        (r"\b(?:telepon|daring|virtual|konferensi\s+video)\b", "phone"),
        (r"\b(?:di\s+sela|KTT|multilateral)\b", "multilateral"),
        # a gathering of many countries' delegations ("delegasi dari sekitar 110 negara", "para ketua delegasi")
        (r"\b(?:delegasi|perwakilan)\s+(?:dari\s+)?(?:sekitar\s+|lebih\s+dari\s+|hampir\s+)?\d+\s+negara\b|"
         r"\bpara\s+ketua\s+delegasi\b", "multilateral"),
        (r"\b(?:menengahi|ditengahi|memediasi|dimediasi|mediasi|mediator)\b", "third-party"),
        # "menerima bantuan/laporan" (received aid, a report) is no reception
        (r"\b(?:kunjungan|berkunjung|mengunjungi|(?:menerima|diterima)(?!\s+(?:bantuan|laporan|usulan|penghargaan|surat|dana|masukan)\b))\b", "visit"),
    ),
    mode_cues=(
        ("REQUEST", r"\b(?:bantuan|membantu|mendukung|dukungan|kerja\s*sama|memfasilitasi)\b", "assist"),
        ("REQUEST", r"\b(?:bertemu|berunding|perundingan|dialog)\b", "meet"),
        ("REQUEST", r"\b(?:membebaskan|gencatan\s+senjata|mencabut|menarik\s+(?:\w+\s+){0,2}?pasukan|penarikan\s+pasukan|membuka\s+(?:kembali\s+)?perbatasan)\b", "yield"),
        ("REQUEST", r"\b(?:reformasi|mengubah|perubahan|mundur|merevisi|revisi|mencabut\s+undang-undang|pemilu\s+(?:ulang|dini)|pemilihan\s+ulang|pemakzulan|memakzulkan)\b", "change"),
        ("REJECT", r"\b(?:bantuan|kerja\s*sama)\b", "assist"),
        ("REJECT", r"\b(?:bertemu|berunding|perundingan|dialog|undangan)\b", "meet"),
        ("REJECT", r"\b(?:membebaskan|gencatan\s+senjata|mencabut|menarik\s+(?:\w+\s+){0,2}?pasukan|penarikan\s+pasukan|membuka\s+(?:kembali\s+)?perbatasan)\b", "yield"),
        ("REJECT", r"\b(?:reformasi|mengubah|perubahan|merevisi|revisi)\b", "change"),
        # modes of the other types, read for a classifier's event in its whole sentence (and after a
        # rule trigger that carries no mode), first match wins; from the codebook's mode definitions
        ("THREATEN", r"\b(?:menangkap|penangkapan|memenjarakan)\b", "arrest"),
        ("THREATEN", r"\b(?:mengusir|mendeportasi)\b", "expel"),
        ("THREATEN", r"\b(?:memutus\w*\s+hubungan|hubungan\s+diplomatik|duta\s+besar)\b", "relations"),
        # "tarif" alone is also a fare ("mogok bila tarif tidak dinaikkan"): only import tariffs and duties
        ("THREATEN", r"\b(?:sanksi|embargo|tarif\s+(?:impor|masuk|bea)|bea\s+masuk|membatasi|larangan|menutup|memblokade)\b", "restrict"),
        ("THREATEN", r"\b(?:menyerang|serangan|membalas|kekerasan|perang|membunuh|meledakkan|menembak\w*|mengebom)\b", "violence"),
        ("MOBILIZE", r"\b(?:polisi|personel|brimob)\b", "police"),
        # "setelah serangan kelompok bersenjata": the group attacked; the forces sent are not it
        ("MOBILIZE", r"\b(?:milisi|pemberontak|(?<!serangan )kelompok\s+bersenjata)\b", "militia"),
        ("MOBILIZE", r"\b(?:rudal|kapal\s+perang|kapal|tank|artileri|pesawat|senjata)\b", "weapons"),
        ("MOBILIZE", r"\b(?:pasukan|tentara|prajurit|batalion|TNI)\b", "troops"),
        ("PROTEST", r"\bmogok\s+makan\b", "hunger"),
        ("PROTEST", r"\bboikot\w*\b", "boycott"),
        ("PROTEST", r"\bmogok\b", "strike"),
        ("PROTEST", r"\b(?:kerusuhan|rusuh|menjarah|membakar)\b", "riot"),
        ("PROTEST", r"\b(?:memblokade|memblokir|menduduki|aksi\s+duduk)\b", "obstruct"),
        ("PROTEST", r"\b(?:unjuk\s+rasa|berunjuk\s+rasa|demonstrasi|berdemonstrasi|demo|aksi|long\s+march|turun\s+ke\s+jalan)\b", "demo"),
        ("COERCE", r"\b(?:darurat\s+militer|keadaan\s+darurat)\b", "martial-law"),
        ("COERCE", r"\b(?:hoaks|disinformasi|berita\s+bohong)\b", "misinformation"),
        ("COERCE", r"\b(?:memutus|memutuskan)\s+(?:aliran\s+)?(?:listrik|air|pasokan)\b", "withhold"),
        ("COERCE", r"\bjam\s+malam\b", "curfew"),
        ("COERCE", r"\b(?:siber|peretas\w*)\b", "cyber"),
        ("COERCE", r"\b(?:memblokir\s+akses|sensor|membredel)\b", "censor"),
        ("COERCE", r"\b(?:mendeportasi|deportasi)\b", "deport"),
        ("COERCE", r"\b(?:menyita|penyitaan|penggerebekan|menggerebek)\b", "seize"),
        ("COERCE", r"\b(?:menangkap|ditangkap|menahan|ditahan)\b", "arrest"),
        ("COERCE", r"\b(?:melarang|larangan|membatasi|menutup)\b", "restrict"),
        ("ASSAULT", r"\b(?:(?:upaya\s+)?pembunuhan\s+(?:terhadap\s+)?(?:tokoh|pemimpin|presiden|perdana\s+menteri|menteri|gubernur|bupati|wali\s+kota|jenderal|komandan|hakim|jaksa|jurnalis|wartawan|aktivis|kandidat|calon)|asasinasi|dibunuh\s+secara\s+terencana)\b", "assassinate"),
        ("ASSAULT", r"\bbom\s+bunuh\s+diri\b", "suicide-attack"),
        ("ASSAULT", r"\bdrone\b", "drone"),
        ("ASSAULT", r"\b(?:serangan\s+udara|pesawat\s+tempur|jet\s+tempur|helikopter\s+tempur)\b", "aerial"),
        ("ASSAULT", r"\b(?:senjata\s+kimia|gas\s+beracun|senjata\s+biologi)\b", "unconventional"),
        ("ASSAULT", r"\b(?:menculik|penculikan|sandera)\b", "abduct"),
        ("ASSAULT", r"\b(?:gas\s+air\s+mata|peluru\s+karet|meriam\s+air)\b", "crowd-control"),
        ("ASSAULT", r"\b(?:bom|ledakan|meledak|granat|ranjau|bahan\s+peledak)\b", "explosives"),
        ("ASSAULT", r"\b(?:roket|mortir|artileri)\b", "heavy-weapons"),
        ("ASSAULT", r"\b(?:menembak\w*|ditembak|senjata\s+api|tembakan)\b", "firearms"),
        ("ASSAULT", r"\b(?:senjata\s+tajam|parang|pisau|golok|celurit|panah|batu)\b", "primitive"),
        ("ASSAULT", r"\b(?:memukuli|dipukuli|penganiayaan|menganiaya|mengeroyok)\b", "beat"),
        ("ASSAULT", r"\b(?:menyiksa|penyiksaan|disiksa)\b", "torture"),
        ("ASSAULT", r"\b(?:memperkosa|pemerkosaan|diperkosa|kekerasan\s+seksual)\b", "sexual"),
        ("ASSAULT", r"\b(?:membakar|menghancurkan)\b", "destroy"),
        # the kinds of aid the codebook's AID definition names (first match wins)
        ("AID", r"\b(?:suaka|suaka\s+politik)\b", "asylum"),
        ("AID", r"\b(?:bantuan\s+militer|hibah\s+militer|senjata|amunisi|alutsista|peralatan\s+militer|rudal|tank|kendaraan\s+lapis\s+baja|pertahanan\s+udara|kapal\s+patroli|pesawat\s+tempur)\b", "military"),
        ("AID", r"\b(?:pinjaman|kredit|dukungan\s+anggaran|keringanan\s+utang|penghapusan\s+utang|menghapus\s+utang|reparasi|bantuan\s+(?:ekonomi|keuangan))\b", "economic"),
        ("AID", r"\b(?:kemanusiaan|darurat|logistik|sembako|beras|makanan|air\s+bersih|obat-obatan|obat|vaksin|tenda|selimut|bencana|banjir|gempa|longsor|kebakaran|pandemi|wabah|tsunami|kekeringan|pengungsi|korban|evakuasi|penyelamatan)\b", "humanitarian"),
        ("AID", r"\b(?:hibah|dana|uang\s+tunai|\d[\d.,]*\s*(?:juta|miliar|triliun)\s+(?:dolar|rupiah|euro|yen)|US\$|Rp)\b", "economic"),
        ("SANCTION", r"\b(?:vonis|divonis|menjatuhkan\s+hukuman|penjara)\b", "convict"),
        ("SANCTION", r"\bmengusir\b", "expel"),
        ("SANCTION", r"\b(?:menarik|memanggil\s+pulang)\b", "withdraw"),
        ("SANCTION", r"\b(?:menangguhkan|membekukan|sanksi|embargo|menghentikan)\b", "discontinue"),
        ("RETREAT", r"\b(?:mencabut|dicabut|melonggarkan|dilonggarkan|mengakhiri|mencabut\s+status|membuka\s+kembali|dibuka\s+kembali)\s+(?:\w+\s+){0,3}?(?:jam\s+malam|pembatasan|larangan|lockdown|penguncian|status\s+darurat|keadaan\s+darurat|sanksi|embargo|blokade|moratorium|kuota|perbatasan|pos\s+lintas\s+batas)\b", "ease"),
        ("RETREAT", r"\b(?:mengembalikan|dikembalikan|menyerahkan\s+kembali|memulangkan|dipulangkan)\s+(?:\w+\s+){0,4}?(?:aset|properti|harta|tanah|lahan|kapal|perahu|wilayah|jenazah|kerangka|artefak|benda\s+cagar\s+budaya|barang\s+sitaan|muatan|peralatan)\b", "return"),
        ("RETREAT", r"\bmengundurkan\s+diri\b", "resign"),
        ("RETREAT", r"\b(?:membebaskan|dibebaskan)\b", "release"),
        ("RETREAT", r"\b(?:menyerahkan\s+senjata|perlucutan)\b", "disarm"),
        ("RETREAT", r"\b(?:mengizinkan|akses)\b", "access"),
        ("RETREAT", r"\b(?:ditarik|menarik|mundur)\b", "withdraw"),
        ("RETREAT", r"\b(?:gencatan\s+senjata)\b", "ceasefire"),
        ("ACCUSE", r"\b(?:menyelidiki|penyelidikan|memeriksa)\b", "investigate"),
        ("ACCUSE", r"\b(?:menuduh|tuduhan|dituduh)\b", "allege"),
        ("ACCUSE", r"\b(?:mengecam|mengkritik|mengutuk)\b", "disapprove"),
    ),
    two_countries=r"\s+(?:kedua|dua)\s+negara\b",
    # "negara-negara ASEAN", "negara anggota ASEAN", "para pemimpin ASEAN": the members act
    counterparts_before=r"\b(?:dengan|bersama)\s+(?:\S+\s+)?$",
    clause_appositive=r"(?:(?:saat|ketika)\s+)?berbicara\b",
    conjunctions=("dan", "serta"),
    comitatives=("bersama", "bersama dengan", "dengan"),
    complementizers=("bahwa", "akan", "telah"),
    appositive_stops=("yang", "untuk", "akan", "telah", "sedang", "saat"),
    members_before=r"\b(?:negara-negara|negara|para\s+pemimpin|pemerintah)(?:\s+anggota)?\s*$",
    # "Konvensi PBB Melawan Kejahatan Siber", "Piagam ASEAN": a title, the body is no party
    document_before=r"\b(?:Konvensi|Traktat|Perjanjian|Piagam|Protokol|Deklarasi|Resolusi)\s+$",
    # "Forum Bisnis Vietnam-Afrika Selatan", "Upacara ... Indonesia-Australia": a gathering's name
    # "seorang warga negara Australia", "orang Indonesia": a nationality, no actor
    nationality_before=r"\b(?:orang|warga(?:\s+negara)?|berkewarganegaraan)\s+$",
    # "Upacara pembukaan ... dibuka di ...": a gathering told by its name alone, at a clause's start
    gathering_held=r"(?:^|,\s*)(?P<name>(?-i:(?:Upacara|Konferensi|Forum|Seremoni)\b)[^,;.]{0,80}?)\s(?P<t>dibuka|berlangsung|digelar|diselenggarakan)\b",
    gathering_before=r"(?-i:\b(?:Forum|Konferensi|Upacara|Seremoni|Dialog))(?:(?:\s+|\s*[-–]\s*)(?!(?:oleh|di|dan|dengan|yang|bersama|pada|untuk|ke|dari|itu|ini)\b)\w+){0,8}?(?:\s+|\s*[-–]\s*)$",
    # "PBB harus terus melakukan reformasi": the UN is asked, not asking
    obligation_after=r"\s+(?:harus|perlu|sebaiknya|wajib)\b",
    organizer_phrase=r"\b(?:diselenggarakan|diorganisasikan)(?:\s+bersama)?(?:\s+oleh)?\s[^,;.]*",
    counted_subject=r"(?:\b\d[\d.,]*\s+(?:negara|anggota|delegasi)|\bsejumlah\s+(?:(?:pemimpin|kepala|ketua)\s+)?(?:negara|delegasi|pemimpin)|\bnegara-negara(?:\s+anggota)?|\bpara\s+(?:anggota|delegasi))\s+(?:telah\s+|sudah\s+)?$",
    # "kunjungan kenegaraan ke Vietnam", "kunjungan pertama presiden X ke Vietnam": X visits
    visit_to=r"\b(?:ber)?kunjung(?:an)?\b(?:\s+[^\s,.;]+){0,6}?\s+ke\s+",
    visit_by=r"\boleh\b",
    group_actors=(
        (r"\b(?:polisi|Polri|kepolisian|bea\s+(?:dan\s+)?cukai|petugas|penyidik|aparat)\b", "COP", "police"),
        (r"\b(?:tentara|prajurit|TNI|militer)\b", "MIL", "military"),
        (r"\b(?:pengunjuk\s+rasa|demonstran|massa\s+aksi|para\s+pendemo|mahasiswa|aktivis)\b", "CVL", "protesters"),
        (r"\b(?:pejabat|otoritas|pihak\s+berwenang)\b", "GOV", "authorities"),
    ),
    contexts=(
        (r"\b(?:siber|kejahatan\s+siber|keamanan\s+siber)\b", "cyber"),
        (r"\b(?:narkoba|narkotika|sabu)\b", "illegal_drugs"),
        (r"\b(?:perdagangan\s+orang|penyelundupan)\b", "trafficking"),
        (r"\b(?:kejahatan|pencucian\s+uang|penipuan)\b", "crime"),
        (r"\b(?:korupsi|suap)\b", "corruption"),
        (r"\b(?:perdagangan|investasi|ekonomi)\b", "economic"),
    ),
    # a person named by office and country after the first mention (``events/descriptions.py``):
    # "Menlu Prancis", "pemimpin Laos", "Presiden RI"; not "para pemimpin ASEAN" (many), "seorang
    # presiden Afrika Selatan" (any one) or "mantan Presiden RI" (a former holder)
    descriptions=(r"\b{noun}\s+{country}\b", r"\b{noun}\s+{nat}\b"),
    description_nouns=DESCRIPTION_NOUNS,
    description_blocked_before=r"\b(?:para|kedua|dua|tiga|seorang|sebuah|mantan|eks)\s+$",
    # "RI" (Republik Indonesia) after a title says whose it is, as a nationality ("Presiden RI")
    demonyms={"RI": "IDN"},
    # a country the stage names itself (a description that fits no one) in Indonesian: "Prancis",
    # "Laos"; the press writes "Inggris" for CLDR's "Inggris Raya" and "Palestina" for "Wilayah Palestina"
    country_locale="id",
    country_names={"GBR": "Inggris", "PSE": "Palestina"},
)  # fmt: skip
