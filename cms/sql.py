"""SQL written by hand where Django's subquery expressions cost too much Python on every request.

`TableSQL` is a `Func` whose template names tables by placeholder (`%(pages)s`): `tables` maps each
placeholder to its model, quoted for the database when the query is compiled. Used by the
expressions every public page evaluates (`cms.models.pages.private_q`, the chrome's translation
notice in `cms.templatetags.cms_tags`; issue 17).
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Func


class TableSQL(Func):
    """A `Func` whose `template` names the tables of `tables` ({placeholder: model})."""

    tables: ClassVar[dict[str, type[models.Model]]] = {}

    def as_sql(self, compiler, connection, **extra_context):
        for placeholder, model in self.tables.items():
            extra_context.setdefault(placeholder, connection.ops.quote_name(model._meta.db_table))
        return super().as_sql(compiler, connection, **extra_context)
