"""The admin in Vietnamese: every string of the installed Wagtail, wagtail-localize and Django packages, in the
glossary's words, served to the browser's JavaScript too, with dates as dd/mm/yyyy."""

import datetime
import json
import re

import polib
import pytest
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.timesince import timesince
from django.utils.translation import gettext
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from cms.operations.catalogues import catalogue_coverage, compile_catalogues

OVERRIDES = settings.BASE_DIR / "locale_overrides" / "vi" / "LC_MESSAGES"
# msgids that may stay without a Vietnamese translation (reviewed): none today. Proper names that read the same in
# Vietnamese (Wagtail, URL, CSV) are translated as themselves, so they are not missing either.
MAY_STAY_UNTRANSLATED: set[str] = set()
# Placeholders, brace fields and HTML tags a translation must keep.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|<[^>]+>")
# Translations allowed to drop a placeholder: the submit button reads "Gửi duyệt", not "Gửi duyệt Duyệt tin bài".
MAY_DROP_PLACEHOLDERS = {"Submit to %(workflow_name)s"}
# Words the glossary (docs/glossary-vi.md) replaces: the packages' own catalogues use them.
NOT_OUR_WORDS = ["phê chuẩn", "thu hồi xuất bản", "thực hiện %(", "bộ sưu tập", "vùng miền", "luồng công việc"]


def override_entries():
    for domain in ("django", "djangojs"):
        yield from polib.pofile(str(OVERRIDES / f"{domain}.po"))


def test_every_msgid_of_the_installed_packages_reads_in_vietnamese():
    rows = catalogue_coverage("vi")
    checked = {(row.package, row.domain) for row in rows}
    assert {("wagtail.admin", "django"), ("wagtail.admin", "djangojs"), ("wagtail_localize", "djangojs")} <= checked
    assert {("wagtail", "django"), ("wagtail.snippets", "django"), ("wagtail.users", "django")} <= checked
    missing = {
        f"{row.package} ({row.domain})": [msgid for msgid in row.missing if msgid not in MAY_STAY_UNTRANSLATED]
        for row in rows
    }
    assert {package: msgids for package, msgids in missing.items() if msgids} == {}


def test_a_string_new_in_a_later_release_is_reported(settings, tmp_path):
    """Without the project's catalogue, Wagtail's own Vietnamese leaves most of its admin in English."""
    settings.LOCALE_PATHS = [tmp_path]
    admin = next(row for row in catalogue_coverage("vi") if (row.package, row.domain) == ("wagtail.admin", "django"))
    assert "Awaiting your review" in admin.missing
    assert admin.translated == admin.package_translated < admin.total


def test_translations_keep_placeholders_and_markup():
    broken = []
    for entry in override_entries():
        source = entry.msgid_plural or entry.msgid
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert text, entry.msgid
            if entry.msgid in MAY_DROP_PLACEHOLDERS:
                continue
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                broken.append((entry.msgid, text))
    assert broken == []


def test_translations_use_the_glossary_words():
    offending = [
        (entry.msgid, entry.msgstr)
        for entry in override_entries()
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if any(word in text.lower() for word in NOT_OUR_WORDS)
    ]
    assert offending == []


def test_one_plural_form_for_vietnamese():
    for domain in ("django", "djangojs"):
        catalogue = polib.pofile(str(OVERRIDES / f"{domain}.po"))
        assert catalogue.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
        assert all(list(entry.msgstr_plural) == [0] for entry in catalogue if entry.msgid_plural)


def test_workflow_actions_read_naturally_and_override_the_packages_words():
    with translation.override("vi"):
        assert gettext("Submit to %(workflow_name)s") % {"workflow_name": "Duyệt tin bài"} == "Gửi duyệt"
        assert gettext("Submit for moderation") == "Gửi duyệt"
        assert gettext("Approve") == "Phê duyệt"  # Wagtail's catalogue: "Phê chuẩn"
        assert gettext("Approve with comment") == "Phê duyệt kèm bình luận"
        assert gettext("Request changes") == "Yêu cầu chỉnh sửa"
        assert gettext("Unpublish") == "Gỡ xuất bản"  # Wagtail's catalogue: "Thu hồi xuất bản"
        assert gettext("Save draft") == "Lưu bản nháp"
        assert gettext("Awaiting your review") == "Chờ bạn duyệt"
        # The project's own (Vietnamese) msgids are untouched.
        assert gettext("Thống kê truy cập") == "Thống kê truy cập"
    with translation.override("en"):
        assert gettext("Approve") == "Approve"


def test_compile_catalogues_builds_the_admin_translation_too():
    compile_catalogues(force=True)
    for domain in ("django", "djangojs"):
        compiled = polib.mofile(str(OVERRIDES / f"{domain}.mo"))
        assert len(compiled) == len(polib.pofile(str(OVERRIDES / f"{domain}.po")))


@pytest.mark.parametrize(
    ("url_name", "english", "vietnamese", "packages_word"),
    [
        ("wagtailadmin_javascript_catalog", "Insert a block", "Chèn khối", None),
        ("wagtailadmin_javascript_catalog", "Unpublish", "Gỡ xuất bản", "Thu hồi xuất bản"),
        ("wagtail_localize:javascript_catalog", "Not translated", "Chưa dịch", None),
        ("wagtail_localize:javascript_catalog", "Unpublish", "Gỡ xuất bản", "Thu hồi xuất bản"),
    ],
)
def test_admin_javascript_catalogues_serve_the_project_translation(
    admin_client, url_name, english, vietnamese, packages_word
):
    response = admin_client.get(reverse(url_name), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"{json.dumps(english)}: {json.dumps(vietnamese)}" in body
    if packages_word:
        assert json.dumps(packages_word) not in body


def test_admin_date_pickers_write_and_read_day_month_year():
    day = datetime.date(2026, 12, 1)
    assert AdminDateInput().format_value(day) == "01/12/2026"
    assert AdminDateTimeInput().format_value(datetime.datetime(2026, 12, 1, 8, 5)) == "01/12/2026 08:05"
    for language in ("vi", "en"):
        with translation.override(language):
            # Not 12 January, as Django's default "%m/%d/%Y" would read it.
            assert forms.DateField().clean("01/12/2026") == day
            assert forms.DateField().clean("2026-12-01") == day
            assert forms.DateTimeField().clean("01/12/2026 08:05").replace(tzinfo=None) == datetime.datetime(
                2026, 12, 1, 8, 5
            )


def test_admin_timestamps_read_in_vietnamese():
    with translation.override("vi"):
        assert timesince(timezone.now() - datetime.timedelta(minutes=5)) == "5\xa0phút"
        assert gettext("%(time_period)s ago") % {"time_period": "5 phút"} == "5 phút trước"
        assert gettext("just now") == "vừa xong"


@pytest.mark.django_db
def test_the_group_forms_image_permissions_read_in_each_users_language():
    """Wagtail translates these labels once, when wagtail.images.forms is first imported; ours follow the request."""
    from wagtail.images.forms import GroupImagePermissionFormSet

    field = GroupImagePermissionFormSet.form.base_fields["permissions"]
    permissions = {permission.codename: permission for permission in field.queryset}
    for language, expected in (("en", "Select images in choosers"), ("vi", "Chọn hình ảnh trong hộp chọn")):
        with translation.override(language):
            assert str(field.label_from_instance(permissions["choose_image"])) == expected
            assert str({c: s for c, s, _ in GroupImagePermissionFormSet.permission_types}["add_image"]) == (
                "Add" if language == "en" else gettext("Add")
            )
