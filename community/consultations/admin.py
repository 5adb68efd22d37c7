"""Wagtail admin for consultations (registered through community.wagtail_hooks)."""
