"""The demo portal: what it builds, and that loading it twice changes nothing."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from home.models import BannerSlide
from news.models import DirectivePage, NewsPage

pytestmark = pytest.mark.django_db
SEED = "Mộc Châu sơ kết việc thực hiện dân chủ ở cơ sở 6 tháng đầu năm"


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "slides": BannerSlide.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_content_builds_the_portal(demo_content):
    seed = NewsPage.objects.live().get(title="Mộc Châu sơ kết việc thực hiện dân chủ ở cơ sở 6 tháng đầu năm")
    assert seed.date == datetime.date(2024, 7, 1)
    assert {block.block_type for block in seed.body} >= {"heading", "paragraph", "table", "quote", "page_link"}
    assert NewsPage.objects.live().count() >= 7
    directives = DirectivePage.objects.live()
    assert directives.count() >= 5
    assert all(d.attachments.exists() for d in directives)
    assert BannerSlide.objects.filter(live=True, locale__language_code="vi").count() == 3
    users = get_user_model().objects
    assert set(users.values_list("username", flat=True)) >= {"editor", "reviewer", "approver", "admin"}
    assert users.get(username="admin").is_superuser
    assert users.get(username="editor").groups.filter(name="Biên tập viên").exists()
    assert users.get(username="editor").check_password("demo-Pass-2024")


def test_demo_content_is_the_province_and_the_moc_chau_ward(demo_content, client):
    """The default site is the province's portal; the former district's content is on "Phường Mộc Châu"'s."""
    from cms.core.models import PortalSettings
    from cms.portals.models import Portal
    from cms.statistics.models import Statistic

    province = Site.objects.get(is_default_site=True)
    assert PortalSettings.for_site(province).portal_name == "Cổng thông tin điện tử tỉnh Sơn La"
    assert PortalSettings.for_site(province).organisation == "Ủy ban nhân dân tỉnh Sơn La"
    moc_chau = Portal.objects.select_related("site").get(name="Phường Mộc Châu")
    assert (moc_chau.site.hostname, moc_chau.site.port) == ("mocchau.localhost", 80)
    seed = NewsPage.objects.get(title=SEED, locale__language_code="vi")
    assert seed.get_site() == moc_chau.site and seed.share_with_province
    assert seed.get_url() == "http://mocchau.localhost/vi/tin-tuc/" + seed.slug + "/"
    assert set(BannerSlide.objects.values_list("site", flat=True)) == {moc_chau.site.pk}
    assert Statistic.objects.filter(site=moc_chau.site).count() == 5  # the seed article's figures
    assert set(Statistic.objects.filter(site=province).values_list("label", flat=True)) == {
        "Đơn vị hành chính cấp xã",
        "Hồ sơ thủ tục hành chính cấp xã nộp trực tuyến",
    }
    assert Statistic.objects.count() == 5 + 2
    users = get_user_model().objects
    leader = users.get(username="lanhdao.mocchau")
    assert leader.groups.filter(name="Lãnh đạo phê duyệt – Phường Mộc Châu").exists()
    assert leader.check_password("demo-Pass-2024")

    home = client.get("/vi/").content.decode()
    assert "Cổng thông tin điện tử tỉnh Sơn La" in home and "Ủy ban nhân dân tỉnh Sơn La" in home
    assert "Tin từ các xã, phường" in home and SEED in home  # shared upward by the ward
    assert "Sơn La vận hành chính quyền địa phương hai cấp từ ngày 1/7/2025" in home
    ward = client.get("/vi/", HTTP_HOST="mocchau.localhost").content.decode()
    assert "Cổng thông tin điện tử Phường Mộc Châu" in ward and "Tiểu khu 4, phường Mộc Châu" in ward
    assert SEED in ward and "Cao nguyên Mộc Châu mùa hoa mận" in ward  # its news and its banner
    assert "Sơn La vận hành chính quyền" not in ward
    # The API listing on each host is that portal's, its count too (remembered per portal, not per query only).
    listing = "/api/v2/pages/?type=news.NewsPage&limit=2"
    for host, expected in (("localhost", 3), ("mocchau.localhost", 7), ("localhost", 3)):
        meta = client.get(listing, HTTP_HOST=host).json()["meta"]
        assert meta["total_count"] == expected, host
    path = f"/vi/tin-tuc/{seed.slug}/"
    assert client.get(path, HTTP_HOST="mocchau.localhost").status_code == 200
    assert client.get(path).status_code == 404  # not on the province's host


def test_loading_demo_content_twice_changes_nothing(demo_content):
    before = counts()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert counts() == before
    assert "nothing changed" in out.getvalue()


def test_demo_content_prints_a_generated_password_when_none_is_given(db):
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    line = next(line for line in out.getvalue().splitlines() if line.strip().startswith("editor /"))
    password = line.split("/", 1)[1].strip()
    assert len(password) >= 12
    assert get_user_model().objects.get(username="editor").check_password(password)


def test_the_wards_organisation_procedures_schedule_and_media_are_a_wards(demo_content, client):
    """Phường Mộc Châu after the 1 July 2025 reform: its People's Committee, leaders and address, in both languages;
    its images and documents in its own collection, which its editors choose from."""
    from wagtail.permissions import policy_registry
    from wagtailmedia import get_media_model

    from cms.portals.models import Portal
    from cms.procedures.models import ProcedurePage

    def main(path):
        response = client.get(path, HTTP_HOST="mocchau.localhost")
        assert response.status_code == 200, path
        html = response.content.decode()
        return html[html.index("<main") : html.index("</main>")]

    pages = ["/vi/co-cau-to-chuc/", "/vi/co-cau-to-chuc/lanh-dao-ubnd-phuong/", "/vi/thu-tuc-hanh-chinh/"]
    pages += ["/vi/co-cau-to-chuc/van-phong-hdnd-ubnd/", "/vi/lich-cong-tac/"]
    for path in pages:
        text = main(path)
        assert "huyện" not in text.lower() and "phường" in text, path
    leadership = main("/vi/co-cau-to-chuc/lanh-dao-ubnd-phuong/")
    assert "Chủ tịch UBND phường" in leadership and "Tiểu khu 4, phường Mộc Châu, tỉnh Sơn La" in leadership
    for procedure in ProcedurePage.objects.filter(code__in=["2.000720", "1.001766"]):
        text = main(procedure.get_url_parts()[2])
        assert "huyện" not in text and "phường Mộc Châu" in text, procedure.code
    for path in ("/en/organisation/", "/en/organisation/leadership/", "/en/work-schedule/"):
        text = main(path)
        assert "district" not in text.lower() and "Ward" in text, path

    ward = Portal.objects.get(name="Phường Mộc Châu").collection
    for model in (get_image_model(), get_document_model(), get_media_model()):
        assert model.objects.filter(collection=ward).exists(), model
    # Every image and video is the ward's (the province's demo has none); the province's directive documents stay in
    # the root collection, the province's.
    assert not get_image_model().objects.exclude(collection=ward).exists()
    assert not get_media_model().objects.exclude(collection=ward).exists()
    province_documents = DirectivePage.objects.filter(
        path__startswith=Site.objects.get(is_default_site=True).root_page.path[:8]
    ).values("attachments__document")
    assert not get_document_model().objects.exclude(collection=ward).exclude(pk__in=province_documents).exists()
    editor = get_user_model().objects.get(username="bientap.mocchau")
    for model in (get_image_model(), get_document_model()):
        chosen = policy_registry.get_by_type(model).instances_user_has_any_permission_for(editor, ["choose"])
        assert set(chosen) == set(model.objects.filter(collection=ward)), model
