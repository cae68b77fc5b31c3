"""
8. The latest object: ``get_latest_by`` and ``latest()``

A model whose Meta names a date field in ``get_latest_by`` can ask its
manager (or any of its querysets) for the ``latest()`` object: the one whose
date lies furthest in the future. ``latest('field')`` names the field for one
call, and works on any model.
"""

from django_legacy.db import models


class Bulletin(models.Model):
    title = models.CharField(maxlength=100)
    issued = models.DateField()
    withdrawn = models.DateField()

    class Meta:
        get_latest_by = 'issued'

    def __str__(self):
        return self.title


class Musician(models.Model):
    # No get_latest_by here: latest() needs a field name.
    name = models.CharField(maxlength=40)
    born = models.DateField()

    def __str__(self):
        return self.name


__test__ = {'API_TESTS': """
# With no bulletins at all there is no latest one.
>>> Bulletin.objects.latest()
Traceback (most recent call last):
    ...
DoesNotExist: Bulletin matching query does not exist.

>>> from datetime import date
>>> Bulletin(title='Frost warning', issued=date(2006, 1, 10), withdrawn=date(2006, 3, 1)).save()
>>> Bulletin(title='Flood watch', issued=date(2006, 1, 12), withdrawn=date(2006, 1, 13)).save()
>>> Bulletin(title='Road closure', issued=date(2006, 1, 12), withdrawn=date(2006, 2, 20)).save()
>>> Bulletin(title='Heat advisory', issued=date(2006, 1, 15), withdrawn=date(2006, 1, 18)).save()

# The latest by get_latest_by...
>>> Bulletin.objects.latest()
<Bulletin: Heat advisory>

# ... also among the objects a filter leaves.
>>> Bulletin.objects.filter(issued__lt=date(2006, 1, 12)).latest()
<Bulletin: Frost warning>

# A field name given to latest() wins over get_latest_by.
>>> Bulletin.objects.latest('withdrawn')
<Bulletin: Frost warning>
>>> Bulletin.objects.filter(issued__gt=date(2006, 1, 10)).latest('withdrawn')
<Bulletin: Road closure>

# A sliced queryset cannot be reordered for latest().
>>> Bulletin.objects.all()[:2].latest()
Traceback (most recent call last):
    ...
AssertionError: Cannot change a query once a slice has been taken.

# A model without get_latest_by must name the field.
>>> Musician(name='Nina', born=date(1933, 2, 21)).save()
>>> Musician(name='Miles', born=date(1926, 5, 26)).save()
>>> Musician.objects.latest()
Traceback (most recent call last):
    ...
AssertionError: latest() requires either a field_name parameter or 'get_latest_by' in the model
>>> Musician.objects.latest('born')
<Musician: Nina>
"""}
