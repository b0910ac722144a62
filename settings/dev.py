"""Local development: DEBUG on, a fixed throw-away secret unless one is given."""

from settings import env
from settings.base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", "*")
# Webhooks may go to private and loopback addresses here: a front end's receiver on this machine
# (127.0.0.1) while developing it. Production refuses them (cms/webhooks/network.py).
WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
