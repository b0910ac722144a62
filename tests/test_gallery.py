"""Photo and video albums (thư viện ảnh): lazily loaded thumbnails linking to large pictures, captions, videos
uploaded (native player, captions) or on YouTube/Vimeo (nothing loaded from them before a click); photos and videos
from restricted collections and unpublished albums never shown; uploads checked."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtailmedia import get_media_model
from wagtailmedia.forms import get_media_form

from cms.core.embedded_video import embedded_video
from cms.gallery.models import AlbumPage, AlbumPhoto, AlbumVideo, GalleryIndexPage
from home.models import HomePage
from tests import factories
from tests.demo_hosts import get_page
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
def library(home):
    """The photo library without albums (the video tests add their own)."""
    return factories.add_page(home, GalleryIndexPage(title="Thư viện ảnh", slug="thu-vien-anh"))


@pytest.fixture
def gallery(library):
    index = library
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
    assert detail["videos"] == [
        {
            "title": "Phóng sự mùa chè",
            "kind": "link",
            "url": "https://video.example.vn/che",
            "poster": None,
            "file": None,
            "embed": None,
        }
    ]
    conforms(document, "gallery_AlbumPage", detail)


def test_citizen_finds_an_album_by_a_caption(client, gallery):
    body = client.get("/api/v2/search/", {"q": "chu thich doi che"}).json()
    assert "Đồi chè" in [item["title"] for item in body["items"]]


def test_album_and_library_stay_within_their_query_budget(client, gallery, django_assert_max_num_queries):
    big = album(gallery, "Album lớn", photos=12)
    for _ in range(10):
        album(gallery, "Album thêm", photos=1, videos=[("Clip", "https://youtu.be/jNQXAC9IVRw")])
    uploads = [
        {"title": f"Phim {n}", "media": video_file(), "captions": captions_file(), "poster": factories.ImageFactory()}
        for n in range(3)
    ]
    videos = video_album(gallery, uploads)
    for url in (big.url, videos.url, "/vi/thu-vien-anh/"):
        client.get(url)
        with django_assert_max_num_queries(30):
            assert client.get(url).status_code == 200


DEMO_MEDIA = Path(__file__).parent.parent / "cms" / "gallery" / "demo_media"
WEBM = (DEMO_MEDIA / "doi-che.webm").read_bytes()
VTT = (DEMO_MEDIA / "doi-che.vi.vtt").read_bytes()


def video_file(title="Phim đồi chè", collection=None):
    media = get_media_model()(title=title, type="video", width=320, height=180, duration=3)
    if collection is not None:
        media.collection = collection
    media.file.save("doi-che.webm", ContentFile(WEBM), save=False)
    media.save()
    return media


def captions_file(text=VTT, name="phu-de.vtt", collection=None):
    extra = {"collection": collection} if collection else {}
    return factories.DocumentFactory(file=ContentFile(text, name=name), **extra)


def restricted_collection(name):
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


def video_album(index, videos, title="Album video"):
    page = AlbumPage(title=title, slug=f"video-{AlbumPage.objects.count()}", date=datetime.date(2024, 3, 9))
    page.videos = [AlbumVideo(locale=index.locale, **video) for video in videos]
    return factories.add_page(index, page)


def test_uploaded_video_plays_in_a_native_player_with_captions(client, library):
    media, captions, poster = video_file(), captions_file(), factories.ImageFactory()
    page = video_album(library, [{"title": "Phim đồi chè", "media": media, "captions": captions, "poster": poster}])
    html = client.get(page.url).content.decode()
    assert '<video controls preload="metadata" playsinline poster="/media/images/' in html
    assert f'<source src="{media.url}" type="video/webm">' in html
    assert f'<track kind="captions" src="{captions.url}" srclang="vi" label="Tiếng Việt" default>' in html
    assert "1 video" in client.get("/vi/thu-vien-anh/").content.decode()  # the card counts it, poster as cover
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    (video,) = detail["videos"]
    assert video["kind"] == "file" and video["file"]["mime_type"] == "video/webm"
    assert video["file"]["captions"]["url"].endswith(captions.url) and video["file"]["captions"]["language"] == "vi"
    assert video["url"].endswith(media.url) and video["poster"]["renditions"]
    conforms(client.get("/api/v2/schema/").json(), "gallery_AlbumPage", detail)
    # A search finds the album by its video's title.
    body = client.get("/api/v2/search/", {"q": "phim doi che"}).json()
    assert "Album video" in [item["title"] for item in body["items"]]


def test_youtube_video_loads_nothing_from_youtube_before_a_click(client, library):
    page = video_album(library, [{"title": "Clip", "url": "https://youtu.be/jNQXAC9IVRw?t=3"}])
    html = client.get(page.url).content.decode()
    assert "<iframe" not in html and '<script src="https' not in html and 'src="https' not in html
    assert '<a class="video-embed__link" href="https://www.youtube.com/watch?v=jNQXAC9IVRw"' in html
    assert "Xem video trên YouTube" in html
    assert 'data-player="https://www.youtube-nocookie.com/embed/jNQXAC9IVRw?autoplay=1&amp;rel=0"' in html
    (video,) = client.get(f"/api/v2/pages/{page.pk}/").json()["videos"]
    assert video["kind"] == "embed" and video["embed"]["provider"] == "YouTube"
    assert video["embed"]["player_url"].startswith("https://www.youtube-nocookie.com/embed/jNQXAC9IVRw")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=jNQXAC9IVRw&list=x", ("YouTube", "jNQXAC9IVRw")),
        ("https://m.youtube.com/shorts/jNQXAC9IVRw", ("YouTube", "jNQXAC9IVRw")),
        ("https://vimeo.com/76979871", ("Vimeo", "76979871")),
        ("https://www.youtube.com/playlist?list=PL123", None),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("https://video.example.vn/che", None),
        ("javascript:alert(1)", None),
    ],
)
def test_which_addresses_are_youtube_or_vimeo_videos(url, expected):
    video = embedded_video(url)
    assert (video and (video.provider, video.video_id)) == expected


def test_restricted_video_files_and_captions_never_leave(client, library):
    private = restricted_collection("Video nội bộ")
    hidden = video_file("Phim nội bộ", collection=private)
    shown = video_file("Phim công khai")
    page = video_album(
        library,
        [
            {"title": "Nội bộ", "media": hidden},
            {"title": "Công khai", "media": shown, "captions": captions_file(collection=private)},
        ],
    )
    html = client.get(page.url).content.decode()
    assert hidden.file.name not in html and "Nội bộ" not in html and shown.url in html and "<track" not in html
    videos = client.get(f"/api/v2/pages/{page.pk}/").json()["videos"]
    assert [video["title"] for video in videos] == ["Công khai"] and videos[0]["file"]["captions"] is None


def test_a_video_is_either_an_upload_or_an_address_and_captions_are_webvtt(library):
    page = video_album(library, [{"title": "Clip", "url": "https://youtu.be/jNQXAC9IVRw"}])
    media = video_file()
    cases = [
        ({}, "__all__"),
        ({"media": media, "url": "https://youtu.be/jNQXAC9IVRw"}, "__all__"),
        ({"url": "https://youtu.be/jNQXAC9IVRw", "captions": captions_file()}, "captions"),
        ({"media": media, "captions": captions_file(b"<html>", name="x.vtt")}, "captions"),
        ({"media": media, "captions": captions_file(name="x.txt")}, "captions"),
    ]
    for fields, where in cases:
        with pytest.raises(ValidationError) as refused:
            AlbumVideo(page=page, title="V", locale=page.locale, **fields).full_clean()
        assert where in refused.value.message_dict
    AlbumVideo(page=page, title="V", locale=page.locale, media=media, captions=captions_file()).full_clean()


def upload_form(name, content, media_type="video"):
    form_class = get_media_form(get_media_model())
    instance = get_media_model()(type=media_type)
    data = {"title": "Phim", "collection": Collection.get_first_root_node().pk}
    return form_class(data, {"file": SimpleUploadedFile(name, content)}, instance=instance)


@pytest.mark.parametrize(
    ("name", "content", "media_type", "error"),
    [
        ("phim.mp4", b"%PDF-1.7 not a video" * 10, "video", "Nội dung tệp không phải video MP4"),
        ("phim.mov", WEBM, "video", "Chỉ nhận video MP4 hoặc WebM"),
        ("phim.webm", WEBM, "audio", "Cổng chỉ nhận tệp video"),
        ("phim.webm", WEBM, "video", None),
    ],
)
def test_video_uploads_are_checked_by_name_content_and_kind(db, name, content, media_type, error):
    form = upload_form(name, content, media_type)
    assert form.is_valid() is (error is None)
    if error:
        assert error in str(form.errors)


@override_settings(PORTAL_VIDEO_MAX_UPLOAD_SIZE=1024)
def test_a_too_large_video_is_a_form_error_in_the_admin(admin_client):
    data = {"title": "Phim", "collection": Collection.get_first_root_node().pk}
    response = admin_client.post("/admin/media/video/add/", {**data, "file": SimpleUploadedFile("a.webm", WEBM)})
    assert response.status_code == 200 and "Tệp video quá lớn" in response.content.decode()
    assert not get_media_model().objects.exists()


def test_editors_choose_the_video_file_with_the_media_chooser(admin_client, library):
    page = video_album(library, [{"title": "Phim", "media": video_file()}])
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "/admin/media/chooser/" in html and "Phim đồi chè" in html


def test_demo_video_album_has_an_upload_with_captions_and_an_embed(client, demo_content):
    album = AlbumPage.objects.get(slug="video-buoi-sang-doi-che")
    html = get_page(client, album).content.decode()  # on the Mộc Châu portal (tests/demo_hosts.py)
    assert "<video controls" in html and '<track kind="captions"' in html and 'srclang="vi"' in html
    assert "Xem video trên YouTube" in html and "<iframe" not in html
    english = album.get_translation(Locale.objects.get(language_code="en"))
    html = get_page(client, english).content.decode()
    assert 'srclang="en" label="English"' in html
    upload = english.videos.exclude(media=None).get()
    assert upload.title == "The Mộc Châu tea hill in the morning" and upload.captions.title.endswith(".en.vtt")


class GalleryRulesTests(WagtailPageTestCase):
    def test_albums_live_in_the_library(self):
        self.assertAllowedParentPageTypes(AlbumPage, {GalleryIndexPage})
        self.assertCanCreateAt(HomePage, GalleryIndexPage)
        self.assertCanNotCreateAt(Page, GalleryIndexPage)


def test_an_article_body_video_loads_no_third_party_frame_or_script_until_the_click(client, news_index):
    """The body's embed block as the album's videos: a poster box and a link; other addresses stay links."""
    article = factories.NewsPageFactory(
        parent=news_index,
        body=[
            ("embed", "https://www.youtube.com/watch?v=jNQXAC9IVRw"),
            ("embed", "https://example.org/video/1"),
        ],
    )
    html = client.get(article.url).content.decode()
    assert "<iframe" not in html and '<script src="https' not in html and 'src="https' not in html
    assert 'data-player="https://www.youtube-nocookie.com/embed/jNQXAC9IVRw?autoplay=1&amp;rel=0"' in html
    assert "Xem video trên YouTube" in html and "video-embed.js" in html
    assert '<a href="https://example.org/video/1">' in html
