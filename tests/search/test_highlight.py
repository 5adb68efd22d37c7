"""Snippets of long texts (`search.highlight.snippet`): the text is read only as far as the snippet
needs, with the same result as reading it all."""

from __future__ import annotations

from search.highlight import SCAN_LIMIT, snippet

FILLER = "Cooperatives share their tools and their accounts every season. "


def test_a_match_deep_in_a_long_text_is_marked_with_context_on_both_sides():
    text = FILLER * 200 + "The plovdrums of Varna keep the harbour open. " + FILLER * 200
    shown = snippet(text, ["plovdrums"], "en")
    assert shown.startswith("… ") and shown.endswith(" …")
    assert "<mark>plovdrums</mark> of Varna keep the harbour open." in shown
    assert shown.count("<mark>") == 1


def test_every_match_inside_the_snippet_is_marked_and_none_outside():
    text = FILLER * 50 + "Plovdrums here, plovdrums there, and more plovdrums. " + FILLER * 50 + "plovdrums"
    shown = snippet(text, ["plovdrums"], "en")
    assert shown.count("<mark>") == 3


def test_a_match_beyond_the_scanned_part_shows_the_start_unmarked():
    text = FILLER * (SCAN_LIMIT // len(FILLER) + 10) + "plovdrums"
    shown = snippet(text, ["plovdrums"], "en")
    assert shown.startswith("Cooperatives share") and shown.endswith(" …") and "<mark>" not in shown


def test_chinese_words_are_marked_across_the_characters_read_last():
    text = "合作社" * 2000 + "社会流动"
    shown = snippet(text, ["社会", "流动"], "zh-hans")
    assert shown.endswith("<mark>社会流动</mark>")
