"""Dates typed by people on the public site: day/month/year as Vietnamese readers write them, or ISO."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

# What the site's date boxes show and accept (cms/formats/*/formats.py DATE_INPUT_FORMATS: dd/mm/yyyy, then ISO).
DISPLAY_FORMAT = "d/m/Y"
# The HTML pattern of a date box: d/m/yyyy with one or two digit day and month, or yyyy-mm-dd.
INPUT_PATTERN = r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}"


def parse_date(value: str) -> datetime.date:
    """``value`` read with the active language's DATE_INPUT_FORMATS; ValueError when it is not a date."""
    try:
        # Django's own DateField parsing: the formats follow the active language (cms/formats).
        parsed = forms.DateField().clean(value.strip())
    except ValidationError as exc:
        raise ValueError(value) from exc
    if parsed is None or not 1900 <= parsed.year <= 2200:
        raise ValueError(value)
    return parsed
