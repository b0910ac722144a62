"""Filters beyond Wagtail's: strict locale, directive fields. Every bad value is a 400 naming the parameter."""

import datetime

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

DIRECTIVE_PARAMETERS = ("document_type", "issuing_agency", "field", "sector", "issued_from", "issued_to", "status")
MAX_TEXT_LENGTH = 255


def _date(params, name):
    value = params.get(name)
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise BadRequestError(f"{name}: expected a date as YYYY-MM-DD") from exc


def _choice(params, name, choices):
    value = params.get(name)
    if value is not None and value not in choices.values:
        raise BadRequestError(f"{name}: must be one of {', '.join(choices.values)}")
    return value


def _status_condition(status, statuses) -> Q:
    """The database form of ``DirectivePage.get_status``."""
    today = timezone.localdate()
    if status == statuses.NOT_YET_IN_FORCE:
        return Q(effective_date__gt=today)
    if status == statuses.EXPIRED:
        return Q(effective_date__lte=today, expiry_date__lt=today)
    return Q(effective_date__lte=today) & (Q(expiry_date__isnull=True) | Q(expiry_date__gte=today))


class ValidatedFieldsFilter(wagtail_filters.FieldsFilter):
    """Wagtail's ``?<field>=value`` filter, with values checked by the model field first (400, not 500)."""

    def filter_queryset(self, request, queryset, view):
        for name, value in request.GET.items():
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if getattr(field, "concrete", False) and not field.is_relation:
                try:
                    field.to_python(value)
                except ValidationError as exc:
                    raise BadRequestError(f"{name}: {' '.join(exc.messages)}") from exc
        return super().filter_queryset(request, queryset, view)


class StrictLocaleFilter(BaseFilterBackend):
    """``?locale=vi``: an unknown language code is a 400, not an empty list or a 404."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        locale = Locale.objects.filter(language_code=code[:MAX_TEXT_LENGTH]).first()
        if locale is None:
            raise BadRequestError("locale: unknown language code")
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale)
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset


class DirectiveFilter(BaseFilterBackend):
    """Directive register filters; they need ``type=news.DirectivePage``."""

    def filter_queryset(self, request, queryset, view):
        from news.choices import DirectiveStatus, DocumentField, DocumentType
        from news.models import DirectivePage

        params = request.GET
        used = [name for name in DIRECTIVE_PARAMETERS if name in params]
        if not used:
            return queryset
        if not issubclass(queryset.model, DirectivePage):
            raise BadRequestError(f"{used[0]}: only available with type=news.DirectivePage")
        document_type = _choice(params, "document_type", DocumentType)
        if document_type:
            queryset = queryset.filter(document_type=document_type)
        agency = params.get("issuing_agency")
        if agency is not None:
            if len(agency) > MAX_TEXT_LENGTH:
                raise BadRequestError("issuing_agency: too long")
            queryset = queryset.filter(issuing_agency=agency)
        for name in ("field", "sector"):
            sector = _choice(params, name, DocumentField)
            if sector:
                queryset = queryset.filter(sector=sector)
        issued_from, issued_to = _date(params, "issued_from"), _date(params, "issued_to")
        if issued_from:
            queryset = queryset.filter(issue_date__gte=issued_from)
        if issued_to:
            queryset = queryset.filter(issue_date__lte=issued_to)
        status = _choice(params, "status", DirectiveStatus)
        if status:
            queryset = queryset.filter(_status_condition(status, DirectiveStatus))
        return queryset
