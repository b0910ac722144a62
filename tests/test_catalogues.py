"""Message catalogues: complete, built without GNU gettext, and used by English pages."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from cms.operations.catalogues import LOCALE_DIR, compile_catalogues
from news.choices import DocumentType, NewsCategory


def test_catalogues_are_built_in_the_folder_django_reads():
    # polib reads a path that does not exist as PO text, so a wrong folder would pass the tests below.
    assert Path(settings.LOCALE_PATHS[0]) == LOCALE_DIR and (LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po").is_file()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_message_is_translated(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert catalogue.metadata["Language"] == language


def test_english_catalogue_translates_every_vietnamese_msgid():
    catalogue = polib.pofile(str(LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"))
    same = [entry.msgid for entry in catalogue if entry.msgstr == entry.msgid and not entry.msgid.isascii()]
    assert same == []


def test_catalogues_build_with_polib_alone(tmp_path: Path):
    target = tmp_path / "en" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "django.po").write_bytes((LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po").read_bytes())
    assert compile_catalogues(tmp_path) == [target / "django.mo"]
    assert compile_catalogues(tmp_path) == []  # up to date: nothing rebuilt
    mo = polib.mofile(str(target / "django.mo"))
    assert mo.find("Thống kê truy cập").msgstr == "Visitor statistics"


def test_a_catalogue_built_after_the_process_read_its_catalogues_is_served(tmp_path: Path, settings):
    """The test session sets Django up before tests/conftest.py builds the .mo files; a fresh checkout must
    still serve them (it served the packages' catalogues alone: "Choose", "Save draft" in the Vietnamese admin)."""
    target = tmp_path / "vi" / "LC_MESSAGES"
    target.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "vi"}
    catalogue.append(polib.POEntry(msgid="Choose a colour for the test", msgstr="Chọn màu cho phép thử"))
    catalogue.save(str(target / "django.po"))
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, tmp_path]
    with translation.override("vi"):
        assert gettext("Choose a colour for the test") == "Choose a colour for the test"  # read, not built yet
        compile_catalogues(tmp_path)
    with translation.override("vi"):
        assert gettext("Choose a colour for the test") == "Chọn màu cho phép thử"


def test_compile_catalogues_command_runs(capsys):
    call_command("compile_catalogues")
    assert "Catalogues up to date" in capsys.readouterr().out


def test_template_strings_and_choice_labels_follow_the_active_language():
    with translation.override("en"):
        assert gettext("Thống kê truy cập") == "Visitor statistics"
        assert gettext("Trang sau") == "Next page"
        assert str(NewsCategory.GRASSROOTS_DEMOCRACY.label) == "Grassroots democracy"
        assert str(DocumentType.OFFICIAL_LETTER.label) == "Official letter"
    with translation.override("vi"):
        assert gettext("Thống kê truy cập") == "Thống kê truy cập"
        assert str(NewsCategory.GRASSROOTS_DEMOCRACY.label) == "Dân chủ cơ sở"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is needed only to author catalogues")
def test_makemessages_finds_no_msgid_missing_from_the_english_catalogue(tmp_path: Path):
    """Every msgid in the code and templates is in locale/en (run on a copy: the real catalogues stay untouched)."""
    root = LOCALE_DIR.parent
    for name in ("cms", "home", "news", "search", "settings", "locale", "manage.py"):
        source = root / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(
            source,
            tmp_path / name,
            **({"ignore": shutil.ignore_patterns("*.mo", "__pycache__")} if source.is_dir() else {}),
        )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "--no-location"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test"},
    )
    catalogue = polib.pofile(str(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    assert [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()] == []


def test_round_one_strings_have_english_translations():
    with translation.override("en"):
        assert gettext("Xin chào %(username)s,") == "Hello %(username)s,"
        assert gettext("Tạm khóa đăng nhập") == "Sign-in temporarily blocked"
        assert gettext("Số liệu đến ngày %(date)s") == "Figures as of %(date)s"
        assert gettext("Lượt truy cập theo ngày") == "Daily visits"
        assert gettext("Bộ lọc bị bỏ qua:") == "Filters ignored:"


@pytest.mark.parametrize("language", ["en", "vi"])
def test_source_references_name_files_that_exist(language):
    """The ``#:`` lines point translators at the code; regenerate them with makemessages after moving files."""
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    root = LOCALE_DIR.parent
    stale = sorted({path for entry in catalogue for path, _line in entry.occurrences if not (root / path).is_file()})
    assert stale == []
