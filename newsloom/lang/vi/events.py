"""Vietnamese event predicates and argument patterns.

Vietnamese writes one syllable per word, separated by spaces, so a trigger is a syllable sequence
and "tiếp" (receive) must not be read inside "tiếp tục" (continue) or "trực tiếp" (direct).
The subject comes first; the passive puts the agent after "được": "B được A tiếp" = A received B.
"""

from newsloom.events.rules import (
    LEADER_ROLES,
    TARGET_OBJECT,
    TARGET_OPTIONAL,
    TARGET_REQUIRED,
    EventRules,
    Trigger,
)
from newsloom.lang.vi.entities import RULES as ENTITY_RULES

# Words that, right after a cooperation verb, make a future-tense statement an offer (AGREE).
_COOP = r"(?:hợp tác|phối hợp|triển khai|hỗ trợ|đồng hành|duy trì(?: hợp tác)?|tăng cường|thúc đẩy|tham gia|đóng góp|giúp đỡ|làm sâu sắc|mở rộng|cùng)"

# "dự định" (an intention), unless a verb undid it ("từ bỏ/hủy bỏ/gác lại dự định ...", "dự định ... đã bị
# hủy bỏ"), and "dự kiến" (planned, expected) unless it was undone in the passive ("Chuyến thăm dự kiến vào
# tháng Năm đã bị hủy"): a dropped plan is asserted (codebook: CONCEDE), as in the English pack. "hủy bỏ kế hoạch" needs
# nothing: "kế hoạch" is a cue only in "không có kế hoạch". Python's lookbehind is fixed-width, so one per
# verb ending and determiner ("bỏ" covers "từ bỏ", "hủy bỏ", "bãi bỏ").
_UNDOING = ("bỏ", "hủy", "gác lại", "rút lại")
_UNDONE = r"(?:hủy bỏ|hủy|gác lại|bãi bỏ|rút lại)"
_INTENT = (
    "".join(
        "(?<!\\b" + (verb + " " + det).replace(" ", r"\s") + ")"
        for verb in _UNDOING
        for det in ("", "các ", "những ", "mọi ")
    )
    + r"dự định\b(?![^.;]{0,80}?\bbị\s+"
    + _UNDONE
    + r"\b)"
    + r"|dự kiến\b(?![^.;]{0,80}?\bbị\s+"
    + _UNDONE
    + r"\b)"
)

#: what is met or visited: a meeting or visit called off did not take place (``non_event``), and calling it off is
#: a REJECT `meet`
_MEETING_NOUNS = (
    r"(?:chuyến thăm|chuyến công du|chuyến đi|cuộc gặp|cuộc hội đàm|cuộc hội kiến|cuộc họp|cuộc điện đàm|hội nghị|"
    r"lễ ký)\b"
)

#: a meeting put off or called off that the sentence says took place after all ("bị hoãn hai lần, cuối cùng đã diễn
#: ra", "vẫn diễn ra"): a meeting held, so the called-off cue of ``non_event`` is void there; not "vẫn chưa diễn ra"
_HELD_AFTER_ALL = (
    r"\b(?:cuối cùng|rốt cuộc|sau cùng|vẫn)\s+(?:(?!chưa\b|không\b|chẳng\b)\S+\s+){0,3}?"
    r"(?:diễn ra|được tổ chức|được tiến hành|tổ chức|tiến hành|gặp|hội đàm|hội kiến)\b"
)
#: the called-off cue, void when ``_HELD_AFTER_ALL`` follows it in the sentence
_NOT_HELD = r"(?![^.;]*?(?:" + _HELD_AFTER_ALL + r"))"

T = Trigger

#: the office and leader nouns of a description ("vị lãnh đạo Lào", "Thủ tướng Lào"): the entity
#: pack's titles, and the words that name no title of their own
DESCRIPTION_NOUNS: dict[str, tuple[str, ...]] = {
    **{title.lower(): (role,) for title, role in ENTITY_RULES.titles.items()},
    "lãnh đạo": LEADER_ROLES, "người đứng đầu": LEADER_ROLES, "đồng cấp": (),
    "đặc phái viên": ("ambassador",), "đặc sứ": ("ambassador",),
}  # fmt: skip

