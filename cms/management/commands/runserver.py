"""`manage.py runserver` (`make run`, the end-to-end tests' server) without Nagle's 40 ms stall.

Python's HTTP server writes a response's headers and its body in two sends. On a kept-alive
connection (a browser fetching a page's style sheets, scripts and fonts over its six), Nagle's
algorithm holds the body back until the client acknowledges the headers, which Linux delays by up
to 40 ms: every request after a connection's first took 43 ms instead of 3 (cpython issue 108736).
The server here sends each write at once (TCP_NODELAY), as gunicorn does; everything else is
Django's runserver (the staticfiles one, which this command replaces).
"""

from __future__ import annotations

import socket

from django.contrib.staticfiles.management.commands import runserver
from django.core.servers import basehttp


class WSGIServer(basehttp.WSGIServer):
    """Django's development server with TCP_NODELAY on every connection it accepts."""

    def get_request(self) -> tuple[socket.socket, tuple]:
        connection, address = super().get_request()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
        return connection, address


class Command(runserver.Command):
    server_cls = WSGIServer
