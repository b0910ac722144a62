"""The listing's remembered bodies (cms/api/streams.py) never outlive what the publication rule would hide.

This process answers the API listing; the editor's process of tests/test_visibility_processes.py
(tests/multiprocess/writer.py) unpublishes a page, restricts another, expires a third and moves an image into a
restricted collection, all of them shown only inside another article's body. That article is not touched: its
remembered body is keyed by the content generation, which the writer renews through the file both processes
read (the embedded default, no Redis), and nothing else.
"""

import json
import subprocess
import sys

import pytest

from news.models import NewsPage
from tests import factories
from tests import test_visibility_processes as processes
from tests.test_visibility_processes import content  # noqa: F401 - fixture used by name

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("rewarm_content_types"),
]

LISTING = "/api/v2/pages/?type=news.NewsPage&fields=body&limit=50"


def _body(client, pk) -> list:
    items = client.get(LISTING).json()["items"]
    return next(item["body"] for item in items if item["id"] == pk)


def _shown(body, objects) -> set:
    """Which of the four hidden objects the body shows (a link's href, the image)."""
    pages, image = objects["pages"], objects["image"]
    text = json.dumps(body)
    shown = {name for name in ("unpublish", "restrict", "expire") if f"/{pages[name].slug}/" in text}
    images = [block["value"]["image"] for block in body if block["type"] == "image"]
    if any(value and value.get("id") == image.pk for value in images):
        shown.add("image")
    return shown


def test_a_remembered_body_loses_what_another_process_hides(client, content, settings, tmp_path):  # noqa: F811
    env = processes._environment(tmp_path, None)
    settings.CONTENT_GENERATION_FILE = env["CONTENT_GENERATION_FILE"]  # the writer's stamp
    settings.API_CACHE_SECONDS = 0  # the uncached listing: no response cache in front of the bodies
    settings.PAGE_CACHE_ENABLED = False
    pages, image = content["pages"], content["image"]
    links = " ".join(f'<a linktype="page" id="{pages[name].pk}">{name}</a>' for name in ("unpublish", "restrict"))
    article = factories.NewsPageFactory(
        parent=pages["unpublish"].get_parent(),
        title="Bài tổng hợp",
        body=[
            {"type": "paragraph", "value": f'<p>{links} <a linktype="page" id="{pages["expire"].pk}">x</a></p>'},
            {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": "Ảnh", "credit": ""}},
        ],
    )
    article.save_revision().publish()
    everything = {"unpublish", "restrict", "expire", "image"}
    _body(client, article.pk)  # the first answer may write defaults (portal settings)
    shown = _body(client, article.pk)
    assert _shown(shown, content) == everything

    # Remembered: a body changed behind the portal's back (no signal, no new generation) is not read again.
    NewsPage.objects.filter(pk=article.pk).update(body=[])
    assert _body(client, article.pk) == shown
    NewsPage.objects.filter(pk=article.pk).update(body=article.body)

    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.multiprocess.writer", json.dumps(content["writer_ids"])],
        cwd=processes.BASE_DIR,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        processes._tell(writer, "hide")
        assert _shown(_body(client, article.pk), content) == set()
        processes._tell(writer, "show")
        assert _body(client, article.pk) == shown
    finally:
        writer.stdin.close()
        writer.wait(timeout=30)
