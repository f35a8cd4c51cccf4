#!/usr/bin/env python3
"""Generate a large synthetic campaign site for benchmarking thidua against Hugo and cmark.

Usage: generate.py N OUTDIR

Writes, deterministically (fixed seeds, no clock, no network):

  OUTDIR/content/   a thidua site: site.yml, timeline.yml and movements.yml copied from the
                    sample campaign (with `paginate: 10`), N stories, about N/10 people and
                    N/100 milestones, all in thidua's front-matter format;
  OUTDIR/hugo/      the same stories, people and milestones as a Hugo 0.111 site, with a
                    small theme in layouts/ that does about the same work as thidua's default
                    theme (one page per item, paginated lists, taxonomy term pages);
  OUTDIR/all.md     every story body concatenated, the input of the bare `cmark` baseline;
  OUTDIR/.generated the stamp (generator version and inputs) that bench.py uses to skip
                    regenerating an unchanged site. It is written last, so a site without it
                    is incomplete.

Story i is the same for every N except for its links to other stories, which point inside
the N generated. Only the Python 3 standard library is used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import shutil
import sys
import time
import unicodedata
from pathlib import Path

# Bump when the generated content changes shape; bench.py also hashes this file, so any edit
# regenerates cached sites anyway.
GENERATOR_VERSION = 1
SEED = 20240116  # the date of the campaign plan (Kế hoạch số 03/KH-LĐLĐ, 16/01/2024)

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "content"
DATA_FILES = ("site.yml", "timeline.yml", "movements.yml")
STAMP = ".generated"

YEAR_START = dt.date(2024, 1, 1)
DAYS_IN_2024 = 366

# --------------------------------------------------------------------------------------------
# Vocabulary. Everything below is ordinary campaign language of a district labour federation;
# sentences are assembled from these pieces so that text has realistic length, word shapes and
# diacritics (what the Markdown parser, the slugger and the search indexer actually see).
# --------------------------------------------------------------------------------------------

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


def slugify(text: str) -> str:
    """The slug rule of thidua (Sources/ThiDuaKit/Domain/Slug.swift): lower case, diacritics
    dropped, đ → d, every run of other characters one hyphen, no leading/trailing hyphen."""
    folded = "".join(
        "d" if ch == "đ" else ch
        for ch in unicodedata.normalize("NFD", text.lower())
        if unicodedata.category(ch) != "Mn"
    )
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def unique_by_slug(names: list[str]) -> list[str]:
    """First name of each slug, in order."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(slugify(name), name)
    return list(seen.values())


UNITS = unique_by_slug(
    ["CĐCS " + u for u in DISTRICT_UNITS]
    + ["CĐCS " + kind.format(c=c) for c in COMMUNES for kind in UNIT_KINDS]
)[:100]
TAGS = unique_by_slug([t + q for t in TAG_TOPICS for q in TAG_QUALIFIERS
                       if not q or q.strip() not in t])[:200]


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (also valid TOML and JSON for what we write)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(yaml_str(i) for i in items) + "]"


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def fill(template: str, rng: random.Random) -> str:
    """Replace the {d}/{m}/{name}/{woman}/{man} slots of a vocabulary template."""
    return template.format(d=rng.randint(1, 28), m=rng.randint(1, 12), name=person_name(rng),
                           woman=f"{rng.choice(FAMILY)} Thị {rng.choice(GIVEN)}",
                           man=f"{rng.choice(FAMILY)} Văn {rng.choice(GIVEN)}")


def mid_sentence(subject: str) -> str:
    """A subject placed after a comma: common nouns lose their capital, names of bodies
    (Ban …, Liên đoàn …, Ủy ban …) keep it."""
    if subject.split()[0] in ("Ban", "Liên", "Ủy"):
        return subject
    return subject[0].lower() + subject[1:]


# --------------------------------------------------------------------------------------------
# Prose
# --------------------------------------------------------------------------------------------

def sentence(rng: random.Random, unit: str) -> str:
    """One Vietnamese sentence from one of several patterns."""
    pattern = rng.randrange(6)
    if pattern == 0:
        return f"{fill(rng.choice(TIMES), rng)}, {mid_sentence(rng.choice(SUBJECTS))} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(RESULTS)}."
    if pattern == 1:
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(RESULTS)}."
    if pattern == 2:
        return f"Theo {fill(rng.choice(SPEAKERS), rng)}, {rng.choice(OPINIONS)}."
    if pattern == 3:
        return f"Với {rng.randint(12, 480)} đoàn viên tham gia, {unit} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    if pattern == 4:
        return f"Kết quả, {rng.randint(3, 250)} {rng.choice(COUNTED)} {rng.choice(PASSIVES)}, {rng.choice(RESULTS)}."
    return f"Không chỉ {rng.choice(OBJECTS)}, {unit} còn {rng.choice(VERBS)} {rng.choice(OBJECTS)}."


