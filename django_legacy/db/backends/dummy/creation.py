"""No column types: the dummy backend cannot create tables."""

from django_legacy.db.backends.ansi.sql import SchemaBuilder

DATA_TYPES = {}

builder = SchemaBuilder()  # a template: never changed, only bound
get_builder = builder.bind  # get_builder(connection_info) -> a new bound builder

from django_legacy.db.backends.dummy.base import complain as create_test_db  # noqa: E402

destroy_test_db = create_test_db
