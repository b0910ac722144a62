"""How an album's photos and video links leave the API (plain DRF, no API package import)."""

from rest_framework.fields import Field

from cms.core.representations import image_representation

PHOTO_SCHEMA = {
    "type": "object",
    "properties": {
        "caption": {"type": "string"},
        "image": {"$ref": "#/components/schemas/Image"},
    },
    "required": ["caption", "image"],
}
VIDEO_SCHEMA = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
    "required": ["title", "url"],
}


class PhotoListField(Field):
    """The album's photos the public may see, in the editors' order, each with its renditions."""

    openapi_schema = {"type": "array", "items": PHOTO_SCHEMA}

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        photos = []
        for photo in page.public_photos():
            image = image_representation(photo.image, alt=photo.alt_text)
            if image is not None:
                photos.append({"caption": photo.caption, "image": image})
        return photos


class VideoListField(Field):
    """The album's video links."""

    openapi_schema = {"type": "array", "items": VIDEO_SCHEMA}

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [{"title": video.title, "url": video.url} for video in page.videos.all()]
