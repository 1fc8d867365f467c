"""Vietnamese."""

import re

from newsloom.lang.base import LanguagePack

PACK = LanguagePack(
    code="vi",
    name="Vietnamese",
    lingua="VIETNAMESE",
    # every toned vowel and "đ"; distinctive: the horned vowels and the hooked/dotted tones, less
    # Yoruba's "ẹ", "ọ" and Guarani's "ỹ"
    letters="àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
    distinctive_letters="ơưạảấầẩẫậắằẳẵặẻẽếềểễệỉịỏốồổỗộớờởỡợụủứừửữựỳỵỷ",
    abbreviations=frozenset({"TS", "ThS", "PGS", "GS", "BS", "Tp", "TP", "St", "v.v", "Q", "P"}),
    boilerplate={
        # "Tăng cường hợp tác ... - Ảnh 1."  /  "... hội đàm với ... Ảnh: HỮU HƯNG"
        "caption": (
            re.compile(r"[-–—]\s*Ảnh\s+\d+\.?\s*$"),
            re.compile(r"(?:^|[.\s(])Ảnh\s*:\s*[^\s].{0,60}$"),
        ),
        "counter": (re.compile(r"^\s*Bình luận\s*\(\d+\)\s*$", re.I),),
        "source_line": (re.compile(r"^\s*(?:Nguồn|Theo)\s*:\s*\S+\s*$", re.I),),
        "related": (re.compile(r"^\s*(?:Xem thêm|Tin liên quan|Đọc thêm)\s*:?.*$", re.I),),
    },
    # "HÀ NỘI —", "(Chinhphu.vn) -", "TPHCM -"
    dateline=re.compile(r"^\s*(?P<place>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ .]{1,30}?)\s*(?:\([^)]{1,30}\))?\s*[—–-]\s+"),
    byline=re.compile(r"^\s*(?:Bài(?: và ảnh)?|Tác giả|PV|Nhóm PV)\s*:\s*(?P<author>.{2,60})$", re.I),
    sections=frozenset(
        {"Quốc tế", "Thế giới", "Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Pháp luật", "Văn hóa",
         "Thể thao", "Giáo dục", "Sức khỏe", "Đối ngoại", "Trong nước", "Công nghệ", "Du lịch"}
    ),
)  # fmt: skip
