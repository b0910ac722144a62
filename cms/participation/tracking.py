"""Tracking codes of citizens' questions: short, readable, unguessable, and never stored as such.

A code is 12 characters of Crockford's base32 (no I, L, O, U), shown as ``HD-XXXX-XXXX-XXXX`` (60 bits). It is
derived from the submission's key (the solved challenge's signature) with the portal's secret, so a resent
form gives the citizen the same code; only its SHA-256 digest is stored, so the table alone reveals no code.
Typing is forgiving: case, spaces, dashes, and O/I/L for 0/1 are normalised.
"""

import hashlib
import hmac

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
PREFIX = "HD"
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code(submission_key: str) -> str:
    """The code for one submission (the same key always gives the same code)."""
    digest = hmac.new(
        f"participation-code:{settings.SECRET_KEY}".encode(), submission_key.encode(), hashlib.sha256
    ).digest()
    number = int.from_bytes(digest[:8], "big")
    chars = [ALPHABET[(number >> (5 * position)) & 31] for position in range(LENGTH)]
    return _shown("".join(chars))


def _shown(raw: str) -> str:
    return f"{PREFIX}-{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"


def display(typed: str) -> str:
    """The code as it is shown (``HD-XXXX-XXXX-XXXX``) of what a citizen typed; "" when it is no code."""
    code = normalise(typed)
    return _shown(code) if code else ""


def normalise(typed: str) -> str:
    """The 12 code characters of what a citizen typed; "" when it cannot be a code."""
    text = "".join(typed.upper().split()).replace("-", "")[:40]
    if text.startswith(PREFIX) and len(text) == LENGTH + len(PREFIX):
        text = text[len(PREFIX) :]
    text = text.translate(_LOOKALIKES)
    if len(text) != LENGTH or any(char not in ALPHABET for char in text):
        return ""
    return text


def digest(typed: str) -> str:
    """What is stored and looked up: the SHA-256 of the normalised code ("" for something that is no code)."""
    code = normalise(typed)
    return hashlib.sha256(code.encode()).hexdigest() if code else ""