def emphasise(text: str, rng: random.Random) -> str:
    """Put *emphasis* or **strong** on one phrase of a paragraph, sometimes."""
    if rng.random() < 0.5:
        return text
    phrase = rng.choice(RESULTS)
    if phrase in text:
        mark = "**" if rng.random() < 0.5 else "*"
        return text.replace(phrase, f"{mark}{phrase}{mark}", 1)
    return text


def paragraph(rng: random.Random, unit: str) -> str:
    return emphasise(" ".join(sentence(rng, unit) for _ in range(rng.randint(2, 4))), rng)


def bullet_list(rng: random.Random) -> str:
    items = []
    for _ in range(rng.randint(3, 5)):
        kind = rng.randrange(3)
        if kind == 0:
            items.append(f"{rng.randint(5, 300)} {rng.choice(COUNTED)} {rng.choice(PASSIVES)};")
        elif kind == 1:
            items.append(f"{rng.choice(VERBS).capitalize()} {rng.choice(OBJECTS)};")
        else:
            items.append(f"100% đoàn viên tham gia {rng.choice(OBJECTS)};")
    items[-1] = items[-1][:-1] + "."
    marker = "-" if rng.random() < 0.7 else "1."
    return "\n".join(f"{marker} {item}" for item in items)


def story_body(rng: random.Random, unit: str, links: list[tuple[str, str]],
               movement: tuple[str, str]) -> str:
    """A story of about 2–4 KB (UTF-8): lead paragraph, `##` sections with paragraphs, a list,
    sometimes a blockquote, and links to other stories and to the movement."""
    target = rng.randint(2000, 4000)
    blocks = [paragraph(rng, unit)]
    size = len(blocks[0].encode())
    headings = rng.sample(HEADINGS, k=len(HEADINGS))
    with_list = rng.randint(1, 2)
    with_quote = rng.random() < 0.4
    section = 0
    while size < target:
        blocks.append(f"## {headings[section % len(headings)]}")
        section += 1
        blocks.append(paragraph(rng, unit))
        if with_list and size > target / 4:
            blocks.append(bullet_list(rng))
            with_list -= 1
        if with_quote and size > target / 2:
            blocks.append("> " + rng.choice(QUOTES))
            with_quote = False
        size = sum(len(b.encode()) + 2 for b in blocks)
    if rng.random() < 0.3:
        blocks.insert(2, f"Đây là một hoạt động trong phong trào [{movement[1]}](/movements/{movement[0]}/).")
    if links:
        see = " và ".join(f"[{title}](/stories/{slug}/)" for slug, title in links)
        blocks.append(f"Xem thêm: {see}.")
    return "\n\n".join(blocks) + "\n"


def story_title(rng: random.Random, unit: str) -> str:
    obj = rng.choice(OBJECTS)
    tail = rng.choice(TITLE_TAILS)
    if tail.strip(" :") and tail.strip(" :") in obj:  # no "năm 2024 năm 2024"
        tail = ""
    form = rng.randrange(3)
    if form == 0:
        title = f"{unit} {rng.choice(TITLE_VERBS)} {obj}{tail}"
    elif form == 1:
        place = unit.removeprefix("CĐCS ")
        title = f"{place}: {rng.choice(TITLE_VERBS)} {obj}{tail}"
    else:
        title = f"{obj[0].upper()}{obj[1:]} ở {unit.removeprefix('CĐCS ')}"
    return title


def short_slug(title: str, words: int = 12) -> str:
    return "-".join(slugify(title).split("-")[:words])


def take_slug(base: str, used: dict[str, int]) -> str:
    """base, or base-2, base-3 … when base is taken: file names must be unique. `used` maps
    every slug handed out to 1 and remembers, per base, the next suffix to try."""
    k = used.get("\0" + base, 1)
    slug = base if k == 1 else f"{base}-{k}"
    while slug in used:
        k += 1
        slug = f"{base}-{k}"
    used[slug] = 1
    used["\0" + base] = k + 1
    return slug


# --------------------------------------------------------------------------------------------
# Site model
# --------------------------------------------------------------------------------------------

