"""One scenario per locust run: every simulated reader GETs ``BENCH_PATH`` back to back."""

import os

from locust import FastHttpUser, constant, task

PATH = os.environ.get("BENCH_PATH", "/healthz")


class Reader(FastHttpUser):
    wait_time = constant(0)

    @task
    def read(self):
        self.client.get(PATH, name="scenario")
