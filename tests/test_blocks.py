"""Body blocks: each renders its own template, escapes editor input, and previews in the admin."""

import pytest
from django.template.loader import render_to_string

from cms.body import BodyBlock
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_block_describes_itself():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.template, name
        assert block.get_description(), name


def test_every_block_renders_its_preview_value():
    factories.ImageFactory()
    factories.DocumentFactory()
    for name, block in BodyBlock().child_blocks.items():
        value = block.get_preview_value()
        html = block.render(value)
        assert html.strip(), name


def test_table_cells_are_escaped():
    block = BodyBlock().child_blocks["table"]
    value = block.to_python(
        {"data": [["<script>x</script>", "a"], ["<b onclick=1>", "b"]], "first_row_is_table_header": True}
    )
    html = block.render(value)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b onclick" not in html


def test_quote_and_heading_are_escaped():
    blocks = BodyBlock().child_blocks
    assert "<img" not in blocks["heading"].render(blocks["heading"].to_python({"text": "<img src=x>", "level": "h2"}))
    assert "<img" not in blocks["quote"].render(blocks["quote"].to_python({"text": "<img src=x>", "attribution": ""}))


def test_image_block_uses_alt_text_and_caption():
    image = factories.ImageFactory(description="Mô tả ảnh")
    block = BodyBlock().child_blocks["image"]
    html = block.render(block.to_python({"image": image.pk, "caption": "Chú thích", "credit": "Nguồn"}))
    assert 'alt="Mô tả ảnh"' in html and "Chú thích" in html and "Nguồn" in html


def test_block_preview_template_uses_site_styles():
    html = render_to_string("wagtailcore/shared/block_preview.html", {})
    assert "cms/css/site.css" in html
