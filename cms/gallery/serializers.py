"""How an album's photos and videos leave the API (plain DRF, no API package import)."""

from rest_framework.fields import Field

from cms.core.public_urls import absolute
from cms.core.representations import image_representation

PHOTO_SCHEMA = {
    "type": "object",
    "properties": {
        "caption": {"type": "string"},
        "image": {"$ref": "#/components/schemas/Image"},
    },
    "required": ["caption", "image"],
}
IMAGE_OR_NULL = {"oneOf": [{"$ref": "#/components/schemas/Image"}, {"type": "null"}]}
VIDEO_FILE_SCHEMA = {
    "type": "object",
    "description": "The uploaded video file, played in a <video> element.",
    "properties": {
        "url": {"type": "string", "format": "uri"},
        "mime_type": {"type": "string", "enum": ["video/mp4", "video/webm"]},
        "width": {"type": ["integer", "null"]},
        "height": {"type": ["integer", "null"]},
        "duration": {"type": ["number", "null"], "description": "Seconds, when the editor gave it."},
        "captions": {
            "oneOf": [
                {
                    "type": "object",
                    "description": "WebVTT captions for <track kind=captions>.",
                    "properties": {
                        "url": {"type": "string", "format": "uri"},
                        "language": {"type": "string", "description": "The page's language code (srclang)."},
                    },
                    "required": ["url", "language"],
                },
                {"type": "null"},
            ]
        },
    },
    "required": ["url", "mime_type", "width", "height", "duration", "captions"],
}
EMBED_SCHEMA = {
    "type": "object",
    "description": "A video on YouTube or Vimeo. Load player_url (no cookies before play) only after the user asks.",
    "properties": {
        "provider": {"type": "string", "enum": ["YouTube", "Vimeo"]},
        "video_id": {"type": "string"},
        "player_url": {"type": "string", "format": "uri"},
    },
    "required": ["provider", "video_id", "player_url"],
}
VIDEO_SCHEMA = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "kind": {
            "type": "string",
            "enum": ["file", "embed", "link"],
            "description": "file: uploaded to the portal; embed: YouTube/Vimeo; link: any other address.",
        },
        "url": {"type": "string", "format": "uri", "description": "Where to watch it: the file or the video's page."},
        "poster": IMAGE_OR_NULL,
        "file": {"oneOf": [VIDEO_FILE_SCHEMA, {"type": "null"}]},
        "embed": {"oneOf": [EMBED_SCHEMA, {"type": "null"}]},
    },
    "required": ["title", "kind", "url", "poster", "file", "embed"],
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


def video_representation(video, language: str) -> dict:
    poster = video.public_poster
    item = {
        "title": video.title,
        "kind": "link",
        "url": video.url,
        "poster": image_representation(poster, alt=video.title) if poster else None,
        "file": None,
        "embed": None,
    }
    if video.media_id:
        captions = video.public_captions
        item["kind"] = "file"
        item["url"] = absolute(video.media.url)
        item["file"] = {
            "url": item["url"],
            "mime_type": video.source_type,
            "width": video.media.width,
            "height": video.media.height,
            "duration": video.media.duration,
            "captions": {"url": absolute(captions.url), "language": language} if captions else None,
        }
    elif embed := video.embed:
        item["kind"] = "embed"
        item["url"] = embed.watch_url
        item["embed"] = {"provider": embed.provider, "video_id": embed.video_id, "player_url": embed.player_url}
    return item


class VideoListField(Field):
    """The album's videos the public may see (an upload from a restricted collection is left out)."""

    openapi_schema = {"type": "array", "items": VIDEO_SCHEMA}

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        language = page.locale.language_code
        return [video_representation(video, language) for video in page.public_videos()]
