"""Keeping robots out of the citizens' forms without any outside service.

- A proof-of-work challenge (ALTCHA, the ``altcha`` library): the page carries a signed challenge; the
  browser finds the number whose SHA-256 matches it (static/participation/challenge.js, a second or two)
  and sends it with the form. The challenge also carries the time it was issued, so the same check
  enforces a minimum fill time and an expiry, and its signature is the submission's key (one challenge,
  one stored item, however often the form is resent).
- A honeypot field that people never see.
- A submission limit per portal and client address (cms.core.http.client_address), counted in the throttle
  cache that every worker shares (settings: Redis, or a database table).
"""

import datetime
import time
from dataclasses import dataclass

import altcha
from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.http import client_address
from cms.core.sites import site_for_request

HONEYPOT_FIELD = "website"
CHALLENGE_FIELD = "altcha"


def _key() -> str:
    return f"participation-challenge:{settings.SECRET_KEY}"


def new_challenge() -> dict:
    """A signed challenge for one form (JSON-ready: algorithm, challenge, maxNumber, salt, signature)."""
    issued = int(time.time())
    challenge = altcha.create_challenge_v1(
        hmac_key=_key(),
        max_number=settings.PARTICIPATION_CHALLENGE_MAX_NUMBER,
        expires=timezone.now() + datetime.timedelta(seconds=settings.PARTICIPATION_CHALLENGE_TTL),
        params={"issued": str(issued)},
    )
    return challenge.to_dict()


@dataclass
class Verdict:
    ok: bool
    key: str = ""
    message: str = ""


def check_solution(payload: str) -> Verdict:
    """Whether ``payload`` (base64 JSON from the browser) solves one of our challenges, issued long enough ago."""
    if not payload or len(payload) > 2000:
        return Verdict(False, message=_("Chưa xác minh được trình duyệt. Vui lòng chờ giây lát rồi gửi lại."))
    try:
        ok, _error = altcha.verify_solution_v1(payload, _key(), check_expires=True)
        parsed = altcha.PayloadV1.from_base64(payload)
        issued = int(altcha.extract_params_v1(parsed.to_dict()).get("issued", ["0"])[0])
    except (ValueError, TypeError, KeyError, AttributeError):
        ok = False
    if not ok:
        return Verdict(False, message=_("Mã xác minh không hợp lệ hoặc đã hết hạn. Vui lòng tải lại trang."))
    if time.time() - issued < settings.PARTICIPATION_MIN_FILL_SECONDS:
        return Verdict(False, message=_("Bạn gửi quá nhanh. Vui lòng kiểm tra lại nội dung rồi gửi lại."))
    return Verdict(True, key=parsed.signature[:128])


def honeypot_filled(data) -> bool:
    return bool(data.get(HONEYPOT_FIELD))


def _portal(request) -> str:
    """The portal (Wagtail site) the request is for: every limit is counted per portal."""
    site = site_for_request(request)
    return str(site.pk) if site is not None else "-"


def over_limit(request, scope: str, limit: int | None = None, subject: str | None = None) -> bool:
    """Count one attempt on this portal; True once the hour's count exceeds ``limit``.

    Counted per client address (cms.core.http.client_address) unless ``subject`` names what is counted
    instead (a tracking code's digest). ``limit`` defaults to ``PARTICIPATION_SUBMISSIONS_PER_HOUR``; a
    portal may set its own (``ParticipationSettings.submissions_per_hour``); None means no limit.
    """
    if limit is None:
        limit = settings.PARTICIPATION_SUBMISSIONS_PER_HOUR
    if limit is None:
        return False
    window = int(time.time() // 3600)
    who = subject if subject is not None else client_address(request)
    key = f"participation:{scope}:{_portal(request)}:{who}:{window}"
    cache = caches["throttle"]
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > limit
