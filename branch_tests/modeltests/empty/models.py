"""
39. A model with no fields

A model that declares nothing still gets its ``id`` and can be saved,
counted and saved again.
"""

from django_legacy.db import models


class Marker(models.Model):
    pass


__test__ = {'API_TESTS': """
>>> first = Marker()
>>> first.id
>>> first.save()
>>> second = Marker()
>>> second.save()
>>> len(Marker.objects.all())
2
>>> first.id is not None
True

# A new instance made from an existing key saves over that row.
>>> again = Marker(first.id)
>>> again.save()
>>> Marker.objects.count()
2
"""}
