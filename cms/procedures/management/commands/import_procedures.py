"""``manage.py import_procedures file.csv``: load procedures exported from the national database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from cms.procedures.importer import COLUMNS, export_procedures, import_procedures
from cms.procedures.models import ProcedureIndexPage


class Command(BaseCommand):
    help = "Import administrative procedures from a CSV in the national database's export layout: " + ", ".join(
        COLUMNS.values()
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (UTF-8); '-' with --export writes to standard output")
        parser.add_argument("--index", type=int, help="id of the procedure register page (default: the only one)")
        parser.add_argument("--draft", action="store_true", help="save drafts for approval instead of publishing")
        parser.add_argument("--export", action="store_true", help="write the register to the file instead")

    def handle(self, *args, file, index=None, draft=False, export=False, **options):
        register = self.find_index(index)
        if export:
            text = export_procedures(register)
            if file == "-":
                self.stdout.write(text, ending="")
            else:
                Path(file).write_text(text, encoding="utf-8")
            return
        try:
            text = Path(file).read_bytes().decode("utf-8-sig")
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{file} is not UTF-8 text (save it from the spreadsheet as CSV UTF-8)") from error
        try:
            report = import_procedures(register, text, publish=not draft)
        except ValueError as error:
            raise CommandError(f"{file}: {error}") from error
        for row, reason in report.errors:
            self.stderr.write(f"row {row}: {reason}")
        self.stdout.write(
            f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
            f"{len(report.errors)} rows skipped"
        )

    def find_index(self, index: int | None) -> ProcedureIndexPage:
        registers = ProcedureIndexPage.objects.all()
        if index is not None:
            register = registers.filter(pk=index).first()
            if register is None:
                raise CommandError(f"No procedure register page with id {index}")
            return register
        registers = list(registers.filter(locale=Locale.get_default())[:2])
        if len(registers) != 1:
            raise CommandError("Give the register page with --index (there is not exactly one)")
        return registers[0]
