"""Generated demo media: landscape-like banner images and small valid PDF files; the collection they go to."""

import io
import random
from contextlib import contextmanager

from django.db.models.signals import pre_save
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtailmedia import get_media_model


@contextmanager
def filed_in(collection: Collection):
    """Every image, document and video the demo creates meanwhile goes into ``collection`` (a portal's, which
    create_portal makes), not the root one: a commune's editors choose media from their portal's collection only.
    One place for the many demo loaders that create media (cms/*/demo.py), none of which names a collection."""

    def file(sender, instance, **kwargs):
        if instance._state.adding and (instance.collection_id is None or instance.collection.is_root()):
            instance.collection = collection

    models = (get_image_model(), get_document_model(), get_media_model())
    for model in models:
        pre_save.connect(file, sender=model, weak=False, dispatch_uid=f"demo-media-{model._meta.label}")
    try:
        yield
    finally:
        for model in models:
            pre_save.disconnect(sender=model, dispatch_uid=f"demo-media-{model._meta.label}")


def banner_image(colors: tuple[tuple[int, int, int], tuple[int, int, int]], seed: int, size=(1600, 600)) -> bytes:
    """A sky gradient with rolling hills, deterministic for a given seed."""
    width, height = size
    top, bottom = colors
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        ratio = y / height
        color = tuple(int(top[i] * (1 - ratio) + bottom[i] * ratio) for i in range(3))
        draw.line([(0, y), (width, y)], fill=color)
    rng = random.Random(seed)  # noqa: S311 - deterministic artwork, not security
    for layer in range(3):
        base = int(height * (0.55 + layer * 0.13))
        shade = tuple(max(0, int(c * (0.55 - layer * 0.12))) for c in top)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randint(0, 90)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def pdf_document(lines: list[str]) -> bytes:
    """A one-page PDF with the given ASCII lines (enough for a demo attachment)."""
    text_ops = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    for line in lines:
        safe = line.encode("ascii", "replace").decode().replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text_ops.append(f"({safe}) '")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()
