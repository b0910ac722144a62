"""One scenario per locust run: every simulated reader GETs ``BENCH_PATH`` back to back."""

import os

from locust import FastHttpUser, constant, task

PATH = os.environ.get("BENCH_PATH", "/healthz")
# A scenario's Host and Cookie headers (bench/run.py: a commune portal, a logged-in editor).
HEADERS = {
    name: value
    for name, value in (("Host", os.environ.get("BENCH_HOST", "")), ("Cookie", os.environ.get("BENCH_COOKIE", "")))
    if value
}


class Reader(FastHttpUser):
    wait_time = constant(0)

    @task
    def read(self):
        self.client.get(PATH, name="scenario", headers=HEADERS)
