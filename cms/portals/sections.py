"""The standard sections every new portal gets under its home page, in order.

The news and the directive register, then what Decree 42/2022/NĐ-CP asks every state portal to publish
(organisation, procedures, disclosures, work schedule, drafts for comment, questions and answers, links to
other agencies) and the photo library: a new commune's portal is complete, with empty sections its editors
fill. A section type added later is one more line here; a model that is not installed is skipped.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    model: str  # "app_label.ModelName", a subclass of cms.core.pages.IndexPage
    title: str
    slug: str
    intro: str
    # English texts: the section's translation is made through wagtail-localize from these.
    title_en: str
    slug_en: str
    intro_en: str


CORE_SECTIONS = (
    Section(
        "news.NewsIndexPage",
        "Tin tức - Sự kiện",
        "tin-tuc",
        "Tin hoạt động của {name}.",
        "News and events",
        "news",
        "News of {name_en}.",
    ),
    Section(
        "news.DirectiveIndexPage",
        "Chỉ đạo điều hành",
        "chi-dao-dieu-hanh",
        "Văn bản chỉ đạo, điều hành của {name}.",
        "Directives and administration",
        "directives",
        "Directives and administrative documents of {name_en}.",
    ),
)

DECREE_42_SECTIONS = (
    Section(
        "organisation.OrganisationPage",
        "Cơ cấu tổ chức",
        "co-cau-to-chuc",
        "Lãnh đạo, cơ quan chuyên môn và đơn vị trực thuộc của {name}.",
        "Organisation",
        "organisation",
        "Leaders, departments and units of {name_en}.",
    ),
    Section(
        "procedures.ProcedureIndexPage",
        "Thủ tục hành chính",
        "thu-tuc-hanh-chinh",
        "Thủ tục hành chính thuộc thẩm quyền giải quyết của {name}.",
        "Administrative procedures",
        "administrative-procedures",
        "Administrative procedures handled by {name_en}.",
    ),
    Section(
        "disclosures.DisclosureIndexPage",
        "Công khai thông tin",
        "cong-khai",
        "Công khai ngân sách, đầu tư công, đấu thầu, quy hoạch và kế hoạch của {name}.",
        "Public disclosures",
        "disclosures",
        "Budget, public investment, procurement, planning and plans of {name_en}.",
    ),
    Section(
        "schedule.ScheduleIndexPage",
        "Lịch công tác",
        "lich-cong-tac",
        "Lịch công tác tuần của lãnh đạo {name}.",
        "Work schedule",
        "work-schedule",
        "Weekly work schedule of the leaders of {name_en}.",
    ),
    Section(
        "participation.DraftIndexPage",
        "Lấy ý kiến dự thảo",
        "lay-y-kien-du-thao",
        "Dự thảo văn bản của {name} lấy ý kiến người dân, doanh nghiệp.",
        "Drafts for comment",
        "drafts-for-comment",
        "Draft documents of {name_en} open for public comment.",
    ),
    Section(
        "participation.QuestionIndexPage",
        "Hỏi đáp",
        "hoi-dap",
        "Người dân, doanh nghiệp gửi câu hỏi, phản ánh, kiến nghị; {name} trả lời công khai.",
        "Questions and answers",
        "questions",
        "Citizens and businesses send questions, reports and petitions; {name_en} answers in public.",
    ),
    Section(
        "weblinks.WebLinkPage",
        "Liên kết website",
        "lien-ket-website",
        "Cổng thông tin điện tử của các cơ quan nhà nước ở trung ương và địa phương.",
        "Web links",
        "web-links",
        "Portals of state agencies, central and local.",
    ),
    Section(
        "gallery.GalleryIndexPage",
        "Thư viện ảnh",
        "thu-vien-anh",
        "Hình ảnh hoạt động của {name}.",
        "Photo library",
        "photo-library",
        "Pictures of {name_en} and of its events.",
    ),
)

SECTIONS = (*CORE_SECTIONS, *DECREE_42_SECTIONS)
