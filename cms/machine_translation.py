"""One machine translator for wagtail-localize that routes each target language to a service.

wagtail-localize takes a single machine translator; no single service covers the Panel's ten
languages well. `RoutingTranslator` holds several (configured from the environment in
`cms/settings/env.py`) and picks one per target language. The service that pre-filled a segment is
recorded on it: wagtail-localize stores the translator's `display_name` as the segment's
`tool_name`, and this router sets it to the chosen service for each call.

Machine output lands as "machine" translations in the translation editor; publishing still needs a
user with publish permission (moderators), after a translator has reviewed it.
"""

from __future__ import annotations

from django.utils.module_loading import import_string
from wagtail_localize.machine_translators.base import BaseMachineTranslator

DEFAULT_ROUTE = "*"


class RoutingTranslator(BaseMachineTranslator):
    display_name = "Machine translation"

    def __init__(self, options: dict):
        super().__init__(options)
        self.translators = {
            name: import_string(config["CLASS"])(config.get("OPTIONS", {}))
            for name, config in options["TRANSLATORS"].items()
        }
        self.routes: dict[str, str] = options.get("ROUTES", {})

    def service_for(self, target_locale) -> BaseMachineTranslator | None:
        code = target_locale.language_code
        name = self.routes.get(code) or self.routes.get(code.split("-")[0]) or self.routes.get(DEFAULT_ROUTE)
        if name is None and len(self.translators) == 1:
            name = next(iter(self.translators))
        return self.translators.get(name) if name else None

    def can_translate(self, source_locale, target_locale) -> bool:
        service = self.service_for(target_locale)
        return service is not None and service.can_translate(source_locale, target_locale)

    def translate(self, source_locale, target_locale, strings):
        service = self.service_for(target_locale)
        if service is None:
            return {}
        # Read back by wagtail-localize as each segment's tool_name.
        self.display_name = str(service.display_name)
        return service.translate(source_locale, target_locale, strings)
