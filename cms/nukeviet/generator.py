"""A NukeViet-shaped source database with realistic Vietnamese content, for tests and the import benchmark.

Tables come from ``schema`` (NukeViet's own definitions); bodies are CKEditor-style HTML with headings,
images (and their italic captions), tables, lists, quotes, YouTube and other frames, links to other
articles and documents in both address forms, and files in an ``uploads`` folder. A few references point
at files that do not exist, some tables merge cells, and some rows are drafts or expired, as in real sites.
"""

import datetime
import io
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from cms.core.text import slugify_vi
from cms.demo import seed_words as words
from cms.demo.media import pdf_document
from cms.nukeviet.schema import (
    FAQ_TABLES,
    LAWS_TABLES,
    NEWS_TABLES,
    PAGE_TABLES,
    WEBLINKS_TABLES,
    create_statements,
)

NEWS_CATS = [
    # catid, parentid, title, alias
    (1, 0, "Tin tức - Sự kiện", "tin-tuc-su-kien"),
    (2, 1, "Chính trị", "chinh-tri"),
    (3, 1, "Kinh tế", "kinh-te"),
    (4, 1, "Văn hóa - Xã hội", "van-hoa-xa-hoi"),
    (5, 0, "Thông báo", "thong-bao"),
    (6, 0, "Cải cách hành chính", "cai-cach-hanh-chinh"),
]
NEWS_SOURCES = [(1, "Báo Sơn La", "https://baosonla.example.vn"), (2, "Cổng TTĐT tỉnh Sơn La", "")]
LAWS_CATS = [(1, "Quyết định"), (2, "Chỉ thị"), (3, "Kế hoạch"), (4, "Công văn"), (5, "Tờ trình")]
LAWS_SUBJECTS = [(1, "Giáo dục"), (2, "Y tế"), (3, "Nông nghiệp"), (4, "Hành chính"), (5, "Chuyên đề khác")]
LAWS_EXAMINE = [(1, "UBND huyện Mộc Châu"), (2, "HĐND huyện Mộc Châu")]
LAWS_AREAS = [(1, "Huyện Mộc Châu"), (2, "Xã Đông Sang"), (3, "Thị trấn Nông trường Mộc Châu")]
# The page module's static pages: (title, alias, status); the third is switched off in NukeViet.
STATIC_PAGES = [
    ("Giới thiệu chung", "gioi-thieu-chung", 1),
    ("Chức năng, nhiệm vụ", "chuc-nang-nhiem-vu", 1),
    ("Sơ đồ tổ chức (bản cũ)", "so-do-to-chuc-ban-cu", 0),
]
# The web links module: (catid, title, alias) and (id, catid, title, url, status). Link 4 has no scheme (NukeViet
# accepts that), 7 is switched off, 8 is not a web address.
WEBLINKS_CATS = [
    (1, "Cổng thông tin Chính phủ", "cong-thong-tin-chinh-phu"),
    (2, "Bộ, ngành Trung ương", "bo-nganh-trung-uong"),
    (3, "Sở, ban, ngành tỉnh", "so-ban-nganh-tinh"),
    (4, "UBND các huyện, thành phố", "ubnd-cac-huyen-thanh-pho"),
    (5, "Báo chí", "bao-chi"),
]
WEBLINKS = [
    (1, 1, "Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn", 1),
    (2, 1, "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn", 1),
    (3, 2, "Bộ Nội vụ", "https://moha.gov.vn", 1),
    (4, 3, "Sở Giáo dục và Đào tạo Sơn La", "sogddt.sonla.gov.vn", 1),
    (5, 4, "UBND huyện Vân Hồ", "https://vanho.sonla.gov.vn/", 1),
    (6, 5, "Báo Sơn La", "https://baosonla.org.vn", 1),
    (7, 2, "Bộ Tài chính (địa chỉ cũ)", "http://mof.gov.vn", 0),
    (8, 5, "Liên kết hỏng", "javascript:alert(1)", 1),
]
# The FAQ module: (id, parentid, title, alias, status, groups_view) and (id, catid, title, status). Category 3 is
# for signed-in officials only; question 3 is switched off.
FAQ_CATS = [
    (1, 0, "Đất đai", "dat-dai", 1, "6"),
    (2, 0, "Hộ tịch, chứng thực", "ho-tich-chung-thuc", 1, "6"),
    (3, 0, "Dành cho cán bộ", "danh-cho-can-bo", 1, "4"),
]
FAQS = [
    (1, 1, "Cấp giấy chứng nhận quyền sử dụng đất lần đầu cần những giấy tờ gì?", 1),
    (2, 2, "Đăng ký khai sinh cho con ở đâu?", 1),
    (3, 2, "Chứng thực bản sao mất bao lâu?", 0),
    (4, 3, "Tài khoản hệ thống một cửa điện tử bị khóa?", 1),
]
IMAGE_POOL = 24
NEWS_FILE_POOL = 12
LAWS_FILE_POOL = 40
BASE_TIME = int(datetime.datetime(2023, 1, 2, 8, 0, tzinfo=datetime.UTC).timestamp())
DAY = 86400

