"""Model signals (rebuilds django/db/models/signals.py)."""

class_prepared = object()
pre_init = object()
post_init = object()
pre_save = object()
post_save = object()
pre_delete = object()
post_delete = object()
# Sent for each installed app after syncdb created tables and after flush
# emptied them: sender=app module, app, created_models, verbosity, interactive.
post_syncdb = object()