def read_movements(path: Path) -> list[tuple[str, str]]:
    """(id, title) of each movement in movements.yml, read with a regex (no YAML library in
    the standard library; the file is a flat list of `- id:` / `title:` entries)."""
    movements, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^-\s+id:\s*(.+?)\s*$", line)
        if m:
            current = m.group(1).strip("'\"")
            continue
        m = re.match(r"^\s+title:\s*(.+?)\s*$", line)
        if m and current:
            title = m.group(1)
            if title[:1] in "'\"":
                title = title[1:-1].replace("''", "'") if title[0] == "'" else title[1:-1].replace('\\"', '"')
            movements.append((current, title))
            current = None
    if not movements:
        sys.exit(f"generate.py: no movements found in {path}")
    return movements


def read_phases(path: Path) -> list[tuple[str, dt.date, dt.date]]:
    """(id, start, end) of each phase in timeline.yml (for Hugo's `phases` taxonomy; thidua
    derives the phase from the date itself)."""
    text = path.read_text(encoding="utf-8")
    block = text.split("\nphases:", 1)[1].split("\nevents:", 1)[0]
    phases = []
    for chunk in re.split(r"\n\s*-\s+", block)[1:]:
        ident = re.search(r"id:\s*(\S+)", chunk)
        start = re.search(r"start:\s*(\d{4}-\d{2}-\d{2})", chunk)
        end = re.search(r"end:\s*(\d{4}-\d{2}-\d{2})", chunk)
        if ident and start and end:
            phases.append((ident.group(1).strip("'\""), dt.date.fromisoformat(start.group(1)),
                           dt.date.fromisoformat(end.group(1))))
    return phases


def site_title(path: Path) -> str:
    m = re.search(r'^title:\s*"?(.*?)"?\s*$', path.read_text(encoding="utf-8"), re.M)
    return m.group(1) if m else "Thi đua"


class Item:
    """One generated story, person or milestone, with what both site formats need."""

    def __init__(self, slug: str, title: str):
        self.slug, self.title = slug, title
        self.fields: list[tuple[str, str]] = []   # thidua front matter, already YAML-encoded
        self.hugo: list[tuple[str, str]] = []     # Hugo front matter, already YAML-encoded
        self.body = ""


def plan_stories(n: int) -> list[tuple[str, str, str, random.Random]]:
    """Slug, title and unit of every story first, so that bodies can link to any of them."""
    seen: dict[str, int] = {}
    planned = []
    for i in range(n):
        rng = random.Random(f"{SEED}-story-{i}")
        unit = rng.choice(UNITS)
        title = story_title(rng, unit)
        planned.append((take_slug(short_slug(title), seen), title, unit, rng))
    return planned


def make_stories(n: int, movements, phases) -> list[Item]:
    planned = plan_stories(n)
    items = []
    for i, (slug, title, unit, rng) in enumerate(planned):
        item = Item(slug, title)
        date = YEAR_START + dt.timedelta(days=rng.randrange(DAYS_IN_2024))
        tags = rng.sample(TAGS, k=rng.randint(1, 4))
        movement = rng.choice(movements)
        summary = None
        if rng.random() < 0.5:
            summary = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(RESULTS)}."
        author = rng.choice(AUTHORS) if rng.random() < 0.3 else None
        # 1–3 links to other stories (a list, not a set: the order must not depend on hashing).
        picks = [planned[rng.randrange(n)] for _ in range(rng.randint(1, 3))]
        links = list(dict.fromkeys((p[0], p[1]) for p in picks if p[0] != slug))
        if not links and n > 1:
            links = [planned[(i + 1) % n][:2]]
        item.body = story_body(rng, unit, links, movement)
        phase = next((p for p, start, end in phases if start <= date <= end), None)

        item.fields = [("title", yaml_str(title)), ("date", date.isoformat())]
        if summary:
            item.fields.append(("summary", yaml_str(summary)))
        item.fields += [("tags", yaml_list(tags)), ("movement", movement[0]), ("unit", yaml_str(unit))]
        if author:
            item.fields.append(("author", yaml_str(author)))

        item.hugo = [("title", yaml_str(title)), ("date", date.isoformat())]
        if summary:
            item.hugo.append(("summary", yaml_str(summary)))
        item.hugo += [("tags", yaml_list(tags)), ("movements", yaml_list([movement[0]])),
                      ("units", yaml_list([unit]))]
        if phase:
            item.hugo.append(("phases", yaml_list([phase])))
        if author:
            item.hugo.append(("author", yaml_str(author)))
        items.append(item)
    return items


