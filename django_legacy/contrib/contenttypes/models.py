"""ContentType and its manager (rebuilds django/contrib/contenttypes/models.py of 0.96).

ContentType is an ordinary model: its rows live on its own connection,
the default one unless OTHER_DATABASES places the ``contenttypes`` app
elsewhere. One table describes every model of the project, whatever
connection the model itself uses (see docs/fidelity.txt).
"""

import weakref

from django_legacy.db import models
from django_legacy.db.models import signals
from django_legacy.dispatch import dispatcher


class ContentTypeManager(models.Manager):
    """Finds (and creates when missing) the ContentType of a model, and
    keeps each one it has read.

    The cache is kept per connection wrapper of ContentType (so per thread,
    and a new test database starts with an empty one) and is emptied when
    ``post_syncdb`` is sent (syncdb and flush send it), since a flush
    removes the rows and their ids."""

    # DatabaseWrapper of ContentType's connection -> {(app_label, model): ContentType}
    _caches = weakref.WeakKeyDictionary()

    def _cache(self):
        wrapper = self.db.connection
        cache = self._caches.get(wrapper)
        if cache is None:
            cache = self._caches[wrapper] = {}
        return cache

    def get_for_model(self, model):
        "Returns the ContentType of ``model`` (a class or an instance), creating it if needed."
        opts = model._meta
        key = (opts.app_label, opts.object_name.lower())
        cache = self._cache()
        found = cache.get(key)
        if found is None:
            found, created = self.get_or_create(
                app_label=key[0], model=key[1], defaults={'name': str(opts.verbose_name)})
            cache[key] = cache[found.id] = found
        return found

    def get_for_id(self, id):
        """Returns the ContentType with this id, read once. (New: 0.96 read
        it through the foreign key each time.)"""
        cache = self._cache()
        found = cache.get(id)
        if found is None:
            found = self.get(pk=id)
            cache[id] = cache[(found.app_label, found.model)] = found
        return found

    def clear_cache(self):
        "Forgets every ContentType read, on every connection."
        self._caches.clear()


class ContentType(models.Model):
    name = models.CharField(maxlength=100)
    app_label = models.CharField(maxlength=100)
    model = models.CharField('python model class name', maxlength=100)
    objects = ContentTypeManager()

    class Meta:
        verbose_name = 'content type'
        verbose_name_plural = 'content types'
        db_table = 'django_content_type'
        ordering = ('name',)
        unique_together = (('app_label', 'model'),)

    def __str__(self):
        return self.name

    def model_class(self):
        "Returns the model class this type describes (None if it is not installed)."
        return models.get_model(self.app_label, self.model)

    def get_object_for_this_type(self, **kwargs):
        """Returns the object of this type that matches ``kwargs``, read on
        that model's own connection; raises its DoesNotExist."""
        return self.model_class()._default_manager.get(**kwargs)


def _forget_content_types(**kwargs):
    ContentType.objects.clear_cache()


dispatcher.connect(_forget_content_types, signal=signals.post_syncdb)
