"""Citizens' attachments: checked by their content, stored outside the public media, served to staff only.

A file is accepted when its bytes are a PDF, JPEG, PNG or DOCX that agrees with its name, it is within the
size limit, and it carries nothing active: no script, launch action or embedded file in a PDF, no macro or
oversized expansion in a DOCX, and an image Pillow can read. It is stored under a random name in
``PARTICIPATION_PRIVATE_ROOT`` (never under ``MEDIA_ROOT``, so no web server path reaches it); staff read it
through a permission-checked view that records who opened it.
"""

import io
import os
import uuid
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _
from PIL import Image

MAX_FILES = 3
# Extension of the name -> the content type its bytes must have.
ALLOWED = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
ACCEPT = ",".join(f".{extension}" for extension in ALLOWED)
PDF_ACTIVE = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/OpenAction", b"/AA", b"/RichMedia")
DOCX_MAX_EXPANDED = 50 * 1024 * 1024


def private_storage() -> FileSystemStorage:
    """Read per call (a callable ``storage``), so settings changed in tests or at deploy are honoured."""
    return FileSystemStorage(location=settings.PARTICIPATION_PRIVATE_ROOT, base_url=None)


def stored_name(instance, filename: str) -> str:
    """A random name: what the citizen called the file is kept apart, as text, never as a path."""
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    return f"questions/{uuid.uuid4().hex}.{extension if extension in ALLOWED else 'bin'}"


def _refuse(name: str, reason) -> ValidationError:
    return ValidationError(_("Tệp “%(name)s” không được nhận: %(reason)s") % {"name": name[:80], "reason": reason})


def _check_pdf(content: bytes, name: str) -> None:
    if any(marker in content for marker in PDF_ACTIVE):
        raise _refuse(name, _("tệp PDF chứa mã lệnh hoặc tệp nhúng."))


def _check_docx(content: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = archive.namelist()
            expanded = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise _refuse(name, _("tệp Word bị hỏng.")) from error
    if "word/document.xml" not in names:
        raise _refuse(name, _("không phải tệp Word."))
    if any(entry.lower().endswith((".bin", ".exe", ".js", ".vbs")) for entry in names):
        raise _refuse(name, _("tệp Word chứa macro hoặc tệp chạy được."))
    if expanded > DOCX_MAX_EXPANDED or len(names) > 1000:
        raise _refuse(name, _("tệp Word quá lớn khi giải nén."))


def _check_image(content: bytes, name: str) -> None:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except Exception as error:
        raise _refuse(name, _("ảnh bị hỏng.")) from error


def check(upload) -> str:
    """The verified content type of ``upload``; raises ValidationError with a message for the citizen."""
    name = os.path.basename(upload.name or "")
    limit = settings.PARTICIPATION_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise _refuse(name, _("lớn hơn %(mb)s MB.") % {"mb": limit // (1024 * 1024)})
    if not upload.size:
        raise _refuse(name, _("tệp rỗng."))
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    expected = ALLOWED.get(extension)
    if expected is None:
        raise _refuse(name, _("chỉ nhận tệp PDF, JPG, PNG hoặc DOCX."))
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    kind = filetype.guess(content[:8192])
    if kind is None or kind.mime != expected:
        raise _refuse(name, _("nội dung tệp không đúng với phần mở rộng “.%(ext)s”.") % {"ext": extension})
    if expected == "application/pdf":
        _check_pdf(content, name)
    elif expected.startswith("image/"):
        _check_image(content, name)
    else:
        _check_docx(content, name)
    return expected


def check_all(uploads) -> list[tuple[object, str]]:
    """(upload, content type) for each accepted file; one ValidationError listing every refusal."""
    if len(uploads) > MAX_FILES:
        raise ValidationError(_("Chỉ được gửi tối đa %(count)d tệp đính kèm.") % {"count": MAX_FILES})
    accepted, errors = [], []
    for upload in uploads:
        try:
            accepted.append((upload, check(upload)))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return accepted
