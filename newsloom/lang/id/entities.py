"""Indonesian names, titles and roles for the entity stage."""

from pathlib import Path

from newsloom.entities.rules import EntityRules, read_word_list

#: Ministers' portfolios, right after "Menteri" ("Menteri Perhubungan").
PORTFOLIOS = frozenset(
    {"Luar Negeri", "Dalam Negeri", "Pertahanan", "Perhubungan", "Keuangan", "Kesehatan", "Pendidikan",
     "Pendidikan Dasar dan Menengah", "Perdagangan", "Perindustrian", "Pertanian", "Hukum", "Hak Asasi Manusia",
     "HAM", "Agama", "Sosial", "Ketenagakerjaan", "Pariwisata", "Kelautan dan Perikanan", "Sekretaris Negara",
     "BUMN", "Badan Usaha Milik Negara", "Komunikasi dan Digital", "Komunikasi dan Informatika",
     "Imigrasi dan Pemasyarakatan", "Energi dan Sumber Daya Mineral", "ESDM", "Investasi", "Lingkungan Hidup",
     "Keamanan Publik", "Koperasi", "Pekerjaan Umum", "Perumahan", "Kebudayaan", "Pemuda dan Olahraga",
     "Desa", "Transmigrasi", "Perlindungan Pekerja Migran Indonesia", "Kehutanan", "Ekonomi Kreatif",
     "Koordinator Bidang Politik dan Keamanan", "Koordinator Bidang Hukum", "Koordinator Bidang Perekonomian",
     # the coordinating ministries as written in the news (a portfolio is matched up to a comma)
     "Koordinator Politik dan Keamanan", "Koordinator Perekonomian", "Koordinator Kemaritiman",
     "Koordinator Bidang Kemaritiman", "Koordinator Pembangunan Manusia dan Kebudayaan",
     "Koordinator Bidang Pembangunan Manusia dan Kebudayaan", "Koordinator Kesejahteraan Rakyat",
     # "Menteri Koordinator Politik, Hukum dan Keamanan" (matched up to the comma), also written "Koordinasi"
     "Koordinator Politik", "Koordinator Bidang Politik", "Koordinasi Politik", "Koordinasi Bidang Politik",
     "Penerangan", "Riset dan Teknologi", "Pendidikan dan Kebudayaan", "Pekerjaan Umum dan Perumahan Rakyat"}
)  # fmt: skip
#: Police and military ranks, alone or followed by "Polisi"/"Pol"/"TNI".
RANKS = ("Jenderal", "Komisaris Jenderal", "Komjen", "Inspektur Jenderal", "Irjen", "Brigadir Jenderal",
         "Brigjen", "Komisaris Besar", "Kombes", "Ajun Komisaris Besar", "AKBP", "Ajun Komisaris", "AKP",
         "Letnan Jenderal", "Mayor Jenderal", "Marsekal", "Laksamana", "Kolonel",
         # the air force's and navy's two-word ranks, and the five-star one ("Marsekal Muda TNI Yuyu Sutisna")
         "Marsekal Madya", "Marsekal Muda", "Marsekal Pertama", "Laksamana Madya", "Laksamana Muda",
         "Laksamana Pertama", "Jenderal Besar")  # fmt: skip

