"""Videos published on YouTube or Vimeo, shown without their player until the citizen asks for it.

Which addresses are YouTube's or Vimeo's is what Wagtail's embeds know (``wagtail.embeds.oembed_providers``); the
video's id is read from the address here, without asking the provider (no network at save or render time). The
page shows a poster and a plain link to the video on its site; a click may swap in the privacy-enhanced player
(youtube-nocookie.com, Vimeo with ``dnt=1``), the only frames the CSP allows (EMBED_FRAME_SOURCES)."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from wagtail.embeds.oembed_providers import vimeo, youtube

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^[0-9]{1,12}$")


@dataclass(frozen=True)
class EmbeddedVideo:
    provider: str  # "YouTube" or "Vimeo"
    video_id: str

    @property
    def watch_url(self) -> str:
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"

    @property
    def player_url(self) -> str:
        """The player loaded only after the citizen's click: no cookie before it starts (nocookie / dnt)."""
        if self.provider == "YouTube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1&rel=0"
        return f"https://player.vimeo.com/video/{self.video_id}?autoplay=1&dnt=1"


def _matches(provider: dict, url: str) -> bool:
    return any(re.match(pattern, url) for pattern in provider["urls"])


def embedded_video(url: str) -> EmbeddedVideo | None:
    """The YouTube or Vimeo video ``url`` points at, None for any other address (or a channel, a playlist)."""
    if not url or len(url) > 500:
        return None
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if _matches(youtube, url):
        if parts.hostname == "youtu.be":
            candidate = segments[0] if segments else ""
        elif segments[:1] == ["watch"]:
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif len(segments) >= 2 and segments[0] in {"shorts", "live", "v", "embed"}:
            candidate = segments[1]
        else:
            return None
        return EmbeddedVideo("YouTube", candidate) if YOUTUBE_ID.match(candidate) else None
    if _matches(vimeo, url):
        candidate = segments[-1] if segments else ""
        return EmbeddedVideo("Vimeo", candidate) if VIMEO_ID.match(candidate) else None
    return None