# Article 1 is fixed, so tests can check its body block by block.
ARTICLE_ONE = """<p>Sáng 15/5, <strong>Ban chỉ đạo thực hiện dân chủ ở cơ sở</strong> huyện Mộc Châu tổ chức hội nghị
<em>sơ kết</em> 6 tháng đầu năm.</p>
<h2>Kết quả nổi bật</h2>
<p style="text-align:center"><img alt="Quang cảnh hội nghị" src="/uploads/news/2024_05/anh-1.jpg" width="600" /></p>
<p style="text-align:center"><em>Quang cảnh hội nghị sơ kết</em></p>
<table border="1"><tbody><tr><th>Đơn vị</th><th>Đã hoàn thành</th><th>Tổng số</th></tr>
<tr><td>Doanh nghiệp</td><td>4</td><td>8</td></tr>
<tr><td>Bản, tiểu khu</td><td>87</td><td>180</td></tr></tbody></table>
<p>Xem thêm <a href="/vi/news/chinh-tri/hoi-nghi-so-ket-2.html">bài viết liên quan</a>, văn bản
<a href="/index.php?language=vi&amp;nv=laws&amp;op=detail/quyet-dinh-so-1-1">Quyết định số 1</a> và
<a href="/uploads/news/2024_05/tai-lieu-1.pdf">tải báo cáo</a>.</p>
<ul><li>Hoàn thành 93/180 bản</li><li>Tổ chức 12 hội nghị</li></ul>
<blockquote><p>Các đơn vị chủ động lãnh đạo, chỉ đạo triển khai nhiệm vụ.</p></blockquote>
<table><tr><td colspan="2">Bảng gộp ô</td></tr><tr><td>A</td><td>B</td></tr></table>
<script>alert("x")</script>
<p><iframe src="https://www.youtube.com/embed/jNQXAC9IVRw" width="560"></iframe></p>
<h3>Nhiệm vụ thời gian tới</h3>
<p>Tiếp tục <span style="color:red">tuyên truyền</span> sâu rộng.<br />Đề nghị các xã thực hiện tốt.</p>"""

ARTICLE_ONE_BLOCKS = [
    "paragraph",
    "heading",
    "image",
    "table",
    "paragraph",
    "paragraph",
    "quote",
    "raw_html",
    "embed",
    "heading",
    "paragraph",
    "document",
]


@dataclass
class Generated:
    news: int
    laws: int
    news_published: int
    laws_published: int
    drafts: int
    news_expired: int
    tags: int
    missing_files: set


def news_status(row_id: int) -> int:
    """1 published, 0 stopped, 2 waiting for approval (NukeViet's values)."""
    if row_id % 10 == 7:
        return 0
    if row_id % 20 == 9:
        return 2
    return 1


