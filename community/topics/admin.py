"""Wagtail admin for topics (registered through community.wagtail_hooks)."""
