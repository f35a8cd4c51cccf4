"""Vocabulary. Everything here is ordinary campaign language of a district labour federation;
sentences are assembled from these pieces so that text has realistic length, word shapes and
diacritics (what the Markdown parser, the slugger and the search indexer actually see)."""

from __future__ import annotations

from .common import unique_by_slug

COMMUNES = [
    "Dào San", "Sì Lở Lầu", "Mồ Sì San", "Pa Vây Sử", "Vàng Ma Chải", "Tông Qua Lìn",
    "Mù Sang", "Ma Li Pho", "Hoang Thèn", "Bản Lang", "Khổng Lào", "Nậm Xe", "Mường So",
    "Sin Suối Hồ", "Lản Nhì Thàng", "Huổi Luông",
]
UNIT_KINDS = [
    "UBND xã {c}", "Trường Mầm non {c}", "Trường PTDTBT Tiểu học {c}",
    "Trường PTDTBT THCS {c}", "Trạm Y tế xã {c}", "Trường Tiểu học {c}",
]
DISTRICT_UNITS = [
    "Văn phòng HĐND và UBND huyện", "Trung tâm Y tế huyện", "Phòng Giáo dục và Đào tạo",
    "Kho bạc Nhà nước huyện", "Chi cục Thuế khu vực", "Bảo hiểm xã hội huyện",
    "Công ty TNHH Chè Mây Phong", "Ban Quản lý dự án huyện", "Trung tâm Văn hóa - Thể thao",
    "Phòng Tài nguyên và Môi trường", "Hạt Kiểm lâm huyện", "UBND thị trấn Phong Thổ",
    "Trường THPT Phong Thổ", "Trường THPT Mường So", "Bệnh viện Đa khoa huyện",
]

