"""Import and export procedures as CSV in the layout of the national database's export.

The national database of administrative procedures (Cơ sở dữ liệu quốc gia về thủ tục hành chính,
csdl.dichvucong.gov.vn) exports a list with one procedure per row. The columns read here, by header (order
free, extra columns ignored, UTF-8 with or without BOM, comma or semicolon separated):

=========================  ========  ====================================================================
Header                     Required  Field
=========================  ========  ====================================================================
Mã thủ tục                 yes       ``code`` ("1.004227"); the key: a row updates the procedure with its code
Tên thủ tục                yes       ``title``
Lĩnh vực                   yes       ``field`` ("Hộ tịch")
Mức độ                     yes       ``level``: "Toàn trình", "Một phần" (also "DVC trực tuyến toàn trình",
                                     "DVC trực tuyến một phần"), "Trực tiếp" / "Cung cấp thông tin"
Thời hạn giải quyết        no        ``processing_time``
Phí, lệ phí                no        ``fees``
Cơ quan thực hiện          yes       ``agency``
Thành phần hồ sơ           no        ``documents``: one document per line
=========================  ========  ====================================================================

A row that cannot be imported is reported with its row number and reason; the others are imported.
"""

import csv
import dataclasses
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from unidecode import unidecode

from cms.core.text import slugify_vi
from cms.procedures.choices import OnlineLevel
from cms.procedures.models import ProcedureIndexPage, ProcedurePage, code_validator
from search.deferred import deferred_indexing

COLUMNS = {
    "code": "Mã thủ tục",
    "title": "Tên thủ tục",
    "field": "Lĩnh vực",
    "level": "Mức độ",
    "processing_time": "Thời hạn giải quyết",
    "fees": "Phí, lệ phí",
    "agency": "Cơ quan thực hiện",
    "documents": "Thành phần hồ sơ",
}
REQUIRED = ("code", "title", "field", "level", "agency")
LEVEL_EXPORT = {OnlineLevel.FULL: "Toàn trình", OnlineLevel.PARTIAL: "Một phần", OnlineLevel.OFFLINE: "Trực tiếp"}
LIMITS = {"code": 60, "title": 255, "field": 255, "processing_time": 500, "agency": 500}


@dataclasses.dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = dataclasses.field(default_factory=list)


def _key(header: str) -> str:
    """A header compared without accents, case, commas or extra spaces ("Phí, lệ phí" = "phi le phi")."""
    return " ".join(unidecode(header or "").lower().replace(",", " ").split())


HEADERS = {_key(header): name for name, header in COLUMNS.items()}


def parse_level(value: str) -> str | None:
    """The online level of a national-database label ("DVC trực tuyến toàn trình", "Một phần", ...)."""
    words = _key(value)
    if words in OnlineLevel.values:
        return words
    if "toan trinh" in words:
        return OnlineLevel.FULL
    if "mot phan" in words:
        return OnlineLevel.PARTIAL
    if "truc tiep" in words or "thong tin" in words:
        return OnlineLevel.OFFLINE
    return None


def read_rows(text: str):
    """``(row number, {field: value})`` for each data row, numbered as a spreadsheet shows them (the header is
    row 1; a quoted cell may span lines); raises ValueError when the header is unusable."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header:
        raise ValueError("the file is empty")
    names = [HEADERS.get(_key(column)) for column in header]
    missing = [COLUMNS[name] for name in REQUIRED if name not in names]
    if missing:
        raise ValueError(f"missing columns: {', '.join(missing)}")
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {name: cell.strip() for name, cell in zip(names, row, strict=False) if name}
        yield number, values


def clean_row(values: dict) -> dict:
    """The page fields of one row; raises ValidationError with a reason a person can act on."""
    for name in REQUIRED:
        if not values.get(name):
            raise ValidationError(f"'{COLUMNS[name]}' is empty")
    code_validator(values["code"])
    level = parse_level(values["level"])
    if level is None:
        raise ValidationError(f"unknown level '{values['level'][:60]}' (expected Toàn trình, Một phần or Trực tiếp)")
    for name, limit in LIMITS.items():
        if len(values.get(name, "")) > limit:
            raise ValidationError(f"'{COLUMNS[name]}' is longer than {limit} characters")
    if any(not char.isprintable() and char not in "\n\r\t" for value in values.values() for char in value):
        raise ValidationError("the row contains control characters")
    fields = {name: values.get(name, "") for name in COLUMNS}
    fields["level"] = level
    fields["documents"] = "\n".join(line.strip() for line in fields["documents"].splitlines() if line.strip())
    return fields


def import_procedures(index: ProcedureIndexPage, text: str, publish: bool = True) -> ImportReport:
    """Create or update the procedures of ``text`` under ``index``, one transaction per row.

    ``publish=False`` saves each change as a draft revision for the approval workflow.
    """
    # Each saved procedure is indexed once at the end (search.deferred), not on each of its three saves.
    with deferred_indexing():
        return _import_rows(index, text, publish)


def _import_rows(index: ProcedureIndexPage, text: str, publish: bool) -> ImportReport:
    report = ImportReport()
    existing = {page.code: page for page in ProcedurePage.objects.child_of(index)}
    seen = set()
    for row, values in read_rows(text):
        try:
            fields = clean_row(values)
        except ValidationError as error:
            report.errors.append((row, "; ".join(error.messages)))
            continue
        if fields["code"] in seen:
            report.errors.append((row, f"code {fields['code']} appears twice in the file"))
            continue
        seen.add(fields["code"])
        page = existing.get(fields["code"])
        if page is not None and all(getattr(page, name) == value for name, value in fields.items()):
            report.unchanged += 1
            continue
        with transaction.atomic():
            page_was_updated = page is not None
            if page is None:
                page = ProcedurePage(**fields, slug=_slug(fields), locale=index.locale, live=publish)
                index.add_child(instance=page)
                report.created += 1
            else:
                for name, value in fields.items():
                    setattr(page, name, value)
                report.updated += 1
            # add_child has just validated a new page; an update is validated by save_revision.
            revision = page.save_revision(clean=page_was_updated)
            if publish:
                revision.publish()
    return report


def _slug(fields: dict) -> str:
    return f"{slugify_vi(fields['title'])[:180]}-{fields['code'].replace('.', '-').lower()}"


def export_procedures(index: ProcedureIndexPage, only_live: bool = True) -> str:
    """The procedures under ``index`` in the import layout (what was imported comes back out the same)."""
    queryset = ProcedurePage.objects.child_of(index).order_by("code")
    if only_live:
        queryset = queryset.filter(live=True)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS.values())
    for page in queryset:
        row = {name: getattr(page, name) for name in COLUMNS}
        row["level"] = LEVEL_EXPORT[page.level]
        writer.writerow(row[name] for name in COLUMNS)
    return out.getvalue()
