"""Page type rules: which page may live where, and that editors can create each type in the admin."""

import datetime

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import DirectiveIndexPage, DirectivePage, NewsIndexPage, NewsPage
from tests import factories


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        # The home page accepts the types that name it as their parent (each type declares where it lives).
        below_home = set(HomePage.creatable_subpage_models())
        assert {NewsIndexPage, DirectiveIndexPage} <= below_home
        assert not below_home & {HomePage, NewsPage, DirectivePage}
        assert all(HomePage in model.allowed_parent_page_models() for model in below_home)

    def test_news_lives_under_a_news_index_only(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, {})

    def test_directives_live_under_a_directive_index_only(self):
        self.assertAllowedParentPageTypes(DirectiveIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DirectiveIndexPage, {DirectivePage})
        self.assertAllowedParentPageTypes(DirectivePage, {DirectiveIndexPage})
        self.assertAllowedSubpageTypes(DirectivePage, {})

    def test_news_cannot_be_created_under_the_directive_index(self):
        self.assertCanNotCreateAt(DirectiveIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(NewsIndexPage, DirectivePage)


class AdminCreationTests(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.home = factories.home_page()

    def test_editor_can_create_a_news_article_with_a_body(self):
        index = factories.NewsIndexPageFactory(parent=self.home)
        self.assertCanCreate(
            index,
            NewsPage,
            nested_form_data(
                {
                    "title": "Hội nghị sơ kết",
                    "slug": "hoi-nghi-so-ket",
                    "date": "2024-07-01",
                    "category": "dan-chu-co-so",
                    "lead": "Tóm tắt",
                    "author": "Ban Tuyên giáo",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Kết quả", "level": "h2"}),
                            ("paragraph", rich_text("<p>Nội dung</p>")),
                            ("quote", {"text": "Trích dẫn", "attribution": ""}),
                        ]
                    ),
                }
            ),
        )

    def test_editor_can_create_a_directive_with_an_attachment(self):
        index = factories.DirectiveIndexPageFactory(parent=self.home)
        document = factories.DocumentFactory()
        self.assertCanCreate(
            index,
            DirectivePage,
            nested_form_data(
                {
                    "title": "Quyết định 1234",
                    "slug": "quyet-dinh-1234",
                    "number": "1234/QĐ-UBND",
                    "document_type": "quyet-dinh",
                    "issuing_agency": "UBND huyện Mộc Châu",
                    "sector": "hanh-chinh",
                    "signer_name": "Nguyễn Văn An",
                    "signer_position": "Chủ tịch",
                    "issue_date": "2024-01-15",
                    "effective_date": "2024-01-20",
                    "expiry_date": "",
                    "summary": "Trích yếu",
                    "attachments": inline_formset([{"document": document.pk, "title": ""}]),
                    "body": streamfield([]),
                }
            ),
        )
        directive = DirectivePage.objects.get(slug="quyet-dinh-1234")
        self.assertEqual(directive.attachments.get().document, document)
        self.assertEqual(directive.effective_date, datetime.date(2024, 1, 20))
