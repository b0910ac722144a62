"""Demo photo library of Mộc Châu district: two albums of drawn pictures (no photographs are shipped), Vietnamese and
English. No video link: the demo invents no address of somebody else's video (tests cover video links)."""

import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Locale

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
]


def _image(caption: str, colors, seed: int):
    Image = get_image_model()
    image = Image.objects.filter(title=caption).first()
    if image is None:
        name = f"{slugify_vi(caption)[:60]}.jpg"
        content = ImageFile(io.BytesIO(banner_image(colors, seed, size=(1200, 900))), name=name)
        image = Image.objects.create(title=caption, description=caption, file=content)
    return image


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
            album.videos = [AlbumVideo(title=title[0], url=url, locale=index.locale) for title, url in item["videos"]]
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
        texts = {
            "title": item["title"][1],
            "slug": item["slug"][1],
            "description": item["description"][1],
            "segments": segments,
        }
        _translated, created = translate(album, english, texts)
        if created:
            loader.log(f"English: {item['title'][1]}")
    return index