def make_people(count: int, movements) -> list[Item]:
    seen: dict[str, int] = {}
    items = []
    for i in range(count):
        rng = random.Random(f"{SEED}-person-{i}")
        unit = rng.choice(UNITS)
        collective = rng.random() < 0.25
        if collective:
            title = f"{rng.choice(COLLECTIVE_KINDS).format(n=rng.randint(1, 9))}, {unit.removeprefix('CĐCS ')}"
            role = None
        else:
            title = person_name(rng)
            role = rng.choice(ROLES)
        item = Item(take_slug(short_slug(title), seen), title)
        movement = rng.choice(movements)[0] if rng.random() < 0.7 else None
        award = rng.choice(AWARDS) if rng.random() < 0.6 else None
        common = [("kind", "collective" if collective else "individual")]
        if role:
            common.append(("role", yaml_str(role)))
        if award:
            common.append(("award", yaml_str(award)))
        if rng.random() < 0.05:
            common.append(("featured", "true"))
        item.fields = [("title", yaml_str(title)), ("unit", yaml_str(unit))] + common
        item.hugo = [("title", yaml_str(title)), ("units", yaml_list([unit]))] + common
        if movement:
            item.fields.append(("movement", movement))
            item.hugo.append(("movements", yaml_list([movement])))
        body = [paragraph(rng, unit), f"## {rng.choice(HEADINGS)}", paragraph(rng, unit),
                bullet_list(rng), paragraph(rng, unit)]
        item.body = "\n\n".join(body) + "\n"
        items.append(item)
    return items


def make_milestones(count: int, phases) -> list[Item]:
    seen: dict[str, int] = {}
    items = []
    orgs = [u.removeprefix("CĐCS ") for u in UNITS]
    for i in range(count):
        rng = random.Random(f"{SEED}-milestone-{i}")
        template, anniversary = rng.choice(MILESTONE_TITLES)
        title = template.format(org=rng.choice(orgs), topic=rng.choice(OBJECTS))
        item = Item(take_slug(short_slug(title), seen), title)
        date = YEAR_START + dt.timedelta(days=rng.randrange(DAYS_IN_2024))
        item.fields = [("title", yaml_str(title)), ("date", date.isoformat())]
        if anniversary:
            origin_year = rng.randint(1930, 2014)
            # A year alone or a full origin date on the same day (both forms are allowed).
            since = str(origin_year) if rng.random() < 0.3 else date.replace(year=origin_year, day=min(date.day, 28)).isoformat()
            item.fields.append(("since", since))
        if rng.random() < 0.5:
            item.fields.append(("summary", yaml_str(sentence(rng, rng.choice(UNITS)))))
        phase = next((p for p, start, end in phases if start <= date <= end), None)
        item.hugo = list(item.fields) + ([("phases", yaml_list([phase]))] if phase else [])
        item.body = "\n\n".join([paragraph(rng, rng.choice(UNITS)), f"## {rng.choice(HEADINGS)}",
                                 paragraph(rng, rng.choice(UNITS))]) + "\n"
        items.append(item)
    return items


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

def write_item(folder: Path, item: Item, fields: list[tuple[str, str]]) -> None:
    front = "\n".join(f"{key}: {value}" for key, value in fields)
    (folder / f"{item.slug}.md").write_text(f"---\n{front}\n---\n\n{item.body}", encoding="utf-8")