RULES = EventRules(
    triggers=(
        # -- CONSULT --------------------------------------------------------------------------
        # "có cuộc hội đàm với", "đã có buổi làm việc với": the noun form is the predicate here
        T(r"\b(?:đã\s+)?có\s+(?:các\s+|những\s+)?(?:cuộc|buổi)\s+(?P<t>hội đàm|hội kiến|gặp(?: gỡ| mặt)?|làm việc|điện đàm|tiếp xúc|trao đổi)\b",
          "CONSULT", joint=True, target=TARGET_OPTIONAL, confidence=0.85),
        # "Tiếp Bộ trưởng X, Bộ trưởng Y cho rằng ...": a sentence opening with the reception; its
        # subject follows the comma
        T(r"(?<![^\s])(?<![\w,;:]\s)(?-i:Tiếp)(?: xã giao)?\b", "CONSULT", mode="visit", host="source",
          target=TARGET_REQUIRED, target_gap=25, subject_after=True, confidence=0.9),
        T(r"\btiếp(?: xã giao)?\b", "CONSULT", mode="visit", host="source", target=TARGET_REQUIRED,
          target_gap=25, confidence=0.9),
        # "thảo luận với X về ...", "thảo luận về ... với X": a meeting with X
        T(r"\b(?P<t>thảo luận|bàn bạc)\b[^.;,]{0,60}?\bvới\s", "CONSULT", joint=True, target=TARGET_REQUIRED,
          target_gap=80, confidence=0.75),
        T(r"\bhội đàm\b", "CONSULT", joint=True, confidence=0.9),
        T(r"\bhội kiến\b", "CONSULT", joint=True, confidence=0.9),
        T(r"\bhội đàm trực tuyến\b|\bđiện đàm\b", "CONSULT", mode="phone", joint=True, confidence=0.9),
        T(r"\bgặp(?: gỡ| mặt)?(?: với)?\b", "CONSULT", joint=True, target=TARGET_REQUIRED, target_gap=25,
          confidence=0.75),
        T(r"\blàm việc với\b", "CONSULT", joint=True, target=TARGET_REQUIRED, target_gap=25, confidence=0.75),
        T(r"\bthăm(?: chính thức| cấp Nhà nước| làm việc| hữu nghị| xã giao)?(?: tới| đến)?\b", "CONSULT",
          mode="visit", host="target", target=TARGET_REQUIRED, target_gap=30, confidence=0.8),
        # "... và cùng Thủ tướng X dự Diễn đàn": attending together is meeting
        T(r"\bcùng(?=\s[^,;.]{2,45}?\s(?:dự|tham dự|đồng chủ trì|chủ trì|chứng kiến)\b)", "CONSULT", joint=True,
          target=TARGET_REQUIRED, target_gap=20, confidence=0.7),
        T(r"\bchủ trì\s+(?P<t>lễ đón|tiệc chiêu đãi|chiêu đãi)\b", "CONSULT", mode="visit", host="source",
          target=TARGET_REQUIRED, target_gap=40, confidence=0.75),
        T(r"\b(?:tham dự|dự|đồng chủ trì)\b(?!\s+(?:kiến|án|thảo|báo|định|trữ|phòng|bị|toán|luật|thi|đoán|tính))",
          "CONSULT", joint=True, min_sources=2, confidence=0.65),
        # "chủ trì Lễ mở ký / Hội nghị ...": chairing a ceremony or a conference is hosting a multilateral
        # meeting ("chủ trì lễ đón" is a welcome, above)
        T(r"\b(?P<t>chủ trì)\s+(?:Lễ(?!\s+đón)|Hội nghị|Hội thảo|Diễn đàn|Thượng đỉnh|Đối thoại|Kỳ họp)\b", "CONSULT",
          mode="multilateral", joint=True, confidence=0.7),
        # "tham dự Hội nghị ...": attending a conference is a multilateral meeting, even alone
        T(r"\b(?P<t>tham dự|dự)\s+(?:Hội nghị|Hội thảo|Diễn đàn|Thượng đỉnh|Đối thoại|Kỳ họp)\b", "CONSULT",
          mode="multilateral", joint=True, confidence=0.7),
        # "Phát biểu tại Hội nghị lần thứ 30 Hội đồng X, Y cho biết": speaking at a body's meeting is
        # attending it (a multilateral CONSULT with the body); the phrase opens the sentence (or follows
        # its opening phrase) and its subject follows the comma
        T(r"(?<![\w;:]\s)(?<![\w;:])(?P<t>Phát biểu)\s+(?:tại|trong|ở)\s+(?:phiên\s+(?:họp|khai mạc|toàn thể)\s+(?:của\s+)?)?(?:Hội nghị|Phiên họp|Kỳ họp|Cuộc họp)\b",
          "CONSULT", mode="multilateral", target=TARGET_REQUIRED, target_gap=30, subject_after=True, passive_ok=False,
          confidence=0.7),
        # "Sau khi hội đàm với X, Y ...": the meeting is an adverbial; its subject follows the comma
        T(r"\bSau khi\s+(?P<t>hội đàm|hội kiến|gặp(?: gỡ)?|làm việc)(?:\s+với)?\b", "CONSULT", joint=True,
          target=TARGET_REQUIRED, target_gap=25, subject_after=True, confidence=0.7),
        # -- SUPPORT ----------------------------------------------------------------------------
        T(r"\bđánh giá cao\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.85),
        T(r"\bhoan nghênh\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.85),
        T(r"\b(?:bày tỏ |tiếp tục )?ủng hộ\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.8),
        T(r"\bc[ảá]m ơn\b", "SUPPORT", confidence=0.8),  # thanks always has an addressee, named or not
        T(r"\bchúc mừng\b", "SUPPORT", confidence=0.85),
        T(r"\bchúc\b(?=[^.;]{0,60}?\bthành công\b)", "SUPPORT", target=TARGET_REQUIRED, confidence=0.75),
        T(r"\b(?:biểu dương|khen ngợi|ca ngợi|đánh giá tích cực|trân trọng)\b", "SUPPORT", target=TARGET_OBJECT,
          confidence=0.75),
        T(r"\bghi nhận\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.6),
        T(r"\b(?:đã\s+)?(?:ký kết|ký)\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.8),
        T(r"\bphê chuẩn\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.75),
        T(r"\bcông nhận\b", "SUPPORT", target=TARGET_OBJECT, confidence=0.65),
        T(r"\bnâng cấp quan hệ\b", "SUPPORT", joint=True, confidence=0.8),
        T(r"\b(?:nhiệt liệt\s+)?chào mừng\b", "SUPPORT", confidence=0.75),
        # -- AGREE ------------------------------------------------------------------------------
        T(r"\b(?:bày tỏ |đã )?nhất trí\b", "AGREE", confidence=0.85),
        T(r"\bthống nhất\b(?=\s+(?:cao|về|sẽ|tiếp tục|tăng cường|thúc đẩy|phối hợp|hợp tác|chỉ đạo|triển khai))", "AGREE",
          confidence=0.75),
        T(r"\bcam kết\b", "AGREE", confidence=0.8),
        T(r"\bsẵn sàng\b", "AGREE", confidence=0.75),
        T(r"\b(?:mong muốn|quyết tâm)(?=[^;.]{0,60}?\b" + _COOP + r"\b)", "AGREE", confidence=0.7),
        T(r"\bsẽ\s+(?:tiếp tục\s+)?(?:" + _COOP + r"|ủng hộ)\b", "AGREE", confidence=0.75),
        T(r"\btiếp tục\s+" + _COOP + r"\b", "AGREE", confidence=0.65),
        T(r"\bđề xuất\b", "AGREE", confidence=0.7),
        # "nêu 5 nội dung", "đưa ra ba đề xuất": proposals set out at talks are offers (AGREE)
        T(r"\b(?:nêu|đưa ra)\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|một số|các)\s+(?:nội dung|đề xuất|định hướng|lĩnh vực|biện pháp|giải pháp|sáng kiến)\b",
          "AGREE", confidence=0.65),
        # a meeting still to come is an agreement to meet (PLOVER: future CONSULT is AGREE)
        T(r"\b(?:dự kiến|sẽ|lên kế hoạch)\s+(?:gặp(?: nhau)?|hội đàm|làm việc|thăm)\b", "AGREE", confidence=0.7),
        T(r"\bmời\b", "AGREE", target=TARGET_REQUIRED, target_gap=20, confidence=0.7),
        # -- REQUEST ----------------------------------------------------------------------------
        T(r"\bđề nghị\b", "REQUEST", confidence=0.85),
        T(r"\b(?:kêu gọi|yêu cầu|kiến nghị)\b", "REQUEST", confidence=0.8),
        # -- ACCUSE / REJECT / THREATEN ---------------------------------------------------------
        T(r"\b(?:lên án|chỉ trích|phản đối|phê phán)\b", "ACCUSE", mode="disapprove", confidence=0.85),
        # an accusation is the codebook's ACCUSE allege, not disapprove
        T(r"\b(?:cáo buộc|tố cáo)\b", "ACCUSE", mode="allege", confidence=0.85),
        # "khởi tố vụ án" opens a criminal case (an investigation); "khởi tố bị can" charges a person
        T(r"\bkhởi tố vụ án\b", "ACCUSE", mode="investigate", confidence=0.75),
        T(r"\b(?:khởi tố(?! vụ án)|truy tố|buộc tội)\b", "ACCUSE", mode="allege", confidence=0.8),
        T(r"(?<!cơ quan )\b(?:điều tra|mở cuộc điều tra)\b(?!\s+viên)", "ACCUSE", mode="investigate", confidence=0.6),
        T(r"\b(?:bác bỏ|phản bác|từ chối|khước từ|không chấp nhận)\b", "REJECT", confidence=0.8),
        # a meeting or visit called off is a REJECT `meet` (PLOVER: "Cancellation of meetings are REJECT"); "hoãn"
        # (put off) is no refusal (``non_event`` only); "bị hủy" (passive) names no one who cancels
        T(r"\b(?:hủy bỏ|hủy)\s+(?=(?:các\s+|những\s+)?" + _MEETING_NOUNS + r")", "REJECT", mode="meet", confidence=0.75),
        # ... and in the passive with its agent, before the verb ("Cuộc hội đàm với Campuchia đã bị Thái Lan hủy") or
        # after "bởi" ("đã bị hủy bởi Thái Lan"): the agent cancels, what the meeting was with is the target
        T(r"(?:(?:các|những)\s+)?" + _MEETING_NOUNS + r"[^.;]{0,80}?\bbị\s+(?:[^\s.;,]+\s+){1,5}?(?P<t>hủy bỏ|hủy)\b",
          "REJECT", mode="meet", voice="passive", min_sources=1, confidence=0.75),
        T(r"(?:(?:các|những)\s+)?" + _MEETING_NOUNS + r"[^.;]{0,80}?\bbị\s+(?P<t>hủy bỏ|hủy)\s+(?:bởi|do)\b",
          "REJECT", mode="meet", voice="passive", min_sources=1, confidence=0.75),
        T(r"\bđe dọa\b", "THREATEN", confidence=0.8),
        # -- PROTEST ----------------------------------------------------------------------------
        T(r"\b(?:biểu tình|tuần hành)\b", "PROTEST", mode="demo", confidence=0.8),
        T(r"\b(?:đình công|bãi công)\b", "PROTEST", mode="strike", confidence=0.8),
        T(r"\btẩy chay\b", "PROTEST", mode="boycott", confidence=0.75),
        # -- SANCTION ---------------------------------------------------------------------------
        T(r"\b(?:trừng phạt|cấm vận)\b", "SANCTION", mode="discontinue", confidence=0.8),
        T(r"\btrục xuất\b", "SANCTION", mode="expel", confidence=0.75),
        T(r"\b(?:cắt đứt|đình chỉ|tạm ngừng) quan hệ\b", "SANCTION", mode="discontinue", confidence=0.8),
        T(r"\b(?:tuyên án|kết án|tuyên phạt)\b", "SANCTION", mode="convict", confidence=0.8),
        # -- MOBILIZE ---------------------------------------------------------------------------
        T(r"\b(?:triển khai|điều động|huy động)\s+(?:quân|binh sĩ|binh lính|lực lượng vũ trang|tàu chiến)\b",
          "MOBILIZE", mode="troops", confidence=0.75),
        T(r"\b(?:triển khai|điều động|huy động)\s+(?:\S+\s+){0,2}?(?:lực lượng|cán bộ|chiến sĩ|phương tiện|tàu|người)\b",
          "MOBILIZE", confidence=0.65),
        # -- COERCE -----------------------------------------------------------------------------
        T(r"\btấn công mạng\b", "COERCE", mode="cyber", confidence=0.75),
        T(r"\b(?:bắt giữ|bắt giam|tạm giữ|tạm giam|bắt quả tang|bắt khẩn cấp)\b", "COERCE", mode="arrest",
          confidence=0.85),
        T(r"\b(?:khám xét|thu giữ|tịch thu|triệt phá)\b", "COERCE", mode="seize", confidence=0.75),
        T(r"\btrục xuất\s+(?:đối tượng|công dân|người)\b", "COERCE", mode="deport", confidence=0.75),
        T(r"\b(?:áp đặt lệnh giới nghiêm|giới nghiêm)\b", "COERCE", mode="curfew", confidence=0.8),
        T(r"\bban bố tình trạng khẩn cấp\b", "COERCE", mode="martial-law", confidence=0.8),
        # -- ASSAULT ----------------------------------------------------------------------------
        T(r"\b(?:tấn công|đột kích)\b", "ASSAULT", confidence=0.75),
        T(r"\b(?:hành hung|đánh đập)\b", "ASSAULT", mode="beat", confidence=0.75),
        T(r"\b(?:đâm chết|đâm trọng thương|chém)\b", "ASSAULT", mode="primitive", confidence=0.75),
        T(r"\bgiết hại\b", "ASSAULT", confidence=0.75),
        T(r"\bbắt cóc\b", "ASSAULT", mode="abduct", confidence=0.85),
        T(r"\b(?:ném bom|đánh bom)\b", "ASSAULT", mode="explosives", confidence=0.85),
        T(r"\b(?:pháo kích|nã pháo)\b", "ASSAULT", mode="heavy-weapons", confidence=0.85),
        T(r"\b(?:nổ súng|bắn chết|bắn)\b", "ASSAULT", mode="firearms", confidence=0.7),
        # "ám sát" is an assassination; "sát hại" (to murder) names no mode
        T(r"\bám sát\b", "ASSAULT", mode="assassinate", confidence=0.8),
        T(r"\bsát hại\b", "ASSAULT", confidence=0.8),
        # -- AID / COOPERATE --------------------------------------------------------------------
        T(r"\b(?:viện trợ|trao tặng|tài trợ|cứu trợ|trao|tặng)\b(?=[^;.]{0,40}?\b(?:tỷ|tỉ|triệu|USD|đồng|hàng|thiết bị|lương thực|vật tư|xe|nhu yếu phẩm|viện trợ)\b)",
          "AID", confidence=0.75),
        T(r"\b(?:viện trợ(?:\s+khẩn cấp)?|trao tặng)\b", "AID", confidence=0.7),
        T(r"\bcử\s+(?:\S+\s+){0,4}?(?:đoàn|đội|lực lượng|chuyên gia)\s+(?:\S+\s+)?(?:cứu hộ|cứu nạn|cứu trợ|y tế)\b",
          "AID", confidence=0.75),
        # "phối hợp với" is cooperating now; "sẽ phối hợp" (a promise) stays AGREE
        T(r"(?<!sẽ )(?<!tục )\bphối hợp(?: chặt chẽ)? với\b", "COOPERATE", confidence=0.65),
        T(r"\b(?:dẫn độ|trao trả|bàn giao)\b(?=[^;.]{0,40}?\b(?:đối tượng|nghi phạm|bị can|tội phạm|phạm nhân|công dân)\b)",
          "COOPERATE", confidence=0.8),
        T(r"\bdẫn độ\b", "COOPERATE", confidence=0.75),
        T(r"\b(?:phối hợp|cùng)\s+(?:bắt giữ|triệt phá|điều tra|truy bắt|xử lý)\b", "COOPERATE", confidence=0.8),
        T(r"\b(?:tập trận|diễn tập|tuần tra) chung\b", "COOPERATE", confidence=0.8),
        T(r"\b(?:trao đổi|chia sẻ) (?:thông tin|tình báo)\b", "COOPERATE", confidence=0.6),
        # "vụ bắt giữ được thực hiện dựa trên thông tin do X cung cấp": X tipped the police off
        T(r"\bdựa (?:trên|vào)\s+(?:các\s+|những\s+)?(?:thông tin|tin báo|tin tình báo|dữ liệu)(?=\s+(?:\S+\s+){0,3}?do\b)",
          "COOPERATE", voice="passive", confidence=0.65),
        # -- CONCEDE / RETREAT ------------------------------------------------------------------
        T(r"\b(?:ân xá|đặc xá|xin lỗi|nới lỏng|dỡ bỏ lệnh)\b", "CONCEDE", confidence=0.75),
        T(r"\b(?:trả tự do|phóng thích)\b", "RETREAT", mode="release", confidence=0.8),
        T(r"\brút quân\b", "RETREAT", mode="withdraw", confidence=0.8),
        T(r"\btừ chức\b", "RETREAT", mode="resign", confidence=0.8),
    ),
    # "buổi tiếp", "lễ ký", "chuyến thăm", "sự ủng hộ", "theo đề nghị", "trực tiếp", "Lễ mở ký"
    blocked_before=r"\b(?:buổi|cuộc|lễ|chuyến|dịp|sự|theo|lời|trực|kế|liên|mở|được|sớm|các|những|đợt|việc|quan|thư|đăng|tại|sau|trong|trước|vụ|về|bị)\s+$",
    # "tiếp tục", "tiếp cận", "ký tên", "đề nghị của", "gặp khó khăn", "mời gọi", "bắt đầu"; "tiếp diễn"
    # but not "dự Diễn đàn" (the patterns ignore case: the forum is a noun, not "diễn")
    blocked_after=r"^(?:\s+(?:tục|cận|nhận|theo|thu|xúc|giáp|diễn(?!\s+đàn)|sức|nối|quản|viện|tế|thị|tay|nhau|đó|tên|sinh|gọi|khó|phải|của|hỏi|dò|quan|đổi|đầu)\b)",
    negation=r"\b(?:không|chưa|chẳng|chưa từng|không hề)\s+(?:\S+\s+)?$",
    # a threat is conditional by nature: "đe dọa ... nếu ..." asserts the threat (codebook: THREATEN)
    hypothetical=r"^(?!.*\b(?:đe dọa|dọa|cảnh báo|tối hậu thư)\b.*\bnếu\b).*?\b(?:nếu|giả sử|trong trường hợp)\b",
    clause_break=r";|,\s*(?=đồng thời\b)|\bđồng thời\b",
    clause_conjunction=r"\s(?:và|,)\s",
    complement=r"\b(?:để|nhằm|sớm|rằng)\b",
    reporting=r"\b(?:khẳng định|cho biết|nhấn mạnh|cho rằng|nói|bày tỏ|nêu rõ|chia sẻ|thông báo|tuyên bố)\b",
    opinion=r"\b(?:cho rằng|nhận định|tin rằng|tin tưởng|kỳ vọng|hy vọng)\b",
    nonfactual=(
        r"\b(?:có thể|có khả năng|" + _INTENT + r"|sẽ xem xét|đang xem xét|lo ngại|lo sợ|e ngại|"
        r"phủ nhận|bác bỏ thông tin|không có kế hoạch|chưa rõ|được cho là|nghe nói|thường (?:diễn ra|xảy ra|được tổ chức))\b"
    ),
    possibility=r"\b(?:có thể|có khả năng|nguy cơ)\b",
    non_event=(
        r"\b(?:gia đình cố|thân nhân cố|viếng|dâng hương|đặt vòng hoa)\b|"
        # a list of who signed or took part ("Trong số các nước ký có ...") states membership, not an act
        r"\b(?:trong số|trong đó có)\s+(?:các\s+)?(?:nước|quốc gia|bên|thành viên|đại biểu)\s+(?:ký|tham dự|tham gia)\b|"
        # witnessing others sign ("chứng kiến đại diện các quốc gia ký") is attending, no act of the witnesses
        r"\bchứng\s+kiến\b[^.;]{0,80}?\bký\b|"
        # a count of meetings as the subject sums several up ("Ba cuộc hội đàm diễn ra ...")
        r"^\W*(?:hai|ba|bốn|năm|sáu|nhiều|một loạt)\s+(?:cuộc|buổi)\s+(?:gặp|hội đàm|hội kiến|tiếp|làm việc)|"
        # a meeting or visit called off or put off before its noun ("hủy bỏ chuyến thăm dự kiến tới Lào", "hoãn
        # cuộc hội đàm"): no meeting took place; the cancellation itself (REJECT) survives the cue
        r"\b" + _NOT_HELD + r"(?:hủy bỏ|hủy|tạm hoãn|hoãn lại|hoãn|gác lại)\s+(?:các\s+|những\s+)?" + _MEETING_NOUNS + r"|"
        # and in the passive ("Chuyến thăm ... đã bị hủy", "... đã bị Thái Lan hủy"): the same convention as en/fr
        # (session 17, cancel17); unless the sentence says it took place after all (``_HELD_AFTER_ALL``)
        + r"\b" + _NOT_HELD + _MEETING_NOUNS
        + r"[^.;]{0,80}?\bbị\s+(?:[^\s.;,]+\s+){0,5}?(?:hủy bỏ|hủy|tạm hoãn|hoãn lại|hoãn|gác lại)\b"
    ),
    passive_agent_before=r"\b(?:được|bị)\b",
    agent_marker=r"\b(?:bởi|do)\b",
    joint_subject=r"\b(?:hai bên|hai nhà lãnh đạo|hai lãnh đạo|hai Bộ trưởng|hai Thủ tướng|các bên|hai phía)\b",
    person_pronoun=r"\b(?:ông|bà)\b",
    adverbial_opener=r"^\s*(?:Bên lề|Nhân dịp|Trong khuôn khổ|Theo|Trên cơ sở|Bên cạnh|Khẳng định|Trao đổi|Nhấn mạnh|Nhận lời mời|Kết thúc|Sau|Trong|Tại|Nhân|Đồng thời|Thay mặt|Đánh giá|Cảm ơn|Chiều|Sáng|Tối|Trưa|Ngày|Dịp|Tiếp tục|Với)\b",
    specific_object=r"\b(?:sáng kiến|ý tưởng|đề xuất|đề án|Công ước|thỏa thuận|hiệp định|hiệp ước|bản ghi nhớ|dự án|chương trình|kế hoạch|nghị quyết|ứng cử|việc đăng cai|tuyên bố chung)\b",
    locative=r"\b(?:tại|ở)\s+$",
    between=r"\b(?:giữa|hai nước)\s+$",
    on_behalf=r"\bthay\s+mặt\s+(?:cho\s+)?$",
    bilateral=r"\bsong phương\b",
    # "gặp chung", "cùng lúc", "ba bên": one meeting with several counterparts
    met_together=r"\b(?:cùng lúc|gặp chung|ba bên|bốn bên)\b",
    planned_meeting=r"\b(?:dự kiến|sẽ|lên kế hoạch)\s+(?:gặp(?: nhau)?|hội đàm|làm việc|thăm)\b",
    meeting_reference=r"\b(?:tại|trong)\s+(?:cuộc|buổi)\s+(?:gặp|gặp gỡ|hội đàm|hội kiến|tiếp|làm việc|điện đàm)\s+(?:này|đó|trên)\b",
    past_year_opener=r"^\W*(?:Năm ngoái|Năm trước)\b",
    relative_clause=r",\s*(?:vốn|nơi|mà)\b",
    days_after=r"\b(?:(?P<d1>một)|(?P<d2>hai)|(?P<d3>ba))\s+ngày\s+sau\s+khi\b",
    # "vài ngày sau khi", "một tuần sau vụ", "ngay sau vụ": the act told in passing
    in_passing=r"\b(?:(?:vài|mấy|\w+)\s+(?:giờ|ngày|tuần)\s+sau\s+(?:khi|vụ)|(?:ngay\s+)?sau\s+vụ)\b",
    # "trước đó (, X) đã", "đã từng", "từng": an act before the day told
    earlier_act=r"(?:\btrước\s+đó\b[^.;:!?]{0,60}?\b(?:đã|từng)|\b(?:đã\s+)?từng)\s+$",
    consult_modes=(
        (r"\b(?:điện đàm|trực tuyến|qua điện thoại|cuộc gọi)\b", "phone"),
        (r"\b(?:bên lề|Hội nghị Cấp cao|Thượng đỉnh|hội nghị đa phương)\b", "multilateral"),
        # a gathering of many countries' delegations ("đại diện khoảng 110 quốc gia", "với các trưởng đoàn")
        (r"\b(?:đại diện|lãnh đạo)\s+(?:của\s+)?(?:khoảng\s+|hơn\s+|gần\s+)?\d+\s+(?:quốc gia|nước)\b|"
         r"\b(?:các|những)\s+trưởng đoàn\b", "multilateral"),
        (r"\b(?:trung gian|làm trung gian|hòa giải giữa)\b", "third-party"),
        # Vietnamese writes one syllable a word: "tiếp" (receive) is also the first syllable of "tiếp tục"
        # (continue), "tiếp cận" (approach), "tiếp xúc" (contact) and the last of "trực tiếp" (direct);
        # "thăm" of "thăm dò" (survey). Those say no visit.
        (r"\b(?:thăm(?! dò)|(?<!trực )(?<!gián )(?<!liên )tiếp(?! (?:tục|cận|xúc|nhận|theo|thu|sức|giáp|diễn|đó|tế))|chuyến thăm|đón)\b", "visit"),
    ),
    mode_cues=(
        ("REQUEST", r"\b(?:hỗ trợ|giúp|giúp đỡ|tạo điều kiện|hợp tác|phối hợp|viện trợ)\b", "assist"),
        ("REQUEST", r"\b(?:gặp|đàm phán|đối thoại|thương lượng)\b", "meet"),
        ("REQUEST", r"\b(?:trả tự do|thả|ngừng bắn|dỡ bỏ|rút quân|mở (?:lại )?(?:cửa khẩu|biên giới))\b", "yield"),
        ("REQUEST", r"\b(?:cải tổ|cải cách|thay đổi|sửa đổi|từ chức|bãi bỏ|hủy bỏ|bầu cử lại|bầu cử sớm|tổng tuyển cử|luận tội)\b", "change"),
        ("REJECT", r"\b(?:hỗ trợ|viện trợ|hợp tác)\b", "assist"),
        ("REJECT", r"\b(?:gặp|đàm phán|đối thoại|lời mời)\b", "meet"),
        ("REJECT", r"\b(?:trả tự do|thả|ngừng bắn|dỡ bỏ|rút quân|mở (?:lại )?(?:cửa khẩu|biên giới))\b", "yield"),
        ("REJECT", r"\b(?:cải tổ|cải cách|thay đổi|sửa đổi|từ chức)\b", "change"),
        # modes of the other types, read for a classifier's event in its whole sentence (and after a
        # rule trigger that carries no mode), first match wins; from the codebook's mode definitions
        ("THREATEN", r"\b(?:bắt giữ|bắt|truy tố)\b", "arrest"),
        ("THREATEN", r"\b(?:trục xuất)\b", "expel"),
        ("THREATEN", r"\b(?:cắt đứt quan hệ|quan hệ ngoại giao|đại sứ)\b", "relations"),
        ("THREATEN", r"\b(?:trừng phạt|cấm vận|áp thuế|hạn chế|đóng cửa|phong tỏa)\b", "restrict"),
        ("THREATEN", r"\b(?:tấn công|trả đũa|vũ lực|chiến tranh|không kích|giết|tiêu diệt|đánh bom|nổ súng)\b", "violence"),
        ("MOBILIZE", r"\b(?:cảnh sát|công an)\b", "police"),
        ("MOBILIZE", r"\b(?:dân quân|phiến quân|tay súng)\b", "militia"),
        ("MOBILIZE", r"\b(?:tên lửa|tàu chiến|tàu tuần tra|xe tăng|pháo binh|máy bay)\b", "weapons"),
        ("MOBILIZE", r"\b(?:quân|binh sĩ|lữ đoàn|tiểu đoàn|lực lượng)\b", "troops"),
        ("PROTEST", r"\btuyệt thực\b", "hunger"),
        ("PROTEST", r"\btẩy chay\b", "boycott"),
        ("PROTEST", r"\b(?:đình công|bãi công|bãi thị|bãi khóa|ngừng việc)\b", "strike"),
        ("PROTEST", r"\b(?:bạo loạn|cướp phá|đốt phá)\b", "riot"),
        ("PROTEST", r"\b(?:chặn|phong tỏa|chiếm|ngồi)\b", "obstruct"),
        ("PROTEST", r"\b(?:biểu tình|tuần hành|tập trung|mít tinh|xuống đường)\b", "demo"),
        ("COERCE", r"\b(?:thiết quân luật|tình trạng khẩn cấp)\b", "martial-law"),
        ("COERCE", r"\b(?:tin giả|thông tin sai lệch)\b", "misinformation"),
        ("COERCE", r"\bcắt (?:điện|nước|nguồn cung)\b", "withhold"),
        ("COERCE", r"\bgiới nghiêm\b", "curfew"),
        ("COERCE", r"\b(?:tấn công mạng|tin tặc)\b", "cyber"),
        ("COERCE", r"\b(?:chặn truy cập|kiểm duyệt|đình bản)\b", "censor"),
        ("COERCE", r"\btrục xuất\b", "deport"),
        ("COERCE", r"\b(?:thu giữ|tịch thu|đột kích)\b", "seize"),
        ("COERCE", r"\b(?:bắt giữ|bắt|tạm giữ|câu lưu)\b", "arrest"),
        ("COERCE", r"\b(?:cấm|hạn chế|đóng cửa)\b", "restrict"),
        ("ASSAULT", r"\b(?:ám sát|mưu sát)\b", "assassinate"),
        ("ASSAULT", r"\bđánh bom liều chết\b", "suicide-attack"),
        ("ASSAULT", r"\b(?:máy bay không người lái|UAV|drone)\b", "drone"),
        ("ASSAULT", r"\b(?:không kích|oanh tạc|máy bay chiến đấu|trực thăng vũ trang)\b", "aerial"),
        ("ASSAULT", r"\b(?:vũ khí hóa học|khí độc|vũ khí sinh học)\b", "unconventional"),
        ("ASSAULT", r"\b(?:bắt cóc|con tin)\b", "abduct"),
        ("ASSAULT", r"\b(?:hơi cay|đạn cao su|vòi rồng)\b", "crowd-control"),
        ("ASSAULT", r"\b(?:bom|nổ|lựu đạn|mìn|thuốc nổ)\b", "explosives"),
        ("ASSAULT", r"\b(?:pháo kích|rốc két|súng cối|tên lửa)\b", "heavy-weapons"),
        ("ASSAULT", r"\b(?:nổ súng|bắn|súng)\b", "firearms"),
        ("ASSAULT", r"\b(?:dao|mã tấu|hung khí|chém|đâm)\b", "primitive"),
        ("ASSAULT", r"\b(?:đánh đập|hành hung|dùi cui)\b", "beat"),
        ("ASSAULT", r"\btra tấn\b", "torture"),
        ("ASSAULT", r"\b(?:hiếp dâm|xâm hại tình dục|bạo lực tình dục)\b", "sexual"),
        ("ASSAULT", r"\b(?:đốt|phá hủy|san phẳng)\b", "destroy"),
        # the kinds of aid the codebook's AID definition names (first match wins)
        ("AID", r"\b(?:tị nạn|quy chế tị nạn)\b", "asylum"),
        ("AID", r"\b(?:viện trợ quân sự|hỗ trợ quân sự|vũ khí|đạn dược|khí tài|trang thiết bị quân sự|tên lửa|xe tăng|phòng không|tàu tuần tra)\b", "military"),
        ("AID", r"\b(?:khoản vay|vốn vay|cho vay|tín dụng|hỗ trợ ngân sách|xóa nợ|giãn nợ|bồi thường chiến tranh|hỗ trợ tài chính|viện trợ kinh tế)\b", "economic"),
        ("AID", r"\b(?:nhân đạo|cứu trợ|khẩn cấp|lương thực|thực phẩm|gạo|nước sạch|thuốc|thuốc men|vắc-xin|vắc xin|lều|chăn màn|nhu yếu phẩm|thiên tai|bão|lũ|lũ lụt|động đất|hạn hán|cháy rừng|hỏa hoạn|dịch bệnh|sạt lở|sóng thần|người tị nạn|sơ tán|cứu hộ|cứu nạn)\b", "humanitarian"),
        ("AID", r"\b(?:viện trợ không hoàn lại|tài trợ|kinh phí|\d[\d.,]*\s*(?:triệu|tỷ|tỉ)\s+(?:USD|đô la|đồng|euro|yên))\b", "economic"),
        ("SANCTION", r"\b(?:tuyên phạt|kết án|án tù|phạt tù)\b", "convict"),
        ("SANCTION", r"\btrục xuất\b", "expel"),
        ("SANCTION", r"\b(?:triệu hồi|rút)\b", "withdraw"),
        ("SANCTION", r"\b(?:đình chỉ|đóng băng|cấm|trừng phạt|cấm vận|cắt)\b", "discontinue"),
        ("RETREAT", r"\b(?:dỡ bỏ|bãi bỏ|nới lỏng|gỡ bỏ|chấm dứt|mở lại)\s+(?:\S+\s+){0,3}?(?:lệnh giới nghiêm|giới nghiêm|lệnh cấm|hạn chế|phong tỏa|lệnh phong tỏa|tình trạng khẩn cấp|trừng phạt|lệnh trừng phạt|cấm vận|lệnh cấm vận|biên giới|cửa khẩu)\b", "ease"),
        ("RETREAT", r"\b(?:trao trả|trả lại|hoàn trả|bàn giao lại|hồi hương)\s+(?:\S+\s+){0,4}?(?:tài sản|tàu|thuyền|đất|lãnh thổ|hài cốt|cổ vật|hiện vật|hàng hóa|thiết bị|tang vật)\b", "return"),
        ("RETREAT", r"\btừ chức\b", "resign"),
        ("RETREAT", r"\b(?:trả tự do|phóng thích|thả)\b", "release"),
        ("RETREAT", r"\b(?:giao nộp vũ khí|giải giáp)\b", "disarm"),
        ("RETREAT", r"\b(?:cho phép|tiếp cận)\b", "access"),
        ("RETREAT", r"\b(?:rút quân|rút khỏi|rút lui)\b", "withdraw"),
        ("RETREAT", r"\b(?:ngừng bắn|đình chiến)\b", "ceasefire"),
        ("ACCUSE", r"\b(?:điều tra(?!\s+viên)|khởi tố)\b", "investigate"),
        ("ACCUSE", r"\b(?:cáo buộc|tố cáo)\b", "allege"),
        ("ACCUSE", r"\b(?:chỉ trích|lên án|phản đối)\b", "disapprove"),
    ),
    # the country follows the noun: "cảnh sát Indonesia", "Cảnh sát tỉnh Bali (Indonesia)"
    two_countries=r"\s*(?:hai nước|hai quốc gia)\b",
    # "các nước ASEAN", "các nước thành viên Liên hợp quốc", "lãnh đạo các nước ASEAN": the members act
    # "Trong các cuộc gặp với ông X", "Tại buổi tiếp Bộ trưởng X": X met the meeting's host
    counterparts_before=r"\b(?:với|cùng với|(?:buổi|cuộc)\s+(?:tiếp|gặp|hội kiến|hội đàm|làm việc))\s+(?:\S+\s+)?$",
    clause_appositive=r"phát biểu\b",
    conjunctions=("và",),
    comitatives=("với", "cùng", "cùng với"),
    complementizers=("rằng", "là", "sẽ", "luôn", "cũng", "đã"),
    appositive_stops=("nhân dịp", "để", "đã", "sẽ", "đang", "khi"),
    additive_adverbs=("cũng",),
    members_before=r"\b(?:các|những)\s+(?:nước|quốc\s+gia|thành\s+viên|chính\s+phủ)(?:\s+thành\s+viên)?\s*$",
    # "Công ước (của) Liên hợp quốc về ...", "Hiến chương ASEAN": a title, the body is no party
    document_before=r"\b(?:Công\s+ước|Hiệp\s+ước|Hiến\s+chương|Nghị\s+định\s+thư)\s+(?:của\s+)?$",
    # "Diễn đàn Doanh nghiệp Việt Nam - Nam Phi", "Lễ kỷ niệm ... quan hệ Việt Nam - Nam Phi": a
    # gathering's name (capitalised, so "tại diễn đàn, Việt Nam ..." keeps its speaker)
    # "một người Indonesia 34 tuổi": an Indonesian, the country is a nationality
    nationality_before=r"\bngười\s+$",
    # "Lễ mở ký Công ước khai mạc tại ...": a gathering told by its name alone, at a clause's start
    gathering_held=r"(?:^|,\s*)(?P<name>(?-i:(?:Lễ|Hội\s+nghị|Diễn\s+đàn|Hội\s+thảo)\b)[^,;.]{0,80}?)\s(?P<t>khai\s+mạc|diễn\s+ra|được\s+tổ\s+chức)\b",
    gathering_before=r"(?-i:\b(?:Diễn\s+đàn|Hội\s+nghị(?!\s+(?:lần\s+thứ\s+\w+\s+)?$)|Hội\s+thảo|Đối\s+thoại|Lễ))(?:(?:\s+|\s*[-–]\s*)(?!(?:do|của|tại|ở|với|và|cùng|được|đã|sẽ|là|khi|trong|sau|trước)\b)\w+){0,8}?(?:\s+|\s*[-–]\s*)$",
    # "LHQ cần tiếp tục cải tổ": the UN is asked, not asking
    obligation_after=r"\s+(?:cần|nên|phải)\b(?!\s+(?:thiết|cù))",
    organizer_phrase=r"\bdo\s+[^,;.]{1,150}?\s(?:tổ\s+chức|chủ\s+trì|đăng\s+cai|điều\s+hành)\b",
    counted_subject=r"\b(?:\d[\d.,]*|các|những|một\s+số|nhiều)\s+(?:quốc\s+gia|nước|thành\s+viên|đoàn|trưởng\s+đoàn)\s*(?:đều\s+)?(?:đã\s+)?$",
    # "đang thăm chính thức Việt Nam", "chuyến thăm cấp Nhà nước tới Việt Nam"; "... của X": X visits
    visit_to=r"\bthăm(?:\s+(?:chính\s+thức|cấp\s+Nhà\s+nước|làm\s+việc|hữu\s+nghị))*(?:\s+(?:tới|đến))?\s*",
    visit_by=r"\bcủa\b",
    group_actors=(
        (r"\b(?:cảnh sát|công an|hải quan|lực lượng hải quan|bộ đội biên phòng|cảnh sát biển)\b", "COP", "police"),
        (r"\b(?:quân đội|binh sĩ|lực lượng vũ trang)\b", "MIL", "military"),
        (r"\b(?:người biểu tình|người tuần hành|người phản đối)\b", "CVL", "protesters"),
        (r"\b(?:nhà chức trách|giới chức|cơ quan điều tra|đại diện hai nước)\b", "GOV", "authorities"),
    ),
    contexts=(
        (r"\b(?:an ninh mạng|tội phạm mạng|không gian mạng|tấn công mạng)\b", "cyber"),
        (r"\bma túy\b", "illegal_drugs"),
        (r"\b(?:buôn bán người|mua bán người|buôn lậu)\b", "trafficking"),
        (r"\b(?:tội phạm|rửa tiền|lừa đảo)\b", "crime"),
        (r"\b(?:tham nhũng|hối lộ)\b", "corruption"),
        (r"\b(?:gìn giữ hòa bình)\b", "peacekeeping"),
        (r"\b(?:thương mại|đầu tư|kinh tế|doanh nghiệp)\b", "economic"),
        (r"\b(?:biến đổi khí hậu|môi trường)\b", "environment"),
        (r"\b(?:Quốc hội|nghị viện|lập pháp)\b", "legislative"),
        (r"\b(?:quân sự|quốc phòng|quân đội)\b", "military"),
    ),
    # Vietnamese-language news calls the country's own leaders by bare title ("Thủ tướng Phạm Minh Chính")
    home_country="VNM",
    national_roles=(
        "head_of_state", "head_of_government", "deputy_head_of_government", "minister", "deputy_minister",
        "legislature_speaker", "party_general_secretary", "foreign_minister",
    ),
    # a person named by office and country after the first mention (``events/descriptions.py``):
    # "vị lãnh đạo Lào", "Thủ tướng Lào", "người đồng cấp Indonesia"; not "các nhà lãnh đạo Lào"
    # (many), "một Tổng thống Nam Phi" (any one) or "cựu Thủ tướng Lào" (a former holder)
    descriptions=(r"(?:\b(?:vị|nhà|ngài|người)\s+|\b){noun}\s+{country}\b",),
    description_nouns=DESCRIPTION_NOUNS,
    description_blocked_before=r"\b(?:các|những|hai|ba|một|cựu|nguyên)\s+(?:(?:vị|nhà|ngài|người)\s+)?$",
    # a country the stage names itself (a description that fits no one) in Vietnamese: "Pháp", "Lào";
    # the press writes "Anh" for CLDR's "Vương quốc Anh" and "Palestine" for "Lãnh thổ Palestine"
    country_locale="vi",
    country_names={"GBR": "Anh", "PSE": "Palestine"},
)  # fmt: skip