def news_expired(row_id: int) -> bool:
    return row_id % 25 == 10 and news_status(row_id) == 1


def laws_status(row_id: int) -> int:
    return 0 if row_id % 9 == 4 else 1


def has_comment_period(row_id: int) -> bool:
    return row_id % 50 == 3


class Generator:
    def __init__(self, connection, uploads: Path, prefix: str = "nv4", lang: str = "vi", seed: int = 25):
        self.connection, self.uploads, self.prefix, self.lang = connection, Path(uploads), prefix, lang
        self.seed = seed

    def table(self, module: str, name: str) -> str:
        return f"{self.prefix}_{self.lang}_{module}_{name}"

    def execute(self, sql: str, params=None):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)

    def insert(self, table: str, rows: list[dict]):
        if not rows:
            return
        columns = list(rows[0])
        names, marks = ", ".join(f"`{c}`" for c in columns), ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO `{table}` ({names}) VALUES ({marks})"  # noqa: S608 - the generator's own names
        with self.connection.cursor() as cursor:
            for start in range(0, len(rows), 1000):
                cursor.executemany(sql, [[row[c] for c in columns] for row in rows[start : start + 1000]])

    def build(self, news: int, laws: int, batch: int = 2000) -> Generated:
        for statement in create_statements(self.prefix, self.lang, "news", NEWS_TABLES):
            self.execute(statement)
        for statement in create_statements(self.prefix, self.lang, "laws", LAWS_TABLES):
            self.execute(statement)
        for statement in create_statements(self.prefix, self.lang, "page", PAGE_TABLES):
            self.execute(statement)
        self.insert(f"{self.prefix}_{self.lang}_page", [self.page_row(i) for i in range(1, len(STATIC_PAGES) + 1)])
        self.weblinks_and_faq()
        self.write_files()
        self.lookups()
        tags = self.tags()
        for start in range(1, news + 1, batch):
            ids = range(start, min(start + batch, news + 1))
            self.insert(self.table("news", "rows"), [self.news_row(i) for i in ids])
            self.insert(self.table("news", "detail"), [self.news_detail(i) for i in ids])
            self.insert(self.table("news", "tags_id"), [link for i in ids for link in self.news_tags(i, tags)])
        for start in range(1, laws + 1, batch):
            ids = range(start, min(start + batch, laws + 1))
            self.insert(self.table("laws", "row"), [self.laws_row(i) for i in ids])
            self.insert(
                self.table("laws", "row_area"),
                [{"row_id": i, "area_id": area} for i in ids for area in self.laws_areas(i)],
            )
        return Generated(
            news=news,
            laws=laws,
            news_published=sum(1 for i in range(1, news + 1) if news_status(i) == 1 and not news_expired(i)),
            laws_published=sum(1 for i in range(1, laws + 1) if laws_status(i) == 1 and not has_comment_period(i)),
            drafts=sum(1 for i in range(1, laws + 1) if has_comment_period(i)),
            news_expired=sum(1 for i in range(1, news + 1) if news_expired(i)),
            tags=len(tags),
            missing_files={"news/2024_05/anh-da-xoa.jpg", "laws/da-xoa.pdf"},
        )

    # Web links and FAQ -------------------------------------------------------------------------------------

    def weblinks_and_faq(self):
        for statement in create_statements(self.prefix, self.lang, "weblinks", WEBLINKS_TABLES):
            self.execute(statement)
        for statement in create_statements(self.prefix, self.lang, "faq", FAQ_TABLES):
            self.execute(statement)
        self.insert(
            self.table("weblinks", "cat"),
            [
                {"catid": i, "parentid": 0, "title": t, "catimage": "", "alias": a, "description": "", "weight": i}
                | {"inhome": 1, "keywords": "", "add_time": BASE_TIME, "edit_time": BASE_TIME}
                for i, t, a in WEBLINKS_CATS
            ],
        )
        self.insert(self.table("weblinks", "rows"), [self.weblink_row(row[0]) for row in WEBLINKS])
        self.insert(
            self.table("faq", "categories"),
            [
                {"id": i, "parentid": p, "title": t, "alias": a, "description": "", "groups_view": groups}
                | {"weight": i, "status": status, "keywords": ""}
                for i, p, t, a, status, groups in FAQ_CATS
            ],
        )
        self.insert(f"{self.prefix}_{self.lang}_faq", [self.faq_row(row[0]) for row in FAQS])

    def weblink_row(self, row_id: int) -> dict:
        _id, catid, title, url, status = WEBLINKS[row_id - 1]
        return {
            "id": row_id,
            "catid": catid,
            "author": "1|1",
            "title": title,
            "alias": slugify_vi(title),
            "url": url,
            "urlimg": "",
            "admin_phone": "",
            "admin_email": "",
            "note": "",
            "description": f"Trang thông tin điện tử: {title}",
            "add_time": BASE_TIME,
            "edit_time": BASE_TIME,
            "hits_total": 5 * row_id,
            "status": status,
        }

    def faq_row(self, row_id: int) -> dict:
        _id, catid, title, status = FAQS[row_id - 1]
        answer = (
            "<p>Theo quy định tại <strong>Luật Đất đai năm 2024</strong>, hồ sơ gồm:</p>"
            "<ul><li>Đơn đăng ký theo mẫu;</li><li>Giấy tờ về quyền sử dụng đất.</li></ul>"
            '<p>Xem thêm <a href="/vi/news/chinh-tri/bai-viet-1.html">hướng dẫn</a>.</p>'
            if row_id == 1
            else "<h3>Nơi đăng ký</h3><p>Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ.</p>"
            "<table><tr><td>Thời hạn</td><td>Trong ngày</td></tr></table>"
        )
        return {
            "id": row_id,
            "catid": catid,
            "title": title,
            "alias": slugify_vi(title),
            "question": f"<p>{title}</p><p>Xin cảm ơn.</p>",
            "answer": answer,
            "weight": row_id,
            "status": status,
            "addtime": BASE_TIME + row_id * DAY,
        }

    # Files -------------------------------------------------------------------------------------------------

    def write_files(self):
        folder = self.uploads / "news" / "2024_05"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, IMAGE_POOL + 1):
            image = Image.new("RGB", (64, 40), ((n * 37) % 256, (n * 91) % 256, (n * 53) % 256))
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=80)
            (folder / f"anh-{n}.jpg").write_bytes(buffer.getvalue())
        # The same picture uploaded twice under another name: imported once.
        (folder / "anh-1-ban-sao.jpg").write_bytes((folder / "anh-1.jpg").read_bytes())
        for n in range(1, NEWS_FILE_POOL + 1):
            (folder / f"tai-lieu-{n}.pdf").write_bytes(pdf_document([f"Bao cao so {n}", "UBND huyen Moc Chau"]))
        laws = self.uploads / "laws"
        laws.mkdir(parents=True, exist_ok=True)
        for n in range(1, LAWS_FILE_POOL + 1):
            (laws / f"van-ban-{n}.pdf").write_bytes(pdf_document([f"Van ban so {n}/QD-UBND", "Moc Chau"]))

    # Lookups -----------------------------------------------------------------------------------------------

    def lookups(self):
        self.insert(
            self.table("news", "cat"),
            [
                {
                    "catid": catid,
                    "parentid": parent,
                    "title": title,
                    "alias": alias,
                    "description": f"Chuyên mục {title.lower()} của huyện Mộc Châu",
                    "weight": catid,
                    "add_time": BASE_TIME,
                    "edit_time": BASE_TIME,
                }
                for catid, parent, title, alias in NEWS_CATS
            ],
        )
        self.insert(
            self.table("news", "sources"),
            [
                {"sourceid": i, "title": t, "link": link, "weight": i, "add_time": BASE_TIME, "edit_time": BASE_TIME}
                for i, t, link in NEWS_SOURCES
            ],
        )
        common = {"introduction": "", "keywords": "", "addtime": BASE_TIME}
        self.insert(
            self.table("laws", "cat"),
            [
                {"id": i, "parentid": 0, "alias": slugify_vi(t), "title": t, "weight": i, **common}
                for i, t in LAWS_CATS
            ],
        )
        self.insert(
            self.table("laws", "subject"),
            [{"id": i, "alias": slugify_vi(t), "title": t, "weight": i, **common} for i, t in LAWS_SUBJECTS],
        )
        self.insert(self.table("laws", "examine"), [{"id": i, "title": t, "weight": i} for i, t in LAWS_EXAMINE])
        self.insert(
            self.table("laws", "signer"),
            [
                {"id": i, "title": name, "offices": "UBND huyện Mộc Châu", "positions": position, "addtime": BASE_TIME}
                for i, (name, position) in enumerate(words.SIGNERS, start=1)
            ],
        )
        self.insert(
            self.table("laws", "area"),
            [
                {"id": i, "parentid": 0, "alias": slugify_vi(t), "title": t, "weight": i, **common}
                for i, t in LAWS_AREAS
            ],
        )

    def tags(self) -> list[tuple[int, str]]:
        titles = list(dict.fromkeys([*words.PLACES[:10], *words.TOPICS[:10]]))
        rows = [
            {"tid": i, "numnews": 0, "title": t, "alias": slugify_vi(t), "description": "", "keywords": t}
            for i, t in enumerate(titles, start=1)
        ]
        self.insert(self.table("news", "tags"), rows)
        return [(row["tid"], row["title"]) for row in rows]

    # News --------------------------------------------------------------------------------------------------

    def rng(self, row_id: int, salt: str = "") -> random.Random:
        return random.Random(f"{self.seed}:{salt}:{row_id}")  # noqa: S311 - test data, not security

    def news_title(self, row_id: int) -> str:
        if row_id == 2:
            return "Hội nghị sơ kết"
        rng = self.rng(row_id, "title")
        return f"{rng.choice(words.SUBJECTS)} {rng.choice(words.PLACES)} {rng.choice(words.ACTIONS)} {row_id}"

    def news_cat(self, row_id: int) -> tuple[int, str]:
        catid = 2 if row_id in (1, 2) else 1 + row_id % len(NEWS_CATS)
        return catid, next(alias for c, _p, _t, alias in NEWS_CATS if c == catid)

    def news_alias(self, row_id: int) -> str:
        return slugify_vi(self.news_title(row_id))[:240]

    def news_row(self, row_id: int) -> dict:
        rng = self.rng(row_id, "row")
        catid, _alias = self.news_cat(row_id)
        publtime = BASE_TIME + row_id * 3600
        image = f"2024_05/anh-{1 + row_id % IMAGE_POOL}.jpg" if row_id % 3 else ""
        if row_id % 50 == 11:
            image = "2024_05/anh-da-xoa.jpg"
        if row_id == 2:
            image = "2024_05/anh-1-ban-sao.jpg"  # the same bytes as anh-1.jpg
        return {
            "id": row_id,
            "catid": catid,
            "listcatid": str(catid),
            "author": rng.choice(words.AUTHORS),
            "sourceid": 1 + row_id % 3 if row_id % 3 else 0,
            "addtime": publtime,
            "edittime": publtime,
            "status": news_status(row_id),
            "weight": row_id,
            "publtime": publtime,
            "exptime": publtime + 30 * DAY if news_expired(row_id) else 0,
            "title": self.news_title(row_id),
            "alias": self.news_alias(row_id),
            "hometext": f"{rng.choice(words.SENTENCE_OPENERS)} {rng.choice(words.SENTENCE_BODIES)}.",
            "homeimgfile": image,
            "homeimgalt": "Ảnh minh họa" if image else "",
            "homeimgthumb": 1 if image else 0,
            "inhome": 1,
            "allowed_comm": "4",
            "hitstotal": rng.randint(0, 5000),
        }

    def sentence(self, rng: random.Random) -> str:
        return (
            f"{rng.choice(words.SENTENCE_OPENERS)} {rng.choice(words.SENTENCE_BODIES)}, "
            f"{rng.choice(words.SENTENCE_ENDINGS)}"
        )

    def news_body(self, row_id: int) -> tuple[str, list[str]]:
        """The body HTML and the block types it should become."""
        if row_id == 1:
            return ARTICLE_ONE, ARTICLE_ONE_BLOCKS
        rng = self.rng(row_id, "body")
        html, expected = [], []
        html.append(f"<p><strong>{rng.choice(words.PLACES)}</strong> - {self.sentence(rng)}</p>")
        expected.append("paragraph")
        for _section in range(rng.randint(1, 3)):
            html.append(f"<h2>{rng.choice(words.HEADINGS)}</h2>")
            expected.append("heading")
            html.append(f"<p>{self.sentence(rng)} <em>{self.sentence(rng)}</em></p>")
            expected.append("paragraph")
            kind = rng.choice(["image", "table", "list", "link", "quote", "merged"])
            if kind == "image":
                n = 1 + rng.randrange(IMAGE_POOL)
                html.append(
                    f'<p style="text-align:center"><img src="/uploads/news/2024_05/anh-{n}.jpg" alt="Ảnh {n}" /></p>'
                    f"<p><em>Ảnh: {rng.choice(words.PLACES)}</em></p>"
                )
                expected.append("image")
            elif kind == "table":
                rows = "".join(
                    f"<tr><td>{label}</td><td>{rng.randint(1, 90)}</td><td>{rng.randint(90, 200)}</td></tr>"
                    for label in rng.sample(words.TABLE_ROWS, 3)
                )
                html.append(f"<table><thead><tr><th>Đơn vị</th><th>Đạt</th><th>Tổng</th></tr></thead>{rows}</table>")
                expected.append("table")
            elif kind == "list":
                items = "".join(f"<li>{rng.choice(words.SENTENCE_BODIES)}</li>" for _ in range(3))
                html.append(f"<ul>{items}</ul>")
                expected.append("paragraph")
            elif kind == "link":
                other = max(1, row_id + rng.randint(-30, 30))
                cat_alias = self.news_cat(other)[1]
                link = f"/vi/news/{cat_alias}/{self.news_alias(other)}-{other}.html"
                html.append(
                    f'<p>Xem thêm: <a href="{link}">bài {other}</a>'
                    f' và <a href="/uploads/news/2024_05/tai-lieu-{1 + other % NEWS_FILE_POOL}.pdf">tài liệu</a>.</p>'
                )
                expected.append("paragraph")
            elif kind == "quote":
                html.append(f"<blockquote><p>{self.sentence(rng)}</p></blockquote>")
                expected.append("quote")
            else:
                html.append('<table><tr><td rowspan="2">Gộp</td><td>1</td></tr><tr><td>2</td></tr></table>')
                expected.append("raw_html")
        return "\n".join(html), expected

    def news_files(self, row_id: int) -> str:
        if row_id == 1:
            return "2024_05/tai-lieu-1.pdf"
        if row_id % 7 == 3:
            return f"2024_05/tai-lieu-{1 + row_id % NEWS_FILE_POOL}.pdf"
        return ""

    def news_detail(self, row_id: int) -> dict:
        html, _expected = self.news_body(row_id)
        return {
            "id": row_id,
            "titlesite": "",
            "description": "",
            "bodyhtml": html,
            "keywords": "",
            "sourcetext": "",
            "files": self.news_files(row_id),
            "imgposition": 1,
            "copyright": 0,
            "allowed_send": 1,
            "allowed_print": 1,
            "allowed_save": 1,
        }

    def news_tags(self, row_id: int, tags: list[tuple[int, str]]) -> list[dict]:
        rng = self.rng(row_id, "tags")
        chosen = rng.sample(tags, row_id % 4)
        return [{"id": row_id, "tid": tid, "keyword": title.lower()} for tid, title in chosen]

    # Laws --------------------------------------------------------------------------------------------------

    def laws_row(self, row_id: int) -> dict:
        rng = self.rng(row_id, "laws")
        cid = 1 + row_id % len(LAWS_CATS)
        title = f"{LAWS_CATS[cid - 1][1]} về việc {rng.choice(words.TOPICS).lower()} năm {2020 + row_id % 5}"
        if row_id == 1:
            title = "Quyết định số 1"
            cid = 1
        publtime = BASE_TIME + row_id * DAY // 4
        files = [f"van-ban-{1 + row_id % LAWS_FILE_POOL}.pdf"]
        if row_id % 5 == 0:
            files.append(f"van-ban-{1 + (row_id + 1) % LAWS_FILE_POOL}.pdf")
        if row_id % 40 == 7:
            files.append("da-xoa.pdf")
        return {
            "id": row_id,
            "replacement": "",
            "relatement": "",
            "title": title,
            "alias": f"{slugify_vi(title)[:200]}-{row_id}",
            "code": f"{row_id}/QĐ-UBND" if row_id % 30 else "",
            "cid": cid,
            "sid": 1 + row_id % len(LAWS_SUBJECTS),
            "eid": 1 + row_id % len(LAWS_EXAMINE) if row_id % 11 else 0,
            "sgid": 1 + row_id % len(words.SIGNERS),
            "note": "",
            "introtext": f"{title} của Ủy ban nhân dân huyện Mộc Châu",
            "bodytext": f"<p>Căn cứ Luật Tổ chức chính quyền địa phương;</p><p>{self.sentence(rng)}</p>",
            "keywords": "",
            "groups_view": "6",
            "groups_download": "6",
            "files": ",".join(files),
            "status": laws_status(row_id),
            "approval": 0,
            "addtime": publtime,
            "edittime": publtime,
            "publtime": publtime,
            # A draft put out for comment (module-laws 4.x): a draft for comment in the portal.
            "start_comm_time": publtime if has_comment_period(row_id) else None,
            "end_comm_time": publtime + 30 * DAY if has_comment_period(row_id) else None,
            "startvalid": publtime + DAY * (row_id % 10),
            "exptime": publtime + 400 * DAY if row_id % 6 == 0 else 0,
        }

    def page_row(self, row_id: int) -> dict:
        title, alias, status = STATIC_PAGES[row_id - 1]
        body = (
            f"<h2>{title}</h2><p>Huyện Mộc Châu nằm ở phía đông nam tỉnh Sơn La.</p>"
            f'<p><img src="/uploads/news/2024_05/anh-{row_id}.jpg" alt="{title}"></p>'
            '<p>Xem thêm <a href="/vi/news/chinh-tri/bai-viet-lien-quan-2.html">tin liên quan</a>.</p>'
        )
        return {
            "id": row_id,
            "title": title,
            "alias": alias,
            "image": "",
            "imagealt": "",
            "imageposition": 0,
            "description": f"<p>{title} của Ủy ban nhân dân huyện Mộc Châu.</p>",
            "bodytext": body,
            "keywords": "",
            "socialbutton": 1,
            "activecomm": "",
            "layout_func": "",
            "weight": row_id,
            "admin_id": 1,
            "add_time": BASE_TIME,
            "edit_time": BASE_TIME,
            "status": status,
            "hitstotal": 10 * row_id,
            "hot_post": 0,
        }

    def laws_areas(self, row_id: int) -> list[int]:
        return [1] if row_id % 2 else [1, 2]
