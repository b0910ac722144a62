"""Build the gettext catalogues (locale/*/LC_MESSAGES/*.po -> .mo) with polib, so no GNU gettext is needed."""

import os
from dataclasses import dataclass
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings
from django.utils.translation.reloader import translation_file_changed

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def compile_catalogues(locale_dir: Path | None = None, force: bool = False) -> list[Path]:
    """Write each .mo whose .po is newer (or every one with ``force``); returns the files written.

    Without ``locale_dir``, every folder of ``LOCALE_PATHS``: the project's own messages and its
    translations of Wagtail and wagtail-localize (``locale_overrides``).
    """
    written = []
    folders = [Path(locale_dir)] if locale_dir else [Path(folder) for folder in settings.LOCALE_PATHS]
    for po_path in sorted(path for folder in folders for path in folder.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        catalogue = polib.pofile(str(po_path))
        # Fuzzy entries are guesses; gettext's msgfmt leaves them out too.
        for entry in catalogue.fuzzy_entries():
            catalogue.remove(entry)
        # Write aside and rename, so a process reading the catalogue never sees half a file.
        partial = mo_path.with_suffix(f".mo.{os.getpid()}")
        catalogue.save_as_mofile(str(partial))
        os.replace(partial, mo_path)
        written.append(mo_path)
    if written:
        # A process that read its catalogues before they were built (the test session: Django is set up
        # before tests/conftest.py compiles) would keep serving them without the new files; Django's
        # autoreloader clears the same caches when a .mo changes.
        translation_file_changed(None, written[0])
    return written


@dataclass
class Coverage:
    """How much of one package's catalogue reads in a language: its own translations, and with the project's."""

    package: str
    domain: str
    total: int
    package_translated: int
    missing: list[str]

    @property
    def translated(self) -> int:
        return self.total - len(self.missing)


def _keys(path: Path, translated_only: bool) -> set[tuple[str | None, str]]:
    if not path.exists():
        return set()
    return {
        (entry.msgctxt, entry.msgid)
        for entry in polib.pofile(str(path))
        if not entry.obsolete and (entry.translated() or not translated_only)
    }


def catalogue_coverage(language: str = "vi", prefixes: tuple[str, ...] = ("wagtail", "django.")) -> list[Coverage]:
    """Each installed package's msgids (its English source catalogue) without a ``language`` translation in the
    package's catalogue or the project's LOCALE_PATHS: what a new release of Wagtail would leave in English."""
    packages = [("django", Path(django.__file__).parent / "conf")]
    packages += [(app.name, Path(app.path)) for app in apps.get_app_configs() if app.name.startswith(prefixes)]
    rows = []
    for domain in ("django", "djangojs"):
        catalogues = [Path(folder) / language / "LC_MESSAGES" / f"{domain}.po" for folder in settings.LOCALE_PATHS]
        project = set().union(*(_keys(path, True) for path in catalogues))
        for name, path in packages:
            source = _keys(path / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po", False)
            if not source:
                continue
            own = _keys(path / "locale" / language / "LC_MESSAGES" / f"{domain}.po", True) & source
            missing = sorted(msgid for context, msgid in source - own - project)
            rows.append(Coverage(name, domain, len(source), len(own), missing))
    return rows
