"""
22. Properties

A model may have Python properties. One without a setter cannot be
assigned; one with a setter can, even as a keyword of the constructor.
"""

from django_legacy.db import models


class Painter(models.Model):
    first_name = models.CharField(maxlength=30)
    last_name = models.CharField(maxlength=30)

    def _get_full_name(self):
        return '%s %s' % (self.first_name, self.last_name)

    def _set_full_name(self, full_name):
        self.first_name, self.last_name = full_name.split(' ', 1)

    full_name = property(_get_full_name)

    full_name_2 = property(_get_full_name, _set_full_name)


__test__ = {'API_TESTS': """
>>> p = Painter(first_name='Gwen', last_name='John')
>>> p.save()
>>> p.full_name
'Gwen John'

# full_name has no setter.
>>> p.full_name = 'Paula Rego'
Traceback (most recent call last):
    ...
AttributeError: ...

# full_name_2 has one, so the constructor accepts it.
>>> q = Painter(full_name_2='Paula Rego')
>>> q.save()
>>> q.first_name
'Paula'
>>> Painter.objects.get(last_name='Rego').full_name
'Paula Rego'
"""}
