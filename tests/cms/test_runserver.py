"""`manage.py runserver` (`make run`, the end-to-end tests' server): Django's, with TCP_NODELAY."""

from __future__ import annotations

import socket

from django.core.management import get_commands

from cms.management.commands.runserver import WSGIServer


def test_runserver_is_the_projects_command():
    assert get_commands()["runserver"] == "cms"


def test_the_server_sends_without_waiting_for_the_clients_acknowledgement():
    """Nagle's algorithm off on every accepted connection, so a response's body does not wait up
    to 40 ms behind its headers on a kept-alive connection."""
    server = WSGIServer(("127.0.0.1", 0), None, ipv6=False)
    try:
        with socket.create_connection(("127.0.0.1", server.server_port)):
            connection, _address = server.get_request()
            with connection:
                assert connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        server.server_close()
