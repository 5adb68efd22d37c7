"""Topic proposals have no URLs outside the page tree: `TopicProposalIndexPage` routes its own
(RoutablePageMixin: the listing, /propose/, /<id>/, /<id>/edit/, /<id>/support/, /<id>/comment/)."""

urlpatterns: list = []