RULES = EntityRules(
    titles={
        "Presiden": "head_of_state", "Wakil Presiden": "deputy_head_of_state", "Wapres": "deputy_head_of_state",
        "Raja": "monarch", "Ratu": "monarch", "Sultan": "monarch",
        "Perdana Menteri": "head_of_government", "PM": "head_of_government",
        "Wakil Perdana Menteri": "deputy_head_of_government", "Wakil PM": "deputy_head_of_government",
        "Menteri": "minister", "Wakil Menteri": "deputy_minister", "Wamen": "deputy_minister",
        "Menteri Luar Negeri": "foreign_minister", "Menlu": "foreign_minister",
        "Menteri Keamanan Publik": "minister", "Menteri Dalam Negeri": "minister", "Menteri Pertahanan": "minister",
        "Menteri Perdagangan": "minister", "Menteri Hukum": "minister",
        "Wakil Menteri Luar Negeri": "deputy_minister", "Wamenlu": "deputy_minister",
        "Ketua DPR": "legislature_speaker", "Ketua Majelis Nasional": "legislature_speaker",
        "Ketua MPR": "legislature_speaker", "Anggota DPR": "legislator",
        "Sekretaris Jenderal": "secretary_general", "Sekjen": "secretary_general",
        "Wakil Sekretaris Jenderal": "deputy_secretary_general", "Wakil Sekjen": "deputy_secretary_general",
        "Sekretaris Jenderal Partai Komunis": "party_general_secretary", "Anggota Politbiro": "politburo_member",
        "Wakil Sekretaris Jenderal PBB": "un_deputy_secretary_general",
        "Direktur Eksekutif": "agency_head", "Direktur Jenderal": "agency_head", "Dirjen": "agency_head",
        "Kepala": "agency_head", "Direktur": "director", "Duta Besar": "ambassador", "Dubes": "ambassador",
        "Ketua": "chair", "Ketua Umum": "party_chair", "Wakil Ketua": "deputy_chair",
        "Wakil Ketua Umum": "deputy_chair",
        "Gubernur": "governor", "Wali Kota": "mayor", "Walikota": "mayor", "Bupati": "mayor",
        "Juru Bicara": "spokesperson", "Jubir": "spokesperson", "Jenderal": "general",
        "Kapolri": "police_chief", "Ketua Mahkamah Agung": "chief_justice",
        "Kapolda": "police_chief", "Kapolres": "police_chief", "Kapolsek": "police_chief",
        "Kepala Kepolisian": "police_chief", "Komisaris": "general",
        # a school's head: "Sekolah" is no name (a village's is not here: the corpora tag "Desa X" after
        # "Kepala" as the place)
        "Kepala Sekolah": "director", "Menteri Negara": "minister", "Menteri Muda": "minister",
        **{rank: "general" for rank in RANKS},
        **{f"{rank} {arm}": "general" for rank in RANKS for arm in ("Polisi", "Pol", "TNI")},
    },
    honorifics=frozenset(
        {"Bapak", "Pak", "Ibu", "Bu", "Saudara", "Sdr", "Sdr.", "Tuan", "Nyonya",
         "Datuk Seri", "Dato' Seri", "Dato’ Seri", "Dato' Sri", "Dato’ Sri", "Tan Sri", "Puan Sri", "Toh Puan",
         "Datuk", "Dato'", "Dato’", "Datin", "Tun"}
    ),
    name_order="given_first",
    connectors=frozenset({"dan", "untuk", "di", "urusan", "tentang", "dalam", "bin", "binti", "van", "de"}),
    org_heads=frozenset(
        {"Kementerian", "Badan", "Komisi", "Dewan", "Majelis", "Kantor", "Lembaga", "Partai", "Bank",
         "Universitas", "Institut", "Yayasan", "Perusahaan", "Mahkamah", "Kepolisian", "Pengadilan",
         "Kejaksaan", "Organisasi", "Perhimpunan", "Asosiasi", "Dinas", "Direktorat", "Sekretariat", "Kedutaan",
         "Masyarakat", "Bidang", "Polda", "Polres", "Kamar", "Bea", "Gerakan", "Polsek", "Satuan", "Korps"}
    ),
    non_entity_words=frozenset(
        {"Konvensi", "Program", "Perjanjian", "Deklarasi", "Undang-Undang", "UU", "Peraturan", "Forum",
         "Konferensi", "KTT", "Hari", "Festival", "Piala", "Strategi", "Rencana", "Cetak Biru", "Markas",
         "Pertemuan", "Upacara", "Sidang", "Kemitraan", "Kode Etik",
         # a regulation named after who signs it, with its number ("Instruksi Presiden Nomor 2")
         "Instruksi", "Keputusan", "Nomor"}
    ),
    plural_markers=frozenset({"dua", "kedua", "para", "tiga", "beberapa", "semua", "mantan", "seorang"}),
    credit_markers=frozenset({"Foto", "Foto:", "Sumber", "Oleh", "Pewarta", "Editor"}),
    sentence_openers=frozenset(
        {"Dia", "Ia", "Mereka", "Kami", "Kita", "Ini", "Itu", "Di", "Pada", "Dalam", "Untuk", "Dan", "Namun",
         "Selain", "Menurut", "Sementara", "Sebelumnya", "Setelah", "Saat", "Ketika", "Sebagai", "Hal", "Adapun"}
    ),
    # Verbs opening a sentence alone ("Menjawab pertanyaan wartawan, ...", "Dikatakan bahwa ...",
    # "Berdasarkan data ..."), which the model takes for names: meN- with its assimilated forms
    # (mem-b/p/f, men-c/d/j/t/s/z, meng- before a vowel or g/h/k, meny- before a vowel; not "Me" + g as
    # in "Megawati"), di-...-kan, ber-/ter- words of 7 letters or more ("Bertha", "Teresa" are names).
    title_bodies=True,
    common_words=read_word_list(Path(__file__).with_name("common_words.txt")),
    opening_verbs=r"(?i)me(?:m[bpf]|n[cdjtsz]|ng[aeioughk]|ny[aeiou])[a-z]{2,}|di[a-z]{3,}kan|(?:ber|ter)[a-z]{4,}",
    place_heads=frozenset({"Bandara", "Bandar Udara", "Istana", "Pulau", "Provinsi", "Kabupaten", "Pelabuhan", "Selat", "Sungai", "Gunung", "Laut", "Teluk", "Kota", "Kecamatan", "Desa", "Danau", "Tanjung"}),
    # compass words closing a place the gazetteer holds without them ("Lampung | Utara"): a place, not a person
    place_tails=frozenset({"Utara", "Selatan", "Timur", "Barat", "Tengah", "Tenggara"}),
    title_joiners=frozenset({"dan", ",", "sekaligus"}),
    title_links=frozenset({"dari"}),
    portfolio_titles=frozenset({"Menteri", "Wakil Menteri", "Menteri Negara", "Menteri Muda"}),
    portfolios=PORTFOLIOS,
    title_suffixes={"RI": "place:ID"},
    initials_markers=frozenset({"berinisial", "inisial", "initial", "initials"}),
    # the corpora tag names written lower case ("kediri", "detikcom") and the model learned them
    lowercase_names=True,
    # leaders named by their initials ("SBY", "JK"): the corpora tag them persons, as the model reads them
    acronym_people=True,
    # ... but not after a title heading an organization: "Kepala BNN", "Ketua KPK" (on the training
    # split, an all-capitals word after these opens an organization 57 times, a person never)
    org_head_titles=frozenset(
        {"Kepala", "Ketua", "Ketua Umum", "Wakil Ketua", "Wakil Ketua Umum", "Direktur", "Direktur Jenderal",
         "Direktur Eksekutif", "Dirjen", "Sekjen", "Sekretaris Jenderal", "Wakil Sekretaris Jenderal",
         "Wakil Sekjen", "Juru Bicara", "Jubir"}
    ),
    # the corpora tag "Sultan Hamengkubuwono X" whole (8 of 8 in the training split)
    name_titles=frozenset({"Sultan"}),
    list_joiners=frozenset({"dan", "atau", "serta"}),
    role_words=frozenset(
        {"Pelatih", "Penyanyi", "Aktor", "Aktris", "Pemain", "Gelandang", "Penyerang", "Bek", "Kiper", "Striker", "Kapten", "Petenis", "Pebulu tangkis", "Pebalap", "Petinju", "Penulis", "Sutradara", "Produser", "Pengacara", "Aktivis", "Wartawan", "Jurnalis", "Pengusaha", "Musisi", "Rapper", "Dokter", "Profesor", "Komedian", "Presenter", "Artis", "Selebritas",
         # a crew's and other trades ("Teknisi Nesudin Rahmat", "pramugari Ida Handayani")
         "Teknisi", "Pramugari", "Pramugara", "Pilot", "Kopilot", "Ko-Pilot", "Perawat", "Bidan", "Petani", "Nelayan", "Mahasiswa", "Mahasiswi", "Siswa", "Siswi", "Pelajar", "Buruh", "Sopir", "Supir", "Karyawan", "Karyawati", "Peneliti", "Pengamat", "Ekonom", "Politikus", "Politisi", "Wasit", "Atlet", "Pegolf", "Perenang", "Pesepak bola", "Pesepakbola"}
    ),
)  # fmt: skip
