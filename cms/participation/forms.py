"""The citizens' forms. Everything they write is treated as hostile: plain text only, bounded in size,
escaped by the template engine wherever it is shown."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.participation.attachments import ACCEPT, check_all
from cms.participation.challenge import CHALLENGE_FIELD, HONEYPOT_FIELD
from cms.participation.vocabulary import QuestionField, QuestionKind

NAME_MAX = 120
CONTACT_MAX = 120
SUBJECT_MAX = 200
TEXT_MAX = 5000


class CitizenForm(forms.Form):
    """The fields every citizens' form shares: the challenge, the honeypot and the consent."""

    consent = forms.BooleanField(
        label=_("Tôi đồng ý để cơ quan xử lý dữ liệu cá nhân tôi cung cấp theo thông báo xử lý dữ liệu cá nhân."),
        error_messages={"required": _("Cần đồng ý với việc xử lý dữ liệu cá nhân để gửi.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CHALLENGE_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)
        # People never see it (hidden by CSS, skipped by the keyboard and screen readers); robots fill it in.
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Để trống ô này"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )


class CommentForm(CitizenForm):
    name = forms.CharField(label=_("Họ và tên"), max_length=NAME_MAX)
    contact = forms.CharField(
        label=_("Thư điện tử hoặc số điện thoại (không bắt buộc)"),
        max_length=CONTACT_MAX,
        required=False,
        help_text=_("Chỉ cán bộ kiểm duyệt thấy; dùng để liên hệ khi cần làm rõ ý kiến."),
    )
    section = forms.ChoiceField(label=_("Phần của dự thảo góp ý"), required=False)
    text = forms.CharField(
        label=_("Nội dung góp ý"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Tối đa 5.000 ký tự."),
    )
    show_name = forms.BooleanField(label=_("Đồng ý hiển thị họ tên cùng ý kiến khi được đăng"), required=False)

    field_order = ["name", "contact", "section", "text", "show_name", "consent"]

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("Toàn bộ dự thảo")), *((item, item) for item in sections)]
        if not sections:
            del self.fields["section"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Up to ``attachments.MAX_FILES`` files; their content is checked by ``attachments.check_all``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class QuestionForm(CitizenForm):
    kind = forms.ChoiceField(label=_("Bạn muốn gửi"), choices=QuestionKind.choices, initial=QuestionKind.QUESTION)
    field = forms.ChoiceField(label=_("Lĩnh vực"), choices=QuestionField.choices)
    subject = forms.CharField(label=_("Tiêu đề"), max_length=SUBJECT_MAX)
    text = forms.CharField(
        label=_("Nội dung câu hỏi, phản ánh"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Tối đa 5.000 ký tự. Không ghi số giấy tờ tuỳ thân hay thông tin sức khoẻ vào nội dung."),
    )
    name = forms.CharField(label=_("Họ và tên"), max_length=NAME_MAX)
    email = forms.EmailField(
        label=_("Thư điện tử (không bắt buộc)"),
        max_length=254,
        required=False,
        help_text=_("Để nhận thư báo khi có trả lời. Chỉ cán bộ xử lý thấy."),
    )
    phone = forms.RegexField(
        label=_("Số điện thoại (không bắt buộc)"),
        regex=r"^\+?[0-9 .()-]{8,20}$",
        max_length=20,
        required=False,
        error_messages={"invalid": _("Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm hoặc gạch nối.")},
        help_text=_("Chỉ cán bộ xử lý thấy; dùng khi cần làm rõ nội dung."),
    )
    attachments = MultipleFileField(
        label=_("Tệp đính kèm (không bắt buộc)"),
        required=False,
        help_text=_("Tối đa 3 tệp PDF, JPG, PNG hoặc DOCX, mỗi tệp không quá 5 MB. Chỉ cán bộ xử lý xem được."),
    )
    show_name = forms.BooleanField(label=_("Đồng ý hiển thị họ tên khi câu hỏi và trả lời được đăng"), required=False)
    private = forms.BooleanField(
        label=_("Không đăng công khai câu hỏi này (chỉ trả lời riêng cho tôi)"),
        required=False,
    )

    field_order = ["kind", "field", "subject", "text", "name", "email", "phone", "attachments", "show_name", "private"]

    def clean(self):
        data = super().clean()
        try:
            data["attachments"] = check_all(data.get("attachments") or [])
        except forms.ValidationError as error:
            self.add_error("attachments", error)
        return data


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=40,
        help_text=_("Mã có dạng HD-XXXX-XXXX-XXXX, nhận được khi gửi câu hỏi."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
