"""Benchmark, not a test (not collected by default): the editor's publish request with and without webhook
receivers, and where a dead receiver's cost goes (the worker).

    .venv/bin/pytest tests/bench_webhooks.py -s -q --reuse-db

Receivers: none; a healthy one (200); a refused port; a black hole (accepts the connection, never answers,
so the worker waits WEBHOOK_TIMEOUT_SECONDS). Each publish goes through the admin's edit view.
"""

import os
import socket
import statistics
import time

import pytest

from cms.webhooks.models import WebhookEndpoint
from cms.webhooks.sender import send_due
from tests.test_webhooks import PORT, draft_article, endpoint_for, publish_in_admin, start_receiver

pytestmark = pytest.mark.django_db

ROUNDS = int(os.environ.get("WEBHOOK_BENCH_ROUNDS", "15"))
BLACK_HOLE_PORT = PORT + 3


def test_publish_request_time(client, django_user_model, news_index, django_capture_on_commit_callbacks):
    client.force_login(django_user_model.objects.create_superuser("quan-tri", "q@example.vn", "pw-Strong-123"))
    healthy = start_receiver(PORT, 200)
    black_hole = socket.socket()
    black_hole.bind(("127.0.0.1", BLACK_HOLE_PORT))
    black_hole.listen(64)
    warm = draft_article(news_index, "Khởi động", "khoi-dong")
    publish_in_admin(client, warm, django_capture_on_commit_callbacks)
    results = {}
    try:
        for label, port in [
            ("no endpoint", None),
            ("healthy receiver", PORT),
            ("refused port", PORT + 2),
            ("black hole (never answers)", BLACK_HOLE_PORT),
        ]:
            WebhookEndpoint.objects.all().delete()
            if port:
                endpoint_for(port)
            times = []
            for n in range(ROUNDS):
                page = draft_article(news_index, f"Tin {label} {n}", f"tin-{port}-{n}")
                start = time.perf_counter()
                publish_in_admin(client, page, django_capture_on_commit_callbacks)
                times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            worker_round = send_due(limit=1) if port else {}
            worker_ms = (time.perf_counter() - start) * 1000
            results[label] = (statistics.median(times), max(times), worker_ms, worker_round)
    finally:
        healthy.shutdown()
        healthy.server_close()
        black_hole.close()
    print(f"\nPublish request through the admin, {ROUNDS} rounds each (ms):")
    print("| receiver | median | max | one worker send (ms) |")
    print("| --- | ---: | ---: | ---: |")
    for label, (median, worst, worker_ms, worker_round) in results.items():
        print(f"| {label} | {median:.0f} | {worst:.0f} | {worker_ms:.0f} {worker_round} |")
