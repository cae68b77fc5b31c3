"""No column types: the dummy backend cannot create tables."""

from django_legacy.db.backends.ansi.sql import SchemaBuilder

DATA_TYPES = {}

builder = SchemaBuilder()
