"""The far side of a relation, seen from the model it points to (rebuilds django/db/models/related.py)."""


class RelatedObject:
    """``model.field`` points at ``parent_model``.

    ``get_accessor_name()`` is the attribute on ``parent_model`` that reaches
    back (``opus_set``, or the field's related_name); ``query_name`` is the
    name a lookup on ``parent_model`` uses to cross the relation.
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
    def query_name(self):
        "The related_name if the field has one (it replaces the default), else the model's name."
        return self.field.rel.related_name or self.var_name
