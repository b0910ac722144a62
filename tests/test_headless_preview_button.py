"""The page editor's "Xem trước trên trang ngoài" button: a one-time ticket for the revision shown, handed to
the front end's preview route, which exchanges it through the API like any headless preview."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

FRONT_END = "https://frontend.example.vn/api/preview?secret=route"


@pytest.fixture
def draft(news_index):
    page = factories.NewsPageFactory(parent=news_index, title="Bản đã đăng")
    page.save_revision().publish()
    page.title = "Bản nháp mới"
    page.save_revision()
    return page


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("bien-tap", "e@example.vn", "pw-Strong-123")


def test_button_opens_the_front_end_with_a_ticket_for_the_latest_revision(client, draft, editor, settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]), HTTP_ACCEPT_LANGUAGE="vi")
    button_url = reverse("headless_preview", args=[draft.pk])
    assert "Xem trước trên trang ngoài" in edit.content.decode() and button_url in edit.content.decode()

    response = client.get(button_url)
    assert response.status_code == 302 and "no-store" in response["Cache-Control"]
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == "https://frontend.example.vn/api/preview"
    query = {name: values[0] for name, values in parse_qs(target.query).items()}
    assert query["secret"] == "route"  # the front end's own parameters are kept
    assert (query["page"], query["revision"]) == (str(draft.pk), str(draft.latest_revision.pk))
    assert (query["locale"], query["type"]) == ("vi", "news.NewsPage")
    client.logout()

    # The front end, server side: ticket -> header token -> the draft.
    exchanged = client.post("/api/v2/preview/exchange/", HTTP_X_PREVIEW_TOKEN=query["ticket"])
    assert exchanged.status_code == 200
    preview = client.get(f"/api/v2/preview/{draft.pk}/", HTTP_X_PREVIEW_TOKEN=exchanged.json()["token"])
    assert preview.status_code == 200 and preview.json()["title"] == "Bản nháp mới"
    assert client.post("/api/v2/preview/exchange/", HTTP_X_PREVIEW_TOKEN=query["ticket"]).status_code == 403


def test_an_older_revision_can_be_previewed_but_not_another_pages(client, draft, editor, news_index, settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    client.force_login(editor)
    first = draft.revisions.order_by("pk").first()
    response = client.get(reverse("headless_preview", args=[draft.pk]), {"revision": first.pk})
    assert parse_qs(urlsplit(response["Location"]).query)["revision"] == [str(first.pk)]
    other = factories.NewsPageFactory(parent=news_index)
    other.save_revision()
    url = reverse("headless_preview", args=[draft.pk])
    # (A 404 without a language prefix is first redirected to the /vi/ URL by Django's LocaleMiddleware.)
    assert client.get(url, {"revision": other.latest_revision.pk}, follow=True).status_code == 404
    assert client.get(url, {"revision": "abc"}, follow=True).status_code == 404


def test_per_site_front_end(client, draft, editor, settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    settings.HEADLESS_PREVIEW_SITE_URLS = {draft.get_site().hostname: "https://astro.example.vn/preview"}
    client.force_login(editor)
    response = client.get(reverse("headless_preview", args=[draft.pk]))
    assert response["Location"].startswith("https://astro.example.vn/preview?ticket=")


def test_no_button_without_a_front_end_or_permission(client, draft, editor, django_user_model, settings):
    settings.HEADLESS_PREVIEW_URL = None
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]), HTTP_ACCEPT_LANGUAGE="vi")
    assert "Xem trước trên trang ngoài" not in edit.content.decode()
    assert client.get(reverse("headless_preview", args=[draft.pk]), follow=True).status_code == 404

    settings.HEADLESS_PREVIEW_URL = FRONT_END
    stranger = django_user_model.objects.create_user("khach", "k@example.vn", "pw-Strong-123")
    stranger.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(stranger)
    assert client.get(reverse("headless_preview", args=[draft.pk])).status_code in (302, 403)
