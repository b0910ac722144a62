"""Demo photo library of Mộc Châu district: two albums of drawn pictures (no photographs are shipped) and a video
album, Vietnamese and English.

The video album holds a 3-second WebM drawn for the demo (demo_media/doi-che.webm, 2 KB, VP8, made once with
``ffmpeg -f lavfi -i color=…`` since Python has no video encoder here) with WebVTT captions in both languages,
and one YouTube video: the site's first upload ("Me at the zoo", 2005), chosen because its address is public
and stable; the demo invents no address of somebody else's video."""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtailmedia import get_media_model

from cms.core.text import slugify_vi
from cms.demo.english import translate
from cms.demo.media import banner_image
from cms.gallery.models import AlbumPage, AlbumPhoto, AlbumVideo, GalleryIndexPage

INDEX = {
    "vi": {"title": "Thư viện ảnh", "slug": "thu-vien-anh", "intro": "Hình ảnh hoạt động và cảnh sắc Mộc Châu."},
    "en": {"title": "Photo library", "slug": "photo-library", "intro": "Pictures of Mộc Châu and of its events."},
}

# Each album: (vi, en) texts, its date, photos as ((caption vi, en), colours), video links as ((title vi, en), url).
ALBUMS = [
    {
        "title": ("Mùa hoa mận trên cao nguyên Mộc Châu", "Plum blossom season on the Mộc Châu plateau"),
        "slug": ("mua-hoa-man", "plum-blossom-season"),
        "description": (
            "Những đồi mận nở trắng ở các xã Nà Ka, Chiềng Sơn vào tháng Giêng.",
            "Hills of white plum blossom in Nà Ka and Chiềng Sơn communes in January.",
        ),
        "date": "2024-01-20",
        "photos": [
            (
                ("Đồi mận xã Chiềng Sơn lúc sáng sớm", "Plum hills of Chiềng Sơn at dawn"),
                ((196, 214, 236), (250, 250, 250)),
            ),
            (("Du khách chụp ảnh ở bản Nà Ka", "Visitors in Nà Ka village"), ((120, 170, 210), (235, 240, 230))),
            (
                ("Hoa mận bên đường quốc lộ 43", "Plum blossom along national road 43"),
                ((90, 140, 190), (245, 235, 240)),
            ),
        ],
        "videos": [],
    },
    {
        "title": ("Đồi chè trái tim", "The heart-shaped tea hill"),
        "slug": ("doi-che-trai-tim", "heart-shaped-tea-hill"),
        "description": (
            "Đồi chè hình trái tim ở thị trấn Nông trường Mộc Châu, điểm đến quen thuộc của du khách.",
            "The heart-shaped tea hill in Nông trường Mộc Châu town, a favourite of visitors.",
        ),
        "date": "2024-03-08",
        "photos": [
            (("Toàn cảnh đồi chè nhìn từ trên cao", "The tea hill seen from above"), ((40, 110, 70), (200, 230, 200))),
            (("Công nhân thu hái chè vụ xuân", "Workers picking the spring tea"), ((60, 130, 80), (230, 240, 210))),
        ],
        "videos": [],
    },
    {
        "title": ("Video: một buổi sáng trên đồi chè", "Video: a morning on the tea hill"),
        "slug": ("video-buoi-sang-doi-che", "video-morning-tea-hill"),
        "description": (
            "Đoạn phim ngắn về đồi chè Mộc Châu, có phụ đề; kèm một video nhúng từ YouTube.",
            "A short film of the Mộc Châu tea hill, with captions, and a video embedded from YouTube.",
        ),
        "date": "2024-03-15",
        "photos": [],
        "videos": [],
        "uploads": [
            {
                "title": ("Đồi chè Mộc Châu buổi sáng", "The Mộc Châu tea hill in the morning"),
                "file": "doi-che.webm",
                "captions": {"vi": "doi-che.vi.vtt", "en": "doi-che.en.vtt"},
                "poster": ((60, 110, 71), (143, 191, 106)),
                "size": (320, 180, 3.0),
            }
        ],
        "embeds": [
            (
                (
                    "Ví dụ video nhúng: video đầu tiên được đăng trên YouTube (năm 2005)",
                    "Embedded example: “Me at the zoo”, the first video on YouTube",
                ),
                "https://www.youtube.com/watch?v=jNQXAC9IVRw",
                ((90, 90, 110), (220, 220, 230)),
            )
        ],
    },
]
DEMO_MEDIA = Path(__file__).parent / "demo_media"


