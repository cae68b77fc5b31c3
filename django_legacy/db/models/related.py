"""The far side of a relation, seen from the model it points to (rebuilds django/db/models/related.py)."""


class RelatedObject:
    """``model.field`` points at ``parent_model``.

    ``get_accessor_name()`` is the attribute on ``parent_model`` that reaches
    back (``opus_set``, or the field's related_name); ``query_names`` are the
    names a lookup on ``parent_model`` may use to cross the relation.
    """

    def __init__(self, parent_model, model, field):
        self.parent_model = parent_model
        self.model = model
        self.opts = model._meta
        self.field = field
        self.name = '%s:%s' % (self.opts.app_label, self.opts.module_name)
        self.var_name = self.opts.object_name.lower()

    def __repr__(self):
        return '<RelatedObject: %s related to %s>' % (self.name, self.field.name)

    @property
    def is_many_to_many(self):
        return self.field.rel.multiple_targets

    def get_accessor_name(self):
        if self.field.rel.related_name:
            return self.field.rel.related_name
        if getattr(self.field.rel, 'single_object', False):
            return self.var_name
        return self.var_name + '_set'

    @property
    def query_names(self):
        names = [self.var_name]
        if self.field.rel.related_name:
            names.insert(0, self.field.rel.related_name)
        return names