def site_yml() -> str:
    """The sample's site.yml with `paginate: 10`, without its pictures (`image:`, the default
    sharing picture, `logo:` and the `images:` settings): the generated sites have no media
    folder, and the photo benchmark adds settings of its own."""
    kept: list[str] = []
    comments: list[str] = []  # comment lines waiting for the key they describe
    dropping = False
    for line in (SAMPLE / "site.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comments.append(line)
            continue
        top_key = re.match(r"^([A-Za-z_][\w-]*):", line)
        if top_key:
            dropping = top_key.group(1) in ("image", "logo", "images")
            if top_key.group(1) == "paginate":
                line = "paginate: 10"
        elif not line.strip():
            dropping = False
        if not dropping:
            kept += comments + [line]
        comments = []
    kept += comments
    if not any(line.startswith("paginate:") for line in kept):
        kept.append("paginate: 10")
    return "\n".join(kept) + "\n"


def write_thidua(content: Path, stories, people, milestones) -> None:
    content.mkdir(parents=True)
    for name in DATA_FILES:
        text = site_yml() if name == "site.yml" else (SAMPLE / name).read_text(encoding="utf-8")
        (content / name).write_text(text, encoding="utf-8")
    for folder, items in (("stories", stories), ("people", people), ("milestones", milestones)):
        (content / folder).mkdir()
        for item in items:
            write_item(content / folder, item, item.fields)


HUGO_CONFIG = """\
# Hugo 0.111 site equivalent to the generated thidua site (see Benchmarks/README.md).
baseURL = "https://example.org/"
languageCode = "vi"
title = {title}
paginate = 10
enableRobotsTXT = false

[params]
  organisation = "Liên đoàn Lao động huyện Phong Thổ"
  description = "Cổng thông tin phong trào thi đua năm 2024"

# The four taxonomies of thidua's default theme (tags, movements, phases, units).
[taxonomies]
  tag = "tags"
  movement = "movements"
  unit = "units"
  phase = "phases"

# One feed for the whole site, like thidua's feed.xml (Hugo's default is one per list page).
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]

[markup.goldmark.renderer]
  unsafe = false

[[menu.main]]
  name = "Trang chủ"
  url = "/"
  weight = 1
[[menu.main]]
  name = "Tin tức"
  url = "/stories/"
  weight = 2
[[menu.main]]
  name = "Gương điển hình"
  url = "/people/"
  weight = 3
[[menu.main]]
  name = "Phong trào"
  url = "/movements/"
  weight = 4
"""

# The Hugo theme: the same page structure as thidua's default theme (base with header, menu and
# footer; story page with facts, tags and newer/older links; cards; pagination; term lists).
HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="stylesheet" href="/assets/style.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">Chuyển đến nội dung</a>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="/"><img src="/assets/favicon.svg" alt="" width="36" height="36">
      <span><strong>{{ site.Title }}</strong><small>{{ site.Params.organisation }}</small></span></a>
    <nav aria-label="Điều hướng chính"><ul>
      {{ $current := . }}{{ range site.Menus.main }}<li><a href="{{ .URL }}"{{ if $current.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
      {{ end }}
    </ul></nav>
  </div>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><div class="wrap">
  <p>© 2024 {{ site.Params.organisation }}</p>
  <p class="muted">Xây dựng bằng Hugo</p>
</div></footer>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}
<article class="wrap prose">
  <header>
    {{ if not .Date.IsZero }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time></p>{{ end }}
    <h1>{{ .Title }}</h1>
    <dl class="facts">
      {{ range .GetTerms "units" }}<div><dt>Đơn vị</dt><dd><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></dd></div>{{ end }}
      {{ range .GetTerms "movements" }}<div><dt>Phong trào</dt><dd><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></dd></div>{{ end }}
      {{ range .GetTerms "phases" }}<div><dt>Đợt thi đua</dt><dd><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></dd></div>{{ end }}
      {{ with .Params.role }}<div><dt>Chức vụ</dt><dd>{{ . }}</dd></div>{{ end }}
      {{ with .Params.award }}<div><dt>Khen thưởng</dt><dd>{{ . }}</dd></div>{{ end }}
      {{ with .Params.author }}<div><dt>Tác giả</dt><dd>{{ . }}</dd></div>{{ end }}
    </dl>
  </header>
  {{ .Content }}
  {{ with .GetTerms "tags" }}<p class="tags"><span>Từ khóa:</span> {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
  <nav class="prev-next">
    {{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}"><small>Bài mới hơn</small>{{ .Title }}</a>{{ end }}
    {{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}"><small>Bài cũ hơn</small>{{ .Title }}</a>{{ end }}
  </nav>
</article>
{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  {{ $pager := .Paginate .Pages }}
  <div class="cards">{{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}</div>
  {{ partial "pagination.html" $pager }}
</div>
{{ end }}
""",
    "_default/taxonomy.html": """\
{{ define "main" }}
<div class="wrap">
  <p class="meta"><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
  <h1>{{ .Title }}</h1>
  {{ $pager := .Paginate .Pages }}
  <div class="cards">{{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}</div>
  {{ partial "pagination.html" $pager }}
</div>
{{ end }}
""",
    "_default/terms.html": """\
{{ define "main" }}
<div class="wrap">
  <h1>{{ .Title }}</h1>
  <ul class="terms">
    {{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <span class="count">{{ .Count }} bài</span></li>
    {{ end }}
  </ul>
</div>
{{ end }}
""",
    "index.html": """\
{{ define "title" }}{{ site.Title }}{{ end }}
{{ define "main" }}
<section class="hero"><div class="wrap"><h1>{{ site.Title }}</h1></div></section>
<div class="wrap">
  <section aria-labelledby="latest-heading">
    <h2 id="latest-heading">Tin mới</h2>
    <div class="cards">{{ range first 6 (where site.RegularPages "Section" "stories") }}{{ partial "card.html" . }}{{ end }}</div>
    <p><a href="/stories/">Tất cả tin bài →</a></p>
  </section>
  <section aria-labelledby="featured-heading">
    <h2 id="featured-heading">Gương điển hình</h2>
    <div class="cards">{{ range first 4 (where (where site.RegularPages "Section" "people") "Params.featured" true) }}{{ partial "card.html" . }}{{ end }}</div>
    <p><a href="/people/">Tất cả gương điển hình →</a></p>
  </section>
</div>
{{ end }}
""",
    "404.html": """\
{{ define "main" }}<div class="wrap"><h1>Không tìm thấy trang</h1><p><a href="/">Về trang chủ</a></p></div>{{ end }}
""",
    "partials/card.html": """\
<article class="card">
  <p class="meta">{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>{{ end }}{{ with .Params.units }} · {{ index . 0 }}{{ end }}</p>
  <h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
  {{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
</article>
""",
    "partials/pagination.html": """\
{{ if gt .TotalPages 1 }}
<nav class="pagination" aria-label="Phân trang">
  {{ if .HasPrev }}<a rel="prev" href="{{ .Prev.URL }}">← Trang trước</a>{{ end }}
  <span>Trang {{ .PageNumber }}/{{ .TotalPages }}</span>
  {{ if .HasNext }}<a rel="next" href="{{ .Next.URL }}">Trang sau →</a>{{ end }}
</nav>
{{ end }}
""",
}

SECTION_TITLES = {"stories": "Tin tức", "people": "Gương điển hình", "milestones": "Cột mốc"}


def write_hugo(hugo: Path, title: str, stories, people, milestones) -> None:
    content = hugo / "content"
    for folder, items in (("stories", stories), ("people", people), ("milestones", milestones)):
        (content / folder).mkdir(parents=True)
        (content / folder / "_index.md").write_text(
            f"---\ntitle: {yaml_str(SECTION_TITLES[folder])}\n---\n", encoding="utf-8")
        for item in items:
            write_item(content / folder, item, item.hugo)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG.format(title=yaml_str(title)), encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = hugo / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # The same static assets as thidua's theme, so both sites publish them.
    assets = REPO / "Sources" / "ThiDuaKit" / "DefaultTheme" / "assets"
    if assets.is_dir():
        shutil.copytree(assets, hugo / "static" / "assets")


def stamp_for(n: int) -> str:
    """What a generated site depends on: generator version and source, N, the sample data."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name in DATA_FILES:
        digest.update((SAMPLE / name).read_bytes())
    return f"generator {GENERATOR_VERSION} {digest.hexdigest()[:16]} stories {n}\n"


def generate(n: int, outdir: Path) -> dict:
    """Write the whole site; returns counts for the caller."""
    started = time.perf_counter()
    movements = read_movements(SAMPLE / "movements.yml")
    phases = read_phases(SAMPLE / "timeline.yml")
    stories = make_stories(n, movements, phases)
    people = make_people(max(1, n // 10), movements)
    milestones = make_milestones(max(1, n // 100), phases)

    outdir.mkdir(parents=True, exist_ok=True)
    for old in (STAMP, "content", "hugo", "all.md"):
        path = outdir / old
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    write_thidua(outdir / "content", stories, people, milestones)
    write_hugo(outdir / "hugo", site_title(SAMPLE / "site.yml"), stories, people, milestones)
    with open(outdir / "all.md", "w", encoding="utf-8") as all_md:
        for item in stories:
            all_md.write(item.body)
            all_md.write("\n")
    (outdir / STAMP).write_text(stamp_for(n), encoding="utf-8")
    return {"stories": len(stories), "people": len(people), "milestones": len(milestones),
            "markdown_bytes": sum(len(s.body.encode()) for s in stories),
            "seconds": time.perf_counter() - started}


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    n, outdir = int(argv[1]), Path(argv[2])
    info = generate(n, outdir)
    print(f"generated {info['stories']} stories, {info['people']} people, {info['milestones']} "
          f"milestones ({info['markdown_bytes'] / 1e6:.1f} MB of story Markdown) into {outdir} "
          f"in {info['seconds']:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
