"""Uploads through the admin: only the allowed types and sizes get in, and nothing scriptable is served inline."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64 + b"This program cannot be run"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def png(size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 80).convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type), "collection": 1},
    )


def upload_document(client, name, content, content_type="application/octet-stream"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type), "collection": 1},
    )


def test_editor_can_upload_a_real_image(editor_client):
    assert upload_image(editor_client, "anh-that.png", png()).status_code == 302
    assert get_image_model().objects.filter(title="anh-that.png").exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("virus.png", EXE, "image/png"),
        ("virus.exe", EXE, "application/x-msdownload"),
        ("trang.html", HTML, "text/html"),
        ("anh.svg", SVG, "image/svg+xml"),
        ("anh.png.html", HTML, "image/png"),
    ],
)
def test_images_that_are_not_images_are_refused(editor_client, name, content, content_type):
    response = upload_image(editor_client, name, content, content_type)
    assert response.status_code == 200  # the form again, with an error
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2_000)
def test_oversized_images_are_refused(editor_client):
    response = upload_image(editor_client, "lon.png", png((256, 256)))
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("setup.exe", EXE), ("trang.html", HTML), ("anh.svg", SVG), ("trang.htm", HTML), ("script.js", b"alert(1)")],
)
def test_documents_of_dangerous_types_are_refused(editor_client, name, content):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1_000)
def test_oversized_documents_are_refused(editor_client):
    response = upload_document(editor_client, "bao-cao.pdf", b"%PDF-1.4\n" + b"0" * 2_000)
    assert response.status_code == 200 and response.context["form"].errors["file"]


@pytest.mark.parametrize(
    ("name", "content"), [("virus.pdf", EXE), ("ghi-chu.txt", HTML), ("bang.xlsx", HTML), ("nen.zip", SVG)]
)
def test_accepted_documents_are_never_rendered_by_the_browser(editor_client, anonymous_client, name, content):
    """A renamed executable or markup in an allowed extension downloads as a file; nothing runs in our origin."""
    assert upload_document(editor_client, name, content).status_code == 302
    document = get_document_model().objects.get(title=name)
    response = anonymous_client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "text/html" not in response["Content-Type"] and "svg" not in response["Content-Type"]
    if not response["Content-Type"].startswith("application/pdf"):
        assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"  # Wagtail's own, stricter than ours


def test_image_with_too_many_pixels_is_refused_with_a_clear_message(editor_client):
    # 11,000 × 11,000 = 121 megapixels in about 15 KB: a rendition of it takes seconds and gigabytes.
    buffer = io.BytesIO()
    PILImage.new("1", (11_000, 11_000)).save(buffer, "PNG", optimize=True)
    assert len(buffer.getvalue()) < 100_000
    response = upload_image(editor_client, "bom-diem-anh.png", buffer.getvalue())
    assert response.status_code == 200
    (message,) = response.context["form"].errors["file"]
    assert "Ảnh quá lớn: 121000000 điểm ảnh, tối đa 80000000" in message
    assert not get_image_model().objects.exists()


def test_a_real_photo_size_is_accepted(editor_client):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8_000, 6_000)).save(buffer, "JPEG", quality=30)  # 48 MP, as a phone takes
    assert upload_image(editor_client, "anh-dien-thoai.jpg", buffer.getvalue(), "image/jpeg").status_code == 302
