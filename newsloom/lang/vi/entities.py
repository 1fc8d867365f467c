"""Vietnamese names, titles and roles for the entity stage."""

from newsloom.entities.rules import EntityRules

#: Ministers' portfolios, right after "Bộ trưởng" ("Bộ trưởng Quốc phòng").
PORTFOLIOS = frozenset(
    {"Ngoại giao", "Quốc phòng", "Công an", "Tài chính", "Công Thương", "Y tế", "Giáo dục và Đào tạo",
     "Giáo dục", "Tư pháp", "Nội vụ", "Xây dựng", "Nông nghiệp và Môi trường", "Nông nghiệp",
     "Giao thông vận tải", "Khoa học và Công nghệ", "Văn hóa, Thể thao và Du lịch", "Văn hoá, Thể thao và Du lịch",
     "Lao động, Thương binh và Xã hội", "Kế hoạch và Đầu tư", "Thông tin và Truyền thông",
     "Tài nguyên và Môi trường", "Dân tộc và Tôn giáo", "Thương mại", "Kinh tế", "Nội địa", "An ninh",
     "Nhập cư", "Giao thông", "Năng lượng", "Y tế công cộng", "Di trú"}
)  # fmt: skip

RULES = EntityRules(
    # The Vietnamese model is on since it learned from VLSP-2018 news beside PhoNER_COVID19 (model 1.1.0):
    # on the blind sentences the stage went from 0.643/0.760 (rules) to 0.857/0.894 exact/overlap, on our
    # held-out split of the training files from 0.522/0.628 to 0.826/0.870. The story gate holds with it
    # (storyline inverse purity 0.812 on and off; the 0.500 of the PhoNER-only model no longer happens).
    learned_model=True,
    titles={
        "Chủ tịch nước": "head_of_state", "Tổng thống": "head_of_state", "Quốc vương": "monarch",
        "Nhà vua": "monarch", "Nữ hoàng": "monarch",
        "Phó Chủ tịch nước": "deputy_head_of_state", "Phó Tổng thống": "deputy_head_of_state",
        "Thủ tướng": "head_of_government", "Thủ tướng Chính phủ": "head_of_government",
        "Phó Thủ tướng": "deputy_head_of_government", "Phó Thủ tướng Thường trực": "deputy_head_of_government",
        "Phó Thủ tướng Chính phủ": "deputy_head_of_government",
        "Bộ trưởng": "minister", "Thứ trưởng": "deputy_minister",
        "Bộ trưởng Ngoại giao": "foreign_minister", "Bộ trưởng Bộ Ngoại giao": "foreign_minister",
        "Ngoại trưởng": "foreign_minister",
        "Chủ tịch Quốc hội": "legislature_speaker", "Phó Chủ tịch Quốc hội": "deputy_legislature_speaker",
        "Chủ tịch Hạ viện": "legislature_speaker", "Chủ tịch Thượng viện": "legislature_speaker",
        "Đại biểu Quốc hội": "legislator",
        "Ủy viên Bộ Chính trị": "politburo_member", "Uỷ viên Bộ Chính trị": "politburo_member",
        "Tổng Bí thư": "party_general_secretary", "Bí thư": "party_secretary",
        "Tổng Thư ký": "secretary_general", "Phó Tổng Thư ký": "un_under_secretary_general",
        "Giám đốc điều hành": "agency_head", "Tổng Giám đốc": "agency_head", "Giám đốc": "director",
        "Đại sứ": "ambassador", "Chủ tịch": "chair", "Phó Chủ tịch": "deputy_chair",
        "Thống đốc": "governor", "Thị trưởng": "mayor", "Người phát ngôn": "spokesperson",
        "Đại tướng": "general", "Thượng tướng": "general", "Trung tướng": "general", "Thiếu tướng": "general",
        "Chánh án": "chief_justice", "Tổng Giám đốc Công an": "police_chief",
        "Đại tá": "general", "Thượng tá": "general", "Trung tá": "general", "Thiếu tá": "general",
    },
    honorifics=frozenset({"ông", "bà", "anh", "chị", "cô", "ngài", "Ông", "Bà", "Ngài"}),
    # Vietnamese puts the family name first (Bùi Thanh Sơn -> family Bùi) and calls people by the
    # last syllable, the given name (Sơn). "Phó" is left out: it opens titles (Phó Thủ tướng).
    name_order="family_first",
    family_names=frozenset(
        {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
         "Ngô", "Dương", "Lý", "Lương", "Đinh", "Trịnh", "Đoàn", "Trương", "Lâm", "Mai", "Tô", "Hà", "Đào",
         "Cao", "Chu", "Tạ", "Quách", "Phùng", "Kiều", "Triệu", "Thái", "Vương", "Châu", "Lưu", "Nghiêm",
         "Tôn", "Từ", "Lại", "La", "Mạc", "Hứa", "Thân", "Diệp", "Giang", "Đàm", "Lò", "Hầu", "Tăng",
         "Ninh", "Quan", "Âu", "Cù", "Doãn", "Khúc", "Lã", "Lục", "Mã", "Nông", "Tống", "Trình", "Đồng",
         "Bạch", "Giáp", "Hàn", "Kha", "Khương", "Lữ", "Nhữ", "Tào", "Thiều", "Ứng",
         "Đậu", "Chế", "Chung", "Trà", "Viên", "Phí", "Lăng"}
    ),
    connectors=frozenset({"và", "về", "của", "tại"}),
    org_heads=frozenset(
        {"Bộ", "Cơ quan", "Ủy ban", "Uỷ ban", "Ngân hàng", "Công ty", "Tập đoàn", "Đảng", "Viện", "Trường",
         "Đại học", "Hội", "Tổ chức", "Văn phòng", "Sở", "Cục", "Tổng cục", "Báo", "Đài", "Học viện",
         "Liên minh", "Quỹ", "Tòa án", "Hiệp hội", "Ban", "Trung tâm", "Cảnh sát", "Công an", "Hội đồng",
         "Bộ Tư lệnh", "Viện kiểm sát", "Lực lượng", "Phòng", "Đội", "Đại sứ quán", "Tổng lãnh sự quán",
         "Lãnh sự quán"}
    ),
    org_lowercase_inside=True,
    org_inner_words=frozenset({"quốc gia", "trung ương", "nhân dân", "quốc tế", "thế giới", "liên bang"}),
    non_entity_words=frozenset(
        {"Công ước", "Hiệp định", "Hiệp ước", "Luật", "Nghị quyết", "Nghị định", "Chương trình", "Lễ",
         "Hội nghị", "Diễn đàn", "Đối tác", "Bản ghi nhớ", "Tuyên bố", "Chiến lược"}
    ),
    plural_markers=frozenset({"hai", "các", "những", "ba", "nhiều", "mọi", "một", "cựu"}),
    place_prefixes=frozenset({"châu", "miền", "vùng", "sông", "biển", "tỉnh", "thành phố", "thủ đô"}),
    credit_markers=frozenset({"Ảnh", "Ảnh:", "Video", "Theo", "Nguồn"}),
    sentence_openers=frozenset({"Theo", "Trong", "Tại", "Với", "Sau", "Trước", "Khi", "Ngày", "Chiều", "Sáng", "Tối"}),
    ambiguous_places=frozenset({"Anh", "Pháp", "Đức", "Nga", "Ý", "Mỹ", "Nhật", "Úc", "Hàn", "Séc", "Áo", "Bỉ"}),
    place_heads=frozenset(
        {"sân bay", "sân bay quốc tế", "cảng", "đảo", "huyện", "quận", "sông", "núi", "biển", "eo biển", "vịnh",
         "tỉnh", "cửa khẩu", "cửa khẩu quốc tế", "thị trấn", "thị xã", "xã", "phường", "quần đảo", "bán đảo"}
    ),
    place_tails=frozenset({}),
    title_joiners=frozenset({"kiêm", "và", ","}),
    title_links=frozenset({"của"}),
    portfolio_titles=frozenset({"Bộ trưởng", "Thứ trưởng"}),
    regional_org_heads=frozenset({"Công an"}),
    portfolios=PORTFOLIOS,
    # the corpora tag two-capital names the model proposes ("MU", "IS", "VN"); initials come dotted ("N.H.N.")
    min_proposed_acronym=2,
    org_stop_words=frozenset(
        {"đã", "đang", "sẽ", "vừa", "mới", "cũng", "được", "bị", "là", "có", "không", "cho", "đến", "với",
         "này", "đó", "khi", "thì", "mà", "vẫn", "còn", "chưa", "cùng", "tiếp", "ngày", "hôm"}
    ),
    role_words=frozenset(
        {"Tiền vệ", "Tiền đạo", "Hậu vệ", "Trung vệ", "Thủ môn", "Thủ thành", "Cầu thủ", "Danh thủ", "Đội trưởng", "Huấn luyện viên", "HLV", "Ca sĩ", "Diễn viên", "Nhạc sĩ", "Nghệ sĩ", "Đạo diễn", "Nhà văn", "Nhà thơ", "Nhà báo", "Phóng viên", "Luật sư", "Doanh nhân", "Tỷ phú", "Võ sĩ", "Tay vợt", "Vận động viên", "VĐV", "Bác sĩ", "Giáo sư", "Tiến sĩ", "Người mẫu", "Hoa hậu", "MC"}
    ),
)  # fmt: skip
