"""Photo and video albums (thư viện ảnh): lazily loaded thumbnails linking to large pictures, captions, video links;
photos from restricted collections and unpublished albums never shown."""

import datetime

import pytest
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.test.utils import WagtailPageTestCase

from cms.gallery.models import AlbumPage, AlbumPhoto, AlbumVideo, GalleryIndexPage
from home.models import HomePage
from tests import factories
from tests.test_api_openapi import conforms

pytestmark = pytest.mark.django_db


def album(index, title, photos=3, publish=True, date=datetime.date(2024, 3, 8), images=None, videos=()):
    page = AlbumPage(
        title=title, slug=f"album-{AlbumPage.objects.count()}", date=date, description=f"Mô tả {title}", live=publish
    )
    images = images or [factories.ImageFactory() for _ in range(photos)]
    page.photos = [
        AlbumPhoto(image=image, caption=f"Chú thích {title} {n}", locale=index.locale, sort_order=n)
        for n, image in enumerate(images)
    ]
    page.videos = [AlbumVideo(title=name, url=url, locale=index.locale) for name, url in videos]
    return factories.add_page(index, page, publish)


@pytest.fixture
def gallery(home):
    index = factories.add_page(home, GalleryIndexPage(title="Thư viện ảnh", slug="thu-vien-anh"))
    album(index, "Mùa hoa mận", date=datetime.date(2024, 1, 20))
    album(index, "Đồi chè", photos=2, videos=[("Phóng sự mùa chè", "https://video.example.vn/che")])
    return index


def test_library_lists_albums_newest_first_with_a_lazy_cover(client, gallery):
    html = client.get("/vi/thu-vien-anh/").content.decode()
    assert html.index("Đồi chè") < html.index("Mùa hoa mận")
    assert html.count('class="album-card__image"') == 2 and 'loading="lazy"' in html
    assert "3 ảnh" in html and "2 ảnh" in html


def test_album_is_a_gallery_that_works_without_script(client, gallery):
    page = AlbumPage.objects.get(title="Mùa hoa mận")
    html = client.get(page.url).content.decode()
    assert html.count('<figure class="gallery__item">') == 3
    assert html.count('loading="lazy"') >= 3
    # Each thumbnail is a link to a large rendition of the picture, not to a script.
    links = [chunk.split('"')[0] for chunk in html.split('class="gallery__link" href="')[1:]]
    assert len(links) == 3 and all(link.startswith("/media/images/") and ".max-1600x1600" in link for link in links)
    assert "<figcaption>Chú thích Mùa hoa mận 0</figcaption>" in html
    assert 'alt=""' not in html.split('class="gallery"')[1].split("</ul>")[0]  # every photo has a text alternative


def test_video_links_open_safely(client, gallery):
    html = client.get(AlbumPage.objects.get(title="Đồi chè").url).content.decode()
    assert '<a href="https://video.example.vn/che" target="_blank" rel="noopener noreferrer">' in html
    assert "<iframe" not in html


def test_restricted_photos_and_draft_albums_are_not_shown(client, gallery):
    private = Collection.get_first_root_node().add_child(name="Ảnh nội bộ")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    hidden_image = factories.ImageFactory(collection=private)
    mixed = album(gallery, "Album có ảnh nội bộ", images=[hidden_image, factories.ImageFactory()])
    draft = album(gallery, "Album chưa duyệt", publish=False)
    html = client.get(mixed.url).content.decode()
    assert html.count('<figure class="gallery__item">') == 1 and hidden_image.file.name.split("/")[-1][:10] not in html
    detail = client.get(f"/api/v2/pages/{mixed.pk}/").json()
    assert [photo["image"]["id"] for photo in detail["photos"]] != [hidden_image.pk] and len(detail["photos"]) == 1
    assert "Album chưa duyệt" not in client.get("/vi/thu-vien-anh/").content.decode()
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_api_types_photos_and_videos(client, gallery):
    document = client.get("/api/v2/schema/").json()
    page = AlbumPage.objects.get(title="Đồi chè")
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["photos"][0]["caption"] == "Chú thích Đồi chè 0"
    assert detail["photos"][0]["image"]["renditions"]
    assert detail["videos"] == [{"title": "Phóng sự mùa chè", "url": "https://video.example.vn/che"}]
    conforms(document, "gallery_AlbumPage", detail)


def test_citizen_finds_an_album_by_a_caption(client, gallery):
    body = client.get("/api/v2/search/", {"q": "chu thich doi che"}).json()
    assert "Đồi chè" in [item["title"] for item in body["items"]]


def test_album_and_library_stay_within_their_query_budget(client, gallery, django_assert_max_num_queries):
    big = album(gallery, "Album lớn", photos=12)
    for _ in range(10):
        album(gallery, "Album thêm", photos=1)
    for url in (big.url, "/vi/thu-vien-anh/"):
        client.get(url)
        with django_assert_max_num_queries(30):
            assert client.get(url).status_code == 200


class GalleryRulesTests(WagtailPageTestCase):
    def test_albums_live_in_the_library(self):
        self.assertAllowedParentPageTypes(AlbumPage, {GalleryIndexPage})
        self.assertCanCreateAt(HomePage, GalleryIndexPage)
        self.assertCanNotCreateAt(Page, GalleryIndexPage)
