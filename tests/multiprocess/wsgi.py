"""The portal's WSGI application, each answer marked with the worker's process id (tests only)."""

import os

from cms.wsgi import application as portal


def application(environ, start_response):
    def start(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Worker", str(os.getpid()))], exc_info)

    return portal(environ, start)
