"""Files from NukeViet's ``uploads`` folder (read-only) as Wagtail images and documents, one per distinct content."""

import hashlib
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.nukeviet.models import ImportedObject
from cms.portals.models import Portal

COLLECTION_NAME = "Nhập từ NukeViet"
UPLOADS_TABLE = "uploads"  # ImportedObject.source_table of files; source_id is the path under uploads/


def file_digest(path: Path) -> str:
    digest = hashlib.sha1()  # noqa: S324 - Wagtail's own file_hash is SHA-1; used to find duplicates, not to sign
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def uploads_path(reference: str, module: str = "") -> str | None:
    """The path under ``uploads/`` a NukeViet reference points at, or None for other hosts' URLs.

    Bodies use ``/uploads/news/2024_05/a.jpg`` (or a full URL on the old site); the ``files`` and
    ``homeimgfile`` columns hold paths relative to ``uploads/<module>/``.
    """
    reference = (reference or "").strip()
    if not reference or reference.startswith("data:"):
        return None
    url = urlparse(reference)
    path = unquote(url.path)
    if url.scheme or url.netloc or path.startswith("/"):
        marker = path.find("/uploads/")
        if marker < 0:
            return None
        path = path[marker + len("/uploads/") :]
    elif module:
        path = f"{module}/{path}"
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None  # never read outside the uploads folder
    return "/".join(parts)


class MediaImporter:
    """Finds, deduplicates and stores files; reports the missing ones. Never raises for a bad file."""

    def __init__(self, uploads_dir: str | None, report, dry_run: bool = False, site=None):
        self.site = site
        self.root = Path(uploads_dir).resolve() if uploads_dir else None
        self.report = report
        self.dry_run = dry_run
        self.Image = get_image_model()
        self.Document = get_document_model()
        self._by_path: dict[tuple[str, str], int | None] = {}
        self._collection = None

    @property
    def collection(self):
        """ "Nhập từ NukeViet" inside the portal's own collection (its editors' only one), else at the root."""
        if self._collection is None:
            portal = Portal.objects.filter(site=self.site).select_related("collection").first() if self.site else None
            parent = portal.collection if portal and portal.collection else Collection.get_first_root_node()
            self._collection = parent.get_children().filter(name=COLLECTION_NAME).first() or parent.add_child(
                name=COLLECTION_NAME
            )
        return self._collection

    def _local(self, relative: str, where: str) -> Path | None:
        if self.root is None:
            self.report.missing(relative, f"{where}; no --uploads folder given")
            return None
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            self.report.missing(relative, where)
            return None
        return path

    def image(self, relative: str, title: str, where: str) -> int | None:
        return self._get("image", relative, title, where)

    def document(self, relative: str, title: str, where: str) -> int | None:
        return self._get("document", relative, title, where)

    def _get(self, kind: str, relative: str, title: str, where: str) -> int | None:
        key = (kind, relative)
        if key not in self._by_path:
            self._by_path[key] = self._load(kind, relative, title, where)
        return self._by_path[key]

    def _load(self, kind: str, relative: str, title: str, where: str) -> int | None:
        path = self._local(relative, where)
        if path is None:
            return None
        model = self.Image if kind == "image" else self.Document
        stat = path.stat()
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
        source_id = f"{kind}:{relative}"[:255]
        imported = ImportedObject.objects.filter(site=self.site)
        known = imported.filter(source_table=UPLOADS_TABLE, source_id=source_id).first()
        if known and known.fingerprint == stamp and model.objects.filter(pk=known.object_id).exists():
            self.report.count(kind, "unchanged")
            return known.object_id
        digest = file_digest(path)
        # Deduplicated within this import's collection: another portal's copy is not visible to its editors.
        # (A dry run creates no collection, so it looks in all of them.)
        candidates = model.objects.filter(file_hash=digest)
        if not self.dry_run:
            candidates = candidates.filter(collection=self.collection)
        existing = candidates.values_list("pk", flat=True).first()
        if existing is None and kind == "image" and not self._is_image(path, where):
            return None
        if self.dry_run:
            self.report.count(kind, "unchanged" if existing else "created")
            return existing or 0
        if existing is None:
            existing = self._store(model, kind, path, title or path.name, digest, stat.st_size)
            self.report.count(kind, "created")
        else:
            self.report.count(kind, "unchanged" if known else "deduplicated")
        ImportedObject.objects.update_or_create(
            site=self.site,
            source_table=UPLOADS_TABLE,
            source_id=source_id,
            defaults={
                "content_type": ContentType.objects.get_for_model(model),
                "object_id": existing,
                "fingerprint": stamp,
            },
        )
        return existing

    def _is_image(self, path: Path, where: str) -> bool:
        try:
            with PILImage.open(path) as picture:
                picture.verify()
            return True
        except Exception as error:  # noqa: BLE001 - Pillow raises many kinds for broken files
            self.report.warn(f"{where}: {path.name} is not a readable image ({error.__class__.__name__})")
            return False

    def _store(self, model, kind: str, path: Path, title: str, digest: str, size: int) -> int:
        with path.open("rb") as handle:
            wrapper = ImageFile if kind == "image" else File
            obj = model(title=title[:255], collection=self.collection, file_hash=digest, file_size=size)
            obj.file.save(os.path.basename(path), wrapper(handle, name=path.name), save=False)
            obj.save()
        return obj.pk
