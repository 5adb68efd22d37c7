"""The ready-to-post texts of a share kit, each within its network's limit, in any language.

Limits are counted the way each network counts them:

* X: 280 in its weighted count (twitter-text v3): Latin, Cyrillic, Devanagari, Bengali, Arabic and
  the other scripts below U+1100 weigh 1, Chinese, Japanese, Korean and emoji weigh 2, and every
  link weighs 23 whatever its length;
* Bluesky: 300 graphemes (a Devanagari conjunct with its vowel sign is one), the link included;
* LinkedIn: 3,000 characters; WhatsApp: 65,536; e-mail: no limit, a subject of at most 120.

An editor's text that would not fit once the link is added is refused in the admin
(`ShareKit.clean`); a default drawn from the summary is shortened at a word with "…".
"""

from __future__ import annotations

import regex
from django.utils.html import strip_tags
from django.utils.text import Truncator

from cms.links import absolute_url

LIMITS = {"x": 280, "bluesky": 300, "linkedin": 3000, "whatsapp": 65536, "email": 100_000}
EMAIL_SUBJECT_LIMIT = 120
X_LINK_WEIGHT = 23
# twitter-text v3: code points in these ranges weigh 1, every other one 2.
X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
EDITOR_FIELDS = {
    "x": "x_text",
    "bluesky": "bluesky_text",
    "linkedin": "linkedin_text",
    "whatsapp": "whatsapp_text",
    "email": "email_body",
}
# The longest short link we hand out (`/s/` and a 10-character code), for checking editors' texts.
LINK_PLACEHOLDER = absolute_url("/s/xxxxxxxxxx/")
URL = regex.compile(r"https?://\S+")
ELLIPSIS = "…"


def graphemes(text: str) -> int:
    return len(regex.findall(r"\X", text))


def x_length(text: str) -> int:
    """The length X counts: weighted characters, each link 23."""
    length = 0
    for part in URL.split(text):
        for char in part:
            code = ord(char)
            length += 1 if any(low <= code <= high for low, high in X_LIGHT_RANGES) else 2
    return length + X_LINK_WEIGHT * len(URL.findall(text))


def network_length(network: str, text: str) -> int:
    if network == "x":
        return x_length(text)
    if network == "bluesky":
        return graphemes(text)
    return len(text)


def with_link(body: str, link: str) -> str:
    return f"{body}\n\n{link}" if body else link


def fits(network: str, body: str, link: str = LINK_PLACEHOLDER) -> bool:
    return network_length(network, with_link(body, link)) <= LIMITS[network]


def shorten_to_fit(network: str, body: str, link: str) -> str:
    """`body` with the link, shortened (at a word where there are spaces, with "…") until the whole
    fits the network."""
    body = " ".join(body.split()) if network in ("x", "bluesky") else body.strip()
    if fits(network, body, link):
        return with_link(body, link)
    low, high = 0, len(body)
    # The longest prefix that fits with its ellipsis: a binary search over characters.
    while low < high:
        middle = (low + high + 1) // 2
        if fits(network, body[:middle].rstrip() + ELLIPSIS, link):
            low = middle
        else:
            high = middle - 1
    prefix = body[:low]
    # Back to the last space if it is not far (Chinese has none: any character may end a line).
    if low < len(body) and not body[low].isspace() and " " in prefix[len(prefix) * 2 // 3 :]:
        prefix = prefix.rsplit(" ", 1)[0]
    shortened = prefix.rstrip(" ,;:-–—") + ELLIPSIS if prefix.strip() else ""
    return with_link(shortened, link)


def plain(value) -> str:
    """Text from a field that may be rich text."""
    return " ".join(strip_tags(str(value or "")).split())


def kit_texts(page, kit, links: dict[str, str]) -> tuple[str, dict[str, dict]]:
    """The key message and, per network, the text to post (with that network's link) and its
    length against the limit.

    `kit` is the editors' `ShareKit` for this page or None; `links` maps each network to the
    short link handed out for it.
    """
    title = page.share_title()
    summary = page.share_summary()
    key_message = (kit and kit.key_message) or summary or title
    bodies = {
        "x": (kit and kit.x_text) or key_message,
        "bluesky": (kit and kit.bluesky_text) or key_message,
        "linkedin": (kit and kit.linkedin_text) or f"{title}\n\n{key_message}",
        "whatsapp": (kit and kit.whatsapp_text) or f"{title}: {key_message}",
        "email": (kit and kit.email_body) or key_message,
    }
    result = {}
    for network, body in bodies.items():
        text = shorten_to_fit(network, body, links[network])
        result[network] = {
            "text": text,
            "length": network_length(network, text),
            "limit": LIMITS[network],
        }
    subject = (kit and kit.email_subject) or title
    result["email"]["subject"] = Truncator(subject).chars(EMAIL_SUBJECT_LIMIT, truncate=ELLIPSIS)
    return key_message, result
