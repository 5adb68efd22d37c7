"""Reading the e-mails the e2e server wrote (file-based backend, in E2E_MAIL_DIR).

The e2e server is a separate process with its own database, so browser tests read confirmation
links where the server wrote its mail: tests/e2e/conftest.py starts it with EMAIL_FILE_PATH and
exports the same directory as E2E_MAIL_DIR.
"""

from __future__ import annotations

import email
import os
import re
import time
from email import policy
from pathlib import Path
from urllib.parse import urlparse

from tests.tooling import missing

# The file-based backend separates the messages of one connection with a line of 79 dashes.
SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def mail_dir() -> Path:
    directory = os.environ.get("E2E_MAIL_DIR")
    if not directory:
        missing(
            "E-mails cannot be read: E2E_MAIL_DIR is not set (tests/e2e/conftest.py must start the "
            "server with EMAIL_FILE_PATH and export the same directory as E2E_MAIL_DIR)"
        )
    return Path(directory)


def link_in_mail(address: str, pattern: re.Pattern[str], timeout: float = 15) -> str:
    """The path of the first link matching `pattern` in the latest e-mail to `address`."""
    directory = mail_dir()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(directory.glob("*.log"), key=lambda item: item.stat().st_mtime, reverse=True):
            for raw in path.read_bytes().split(SEPARATOR):
                message = email.message_from_bytes(raw.strip(), policy=policy.default)
                if message["To"] == address:
                    body = message.get_body(preferencelist=("plain",)).get_content()
                    match = pattern.search(body)
                    if match:
                        return urlparse(match[0]).path
        time.sleep(0.3)
    raise AssertionError(f"No e-mail to {address} with a link like {pattern.pattern} in {directory}")
