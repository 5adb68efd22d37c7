"""Language-aware search backends: thin subclasses of Wagtail's database and Elasticsearch backends.

`search.backends.database` (the default) and `search.backends.elasticsearch` (when
`ELASTICSEARCH_URL` is set) are what `WAGTAILSEARCH_BACKENDS` names; `Page.objects.search(q)` and
`.autocomplete(q)` go through them unchanged. See the README, section "Search".
"""
