"""Indonesian names, titles and roles for the entity stage."""

from newsloom.entities.rules import EntityRules

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
        "Gubernur": "governor", "Wali Kota": "mayor", "Walikota": "mayor", "Bupati": "mayor",
        "Juru Bicara": "spokesperson", "Jubir": "spokesperson", "Jenderal": "general",
        "Kapolri": "police_chief", "Ketua Mahkamah Agung": "chief_justice",
    },
    honorifics=frozenset({"Bapak", "Pak", "Ibu", "Bu", "Saudara", "Sdr", "Sdr.", "Tuan", "Nyonya"}),
    name_order="given_first",
    connectors=frozenset({"dan", "untuk", "di", "urusan", "tentang", "dalam", "bin", "binti", "van", "de"}),
    org_heads=frozenset(
        {"Kementerian", "Badan", "Komisi", "Dewan", "Majelis", "Kantor", "Lembaga", "Partai", "Bank",
         "Universitas", "Institut", "Yayasan", "Perusahaan", "Mahkamah", "Kepolisian", "Pengadilan",
         "Kejaksaan", "Organisasi", "Perhimpunan", "Asosiasi", "Dinas", "Direktorat", "Sekretariat", "Kedutaan",
         "Masyarakat", "Bidang", "Polda", "Polres", "Kamar", "Bea"}
    ),
    non_entity_words=frozenset(
        {"Konvensi", "Program", "Perjanjian", "Deklarasi", "Undang-Undang", "UU", "Peraturan", "Forum",
         "Konferensi", "KTT", "Hari", "Festival", "Piala", "Strategi", "Rencana", "Cetak Biru", "Markas",
         "Pertemuan", "Upacara", "Sidang", "Kemitraan"}
    ),
    plural_markers=frozenset({"dua", "kedua", "para", "tiga", "beberapa", "semua", "mantan", "seorang"}),
    credit_markers=frozenset({"Foto", "Foto:", "Sumber", "Oleh", "Pewarta", "Editor"}),
    sentence_openers=frozenset(
        {"Dia", "Ia", "Mereka", "Kami", "Kita", "Ini", "Itu", "Di", "Pada", "Dalam", "Untuk", "Dan", "Namun",
         "Selain", "Menurut", "Sementara", "Sebelumnya", "Setelah", "Saat", "Ketika", "Sebagai", "Hal", "Adapun"}
    ),
    place_heads=frozenset({"Bandara", "Bandar Udara", "Istana", "Pulau", "Provinsi", "Kabupaten", "Pelabuhan", "Selat", "Sungai", "Gunung"}),
    place_tails=frozenset({}),
    title_joiners=frozenset({"dan", ",", "sekaligus"}),
    title_links=frozenset({"dari"}),
)  # fmt: skip