SUBJECTS = [
    "Ban Chấp hành công đoàn cơ sở", "Liên đoàn Lao động huyện", "Các tổ công đoàn",
    "Đoàn viên, người lao động", "Ban Nữ công", "Chủ tịch công đoàn cơ sở",
    "Tổ chức công đoàn", "Cán bộ, công chức, viên chức", "Nhiều đoàn viên trẻ",
    "Ban Thường vụ Liên đoàn Lao động huyện", "Các công đoàn cơ sở khối giáo dục",
    "Đội ngũ y bác sĩ", "Thầy cô giáo ở các điểm trường", "Công nhân lao động",
    "Ủy ban Kiểm tra công đoàn", "Các công đoàn cơ sở khu vực ngoài Nhà nước",
    "Ban Tuyên giáo", "Tổ nữ công",
]
VERBS = [
    "đã tổ chức", "tích cực hưởng ứng", "phối hợp triển khai", "chủ động đề xuất",
    "kịp thời thăm hỏi", "thường xuyên kiểm tra", "đăng ký thực hiện", "tổ chức ký kết",
    "phát động", "sơ kết", "biểu dương", "hỗ trợ", "tuyên truyền sâu rộng",
    "vận động đoàn viên tham gia", "nhân rộng", "đẩy mạnh", "cụ thể hóa",
    "duy trì đều đặn", "rà soát, đánh giá", "lồng ghép",
]
OBJECTS = [
    "phong trào thi đua “Lao động giỏi, Lao động sáng tạo”", "các chỉ tiêu thi đua năm 2024",
    "giao ước thi đua giữa các tổ công đoàn", "sáng kiến cải tiến kỹ thuật",
    "hoạt động chăm lo Tết cho đoàn viên", "Tháng Công nhân năm 2024",
    "Tháng hành động về an toàn, vệ sinh lao động", "chương trình “Mái ấm Công đoàn”",
    "các hoạt động văn hóa, thể thao", "phong trào “Giỏi việc nước, đảm việc nhà”",
    "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "công tác cải cách hành chính", "các mô hình dân vận khéo",
    "những gương người tốt, việc tốt", "ngày công lao động xây dựng nông thôn mới",
    "quỹ hỗ trợ đoàn viên có hoàn cảnh khó khăn", "hội thi giáo viên dạy giỏi",
    "đối thoại định kỳ tại nơi làm việc", "thỏa ước lao động tập thể",
    "việc phát triển đoàn viên ở khu vực ngoài Nhà nước",
    "phong trào “Xanh - Sạch - Đẹp, Bảo đảm an toàn vệ sinh lao động”",
    "cuộc vận động “Cán bộ, công chức, viên chức nói không với tiêu cực”",
    "phong trào “Tham mưu giỏi, phục vụ tốt”", "văn hóa công sở",
    "chương trình “Phúc lợi cho đoàn viên”", "giải bóng chuyền hơi nữ",
    "lớp tập huấn nghiệp vụ cho cán bộ công đoàn", "việc ứng dụng công nghệ thông tin",
]
TIMES = [
    "Trong đợt thi đua thứ nhất", "Từ đầu năm 2024", "Trong quý III",
    "Nhân dịp kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam",
    "Trước thềm Tết Nguyên đán Giáp Thìn", "Trong Tháng Công nhân", "Sáng ngày {d}/{m}",
    "Chiều {d}/{m}", "Cuối tháng {m}", "Hướng tới Quốc khánh 2/9", "Sáu tháng đầu năm",
    "Trong đợt thi đua cao điểm cuối năm", "Ngay sau hội nghị phát động",
]
RESULTS = [
    "góp phần nâng cao đời sống vật chất và tinh thần của đoàn viên",
    "tạo không khí thi đua sôi nổi trong toàn đơn vị", "được đoàn viên đồng tình hưởng ứng",
    "vượt chỉ tiêu đề ra", "nhận được sự ủng hộ của cấp ủy và chính quyền địa phương",
    "mang lại hiệu quả thiết thực", "giúp người dân tiết kiệm thời gian đi lại",
    "tăng năng suất lao động rõ rệt", "củng cố niềm tin của người lao động với tổ chức công đoàn",
    "lan tỏa tinh thần tương thân tương ái", "bảo đảm an toàn tuyệt đối cho người lao động",
    "hoàn thành sớm kế hoạch năm",
]
SPEAKERS = [
    "đồng chí Chủ tịch công đoàn cơ sở", "lãnh đạo Liên đoàn Lao động huyện",
    "chị {woman}, tổ trưởng tổ nữ công", "anh {man}, đoàn viên công đoàn",
    "thầy {man}, hiệu trưởng nhà trường", "bác sĩ {name}", "chị {woman}, kế toán đơn vị",
]
OPINIONS = [
    "điều quan trọng nhất là mỗi chỉ tiêu đều gắn với công việc hằng ngày",
    "phong trào chỉ có ý nghĩa khi người lao động thấy được lợi ích thiết thực",
    "cách làm này có thể nhân rộng ra các đơn vị khác trong huyện",
    "đơn vị sẽ tiếp tục duy trì hoạt động trong những tháng cuối năm",
    "sự đồng lòng của đoàn viên là yếu tố quyết định thành công",
    "việc khen thưởng kịp thời đã tạo động lực rất lớn cho anh chị em",
    "công đoàn phải thực sự là chỗ dựa tin cậy của người lao động",
]
COUNTED = [
    "đoàn viên", "sáng kiến", "suất quà", "ngày công", "hồ sơ", "lượt người", "tổ công đoàn",
    "giờ tình nguyện", "cán bộ công đoàn", "gia đình đoàn viên",
]
PASSIVES = [
    "được công nhận", "được trao tận tay", "được hoàn thành đúng hạn", "được hỗ trợ kịp thời",
    "được biểu dương", "được tiếp nhận và giải quyết", "được đưa vào áp dụng",
]
HEADINGS = [
    "Chỉ tiêu rõ ràng, đo đếm được", "Kết quả bước đầu", "Cách làm sáng tạo", "Hướng về cơ sở",
    "Những con số ấn tượng", "Lan tỏa gương điển hình", "Khó khăn và cách vượt qua",
    "Kế hoạch thời gian tới", "Chăm lo thiết thực cho đoàn viên", "Tiếng nói của người lao động",
    "Thi đua bắt đầu từ việc nhỏ", "Sự phối hợp của chính quyền", "Bài học kinh nghiệm",
    "Từ phong trào đến hiệu quả", "An toàn là trên hết", "Đổi mới phương thức hoạt động",
]
QUOTES = [
    "“Thi đua là yêu nước, yêu nước thì phải thi đua.”",
    "“Không có việc gì khó, chỉ sợ lòng không bền.”",
    "“Thi đua không phải là làm thêm một việc gì đó cho có, mà là làm việc mình đang làm tốt hơn hôm qua.”",
    "“Mỗi đoàn viên là một hạt nhân của phong trào.”",
    "“Công đoàn mạnh khi từng tổ công đoàn mạnh.”",
    "“Chúng tôi chỉ mong anh chị em yên tâm công tác, gắn bó lâu dài với bản làng.”",
    "“Việc nhỏ mà làm đều đặn thì thành việc lớn.”",
]
FAMILY = ["Nguyễn", "Lò", "Vàng", "Tẩn", "Hoàng", "Lê", "Trần", "Phạm", "Giàng", "Sần",
          "Chảo", "Lý", "Đặng", "Vũ", "Bùi", "Đỗ", "Tao", "Pờ", "Phàn", "Lù", "Đào", "Mùa"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Quang", "Ngọc", "Thanh", "Kim", "Xuân"]
GIVEN = ["An", "Ân", "Bình", "Chiến", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hoa",
         "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc",
         "Nhung", "Ổn", "Phương", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Thủy", "Trang", "Tú",
         "Tuấn", "Ước", "Vân", "Xuân", "Yến", "Sử", "Chỉn", "Mẩy", "Súa", "Ứng", "Ơn", "Ẩn"]
ROLES = ["Giáo viên", "Điều dưỡng", "Kế toán", "Công chức Tư pháp - Hộ tịch",
         "Công chức Địa chính - Xây dựng", "Tổ trưởng sản xuất", "Y sĩ", "Nhân viên văn thư",
         "Hiệu trưởng", "Tổ trưởng chuyên môn", "Công nhân chế biến chè", "Kỹ thuật viên"]
COLLECTIVE_KINDS = ["Tổ Chuyên môn", "Bộ phận Một cửa", "Tổ Văn phòng", "Tổ Nữ công",
                    "Tổ Xét nghiệm", "Khoa Khám bệnh", "Tổ Sản xuất số {n}"]
AWARDS = ["Lao động giỏi", "Chiến sĩ thi đua cơ sở", "Giấy khen của Liên đoàn Lao động huyện",
          "Tập thể lao động tiên tiến", "Công đoàn cơ sở vững mạnh",
          "Bằng khen của Liên đoàn Lao động tỉnh"]
AUTHORS = ["Ban Tuyên giáo LĐLĐ huyện", "Phóng viên cơ sở", "Ban Nữ công LĐLĐ huyện"]
TITLE_VERBS = ["tổ chức", "phát động", "triển khai", "sơ kết", "hưởng ứng", "ra mắt",
               "biểu dương", "đẩy mạnh", "hoàn thành"]
TITLE_TAILS = ["", "", " năm 2024", " đợt 1", " đợt 2", " cho đoàn viên", " tại cơ sở",
               ": kết quả đáng ghi nhận", ": cách làm mới"]
MILESTONE_TITLES = [
    ("Kỷ niệm ngày thành lập {org}", True), ("Hội nghị sơ kết {topic}", False),
    ("Ngày hội {topic}", False), ("Kỷ niệm ngày truyền thống {org}", True),
    ("Tổng kết {topic}", False),
]

# ~200 tags: hand-picked campaign topics, each alone and with a few qualifiers. Slugs are kept
# unique so that no two tags share a term page.
TAG_TOPICS = [
    "thi đua", "đoàn viên", "chăm lo Tết", "an toàn lao động", "nông thôn mới",
    "sáng kiến", "văn hóa công sở", "nữ công", "giáo dục", "y tế", "cải cách hành chính",
    "Mái ấm Công đoàn", "thể thao", "văn nghệ", "khen thưởng", "giảm nghèo", "doanh nghiệp",
    "thỏa ước lao động", "đối thoại", "phát triển đoàn viên", "tập huấn", "chuyển đổi số",
    "phúc lợi", "Tháng Công nhân", "học tập làm theo Bác", "dân vận khéo", "môi trường",
    "sơ kết", "tổng kết", "phát động thi đua", "gương điển hình", "người lao động",
    "công đoàn cơ sở", "vùng cao", "trường học", "trạm y tế", "một cửa", "tình nguyện",
    "an sinh xã hội", "kỷ niệm",
]
TAG_QUALIFIERS = ["", " cơ sở", " 2024", " vùng cao", " khu vực ngoài Nhà nước"]


UNITS = unique_by_slug(
    ["CĐCS " + u for u in DISTRICT_UNITS]
    + ["CĐCS " + kind.format(c=c) for c in COMMUNES for kind in UNIT_KINDS]
)[:100]
TAGS = unique_by_slug([t + q for t in TAG_TOPICS for q in TAG_QUALIFIERS
                       if not q or q.strip() not in t])[:200]