def _image(caption: str, colors, seed: int):
    Image = get_image_model()
    image = Image.objects.filter(title=caption).first()
    if image is None:
        name = f"{slugify_vi(caption)[:60]}.jpg"
        content = ImageFile(io.BytesIO(banner_image(colors, seed, size=(1200, 900))), name=name)
        image = Image.objects.create(title=caption, description=caption, file=content)
    return image


def _captions(name: str):
    Document = get_document_model()
    title = f"Phụ đề {name}"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(name, ContentFile((DEMO_MEDIA / name).read_bytes()), save=False)
        document.save()
    return document


def _video_file(title: str, name: str, size):
    Media = get_media_model()
    media = Media.objects.filter(title=title).first()
    if media is None:
        width, height, duration = size
        media = Media(title=title, type="video", width=width, height=height, duration=duration)
        media.file.save(name, ContentFile((DEMO_MEDIA / name).read_bytes()), save=False)
        media.save()
    return media


def _videos(item, number: int, locale) -> list:
    videos = [AlbumVideo(title=title[0], url=url, locale=locale) for title, url in item["videos"]]
    for order, upload in enumerate(item.get("uploads", [])):
        title = upload["title"][0]
        videos.append(
            AlbumVideo(
                title=title,
                media=_video_file(title, upload["file"], upload["size"]),
                captions=_captions(upload["captions"]["vi"]),
                poster=_image(f"Ảnh đại diện: {title}", upload["poster"], number * 10 + 5 + order),
                locale=locale,
            )
        )
    for order, (title, url, colors) in enumerate(item.get("embeds", [])):
        poster = _image(f"Ảnh đại diện: {title[0]}", colors, number * 10 + 8 + order)
        videos.append(AlbumVideo(title=title[0], url=url, poster=poster, locale=locale))
    return videos


def _english_captions(translated: AlbumPage, item) -> None:
    """The English version plays the English captions (a per-language choice: ``captions`` is overridable)."""
    changed = False
    for video in translated.videos.exclude(media=None):
        for upload in item.get("uploads", []):
            if video.media.title == upload["title"][0]:
                video.captions = _captions(upload["captions"]["en"])
                video.save(update_fields=["captions"])
                changed = True
    if changed:
        translated.save_revision().publish()


def load_gallery(loader, parent) -> GalleryIndexPage:
    """The photo library under ``parent`` (the home page), its albums and their English versions."""
    index = GalleryIndexPage.objects.child_of(parent).filter(slug=INDEX["vi"]["slug"]).first()
    if index is None:
        index = GalleryIndexPage(**INDEX["vi"], show_in_menus=True, locale=parent.locale)
        parent.add_child(instance=index)
        index.save_revision().publish()
        loader.log(f"{GalleryIndexPage._meta.verbose_name}: {index.title}")
    albums = []
    for number, item in enumerate(ALBUMS):
        album = AlbumPage.objects.child_of(index).filter(slug=item["slug"][0]).first()
        if album is None:
            album = AlbumPage(
                title=item["title"][0],
                slug=item["slug"][0],
                description=item["description"][0],
                date=item["date"],
                locale=index.locale,
            )
            album.photos = [
                AlbumPhoto(
                    image=_image(caption[0], colors, number * 10 + order), caption=caption[0], locale=index.locale
                )
                for order, (caption, colors) in enumerate(item["photos"])
            ]
            album.videos = _videos(item, number, index.locale)
            index.add_child(instance=album)
            album.save_revision().publish()
            loader.log(f"{AlbumPage._meta.verbose_name}: {album.title}")
        albums.append((album, item))

    english = Locale.objects.filter(language_code="en").first()
    if english is None or parent.get_translation_or_none(english) is None:
        return index
    translate(index, english, INDEX["en"])
    for album, item in albums:
        segments = {caption[0]: caption[1] for caption, _colors in item["photos"]}
        segments.update({title[0]: title[1] for title, _url in item["videos"]})
        segments.update({upload["title"][0]: upload["title"][1] for upload in item.get("uploads", [])})
        segments.update({title[0]: title[1] for title, _url, _colors in item.get("embeds", [])})
        texts = {
            "title": item["title"][1],
            "slug": item["slug"][1],
            "description": item["description"][1],
            "segments": segments,
        }
        translated, created = translate(album, english, texts)
        if created:
            _english_captions(translated, item)
            loader.log(f"English: {item['title'][1]}")
    return index
