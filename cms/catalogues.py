"""Build the gettext catalogues (locale/*/LC_MESSAGES/*.po -> .mo) with polib, so no GNU gettext is needed."""

import os
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_catalogues(locale_dir: Path = LOCALE_DIR, force: bool = False) -> list[Path]:
    """Write each .mo whose .po is newer (or every one with ``force``); returns the files written."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
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
    return written
