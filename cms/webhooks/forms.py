"""The endpoint form: a real http(s) URL, at least one known event, a secret long enough to matter."""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.webhooks import network
from cms.webhooks.events import EVENT_CHOICES

MIN_SECRET_LENGTH = 16


def validate_endpoint_url(value: str) -> str:
    """``value`` if it is an http(s) URL with a host, no user name or password, on a public address."""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError as error:
        raise ValidationError(_("Nhập một địa chỉ http:// hoặc https:// hợp lệ.")) from error
    parts = urlsplit(value)
    if parts.username or parts.password:
        raise ValidationError(_("Không ghi tên đăng nhập hay mật khẩu vào địa chỉ; bên nhận kiểm tra chữ ký."))
    if reason := network.refusal(value):
        raise ValidationError(reason, code="private_network")
    return value


def validate_secret(value: str) -> str:
    if len(value) < MIN_SECRET_LENGTH:
        raise ValidationError(
            _("Khóa ký cần ít nhất %(count)d ký tự.") % {"count": MIN_SECRET_LENGTH}, code="secret_too_short"
        )
    return value


class WebhookEndpointForm(WagtailAdminModelForm):
    url = forms.CharField(label=_("Địa chỉ nhận (URL)"), max_length=500, validators=[validate_endpoint_url])
    secret = forms.CharField(
        label=_("Khóa ký"),
        max_length=200,
        validators=[validate_secret],
        help_text=_("Bên nhận dùng khóa này để kiểm tra chữ ký HMAC-SHA256 (tiêu đề X-Portal-Signature)."),
    )
    events = forms.MultipleChoiceField(label=_("Sự kiện"), choices=EVENT_CHOICES, widget=forms.CheckboxSelectMultiple)
