"""Wagtail admin for members (registered through community.wagtail_hooks)."""
