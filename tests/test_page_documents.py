"""The documents attached to pages share one abstract row (cms.core.attachments.PageDocument); moving the three
models onto it changed no column (makemigrations reports nothing)."""

import io

import pytest
from django.core.management import call_command

from cms.core.attachments import PageDocument
from cms.disclosures.models import DisclosureFile
from cms.participation.models import DraftFile
from news.models import DirectiveAttachment
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_three_attachment_models_are_page_documents_with_their_own_tables_and_names():
    models = (DirectiveAttachment, DisclosureFile, DraftFile)
    assert all(issubclass(model, PageDocument) for model in models)
    assert [model._meta.db_table for model in models] == [
        "news_directiveattachment",
        "disclosures_disclosurefile",
        "participation_draftfile",
    ]
    assert [str(model._meta.verbose_name) for model in models] == ["Tệp đính kèm", "Tệp công khai", "Tệp dự thảo"]
    for model in models:
        assert [field.name for field in model._meta.get_fields() if field.concrete] == [
            "id",
            "sort_order",
            "document",
            "title",
            "page",
        ]
        assert model._meta.ordering == ["sort_order"]


def test_display_title_falls_back_to_the_document_title(directive_index):
    directive = factories.DirectivePageFactory(parent=directive_index)
    document = factories.DocumentFactory(title="Toàn văn")
    named = DirectiveAttachment.objects.create(page=directive, document=document, title="Bản ký số")
    unnamed = DirectiveAttachment.objects.create(page=directive, document=document)
    assert (named.display_title, unnamed.display_title) == ("Bản ký số", "Toàn văn")


def test_no_migration_is_missing():
    out = io.StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()
