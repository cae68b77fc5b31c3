"""
33. get_or_create()

A harbour register uses ``get_or_create()``: it fetches the row the lookups
match, or saves a new one built from the lookups plus ``defaults``, and
answers with the pair ``(object, created)``.
"""

from datetime import date

from django_legacy.db import models


class Ship(models.Model):
    name = models.CharField(maxlength=100)
    home_port = models.CharField(maxlength=100)
    launched = models.DateField()

    def __str__(self):
        return '%s of %s' % (self.name, self.home_port)


__test__ = {'API_TESTS': """
# The register starts with a single ship.
>>> Ship(name='Marigold', home_port='Whitby', launched=date(1921, 4, 18)).save()
>>> Ship.objects.count()
1

# Asking for that ship finds the row already there; nothing new is saved.
>>> ship, created = Ship.objects.get_or_create(name='Marigold', home_port='Whitby',
...                                            defaults={'launched': date(1921, 4, 18)})
>>> created
False
>>> Ship.objects.count()
1

# Lookups with a double underscore match rows; they need not be field values.
>>> ship, created = Ship.objects.get_or_create(name__iexact='MARIGOLD', home_port='Whitby',
...                                            defaults={'launched': date(1921, 4, 18)})
>>> created, ship
(False, <Ship: Marigold of Whitby>)

# A ship not on the register is saved, its launch date taken from defaults.
>>> ship, created = Ship.objects.get_or_create(name='Puffin', home_port='Oban',
...                                            defaults={'launched': date(1934, 7, 2)})
>>> created
True
>>> Ship.objects.count()
2
>>> Ship.objects.get(name='Puffin').launched
datetime.date(1934, 7, 2)

# The same call a second time finds it.
>>> ship, created = Ship.objects.get_or_create(name='Puffin', home_port='Oban',
...                                            defaults={'launched': date(1934, 7, 2)})
>>> created
False
>>> Ship.objects.count()
2

# With two ships of one name, get() reports the count and the lookups.
>>> Ship(name='Puffin', home_port='Wick', launched=date(1950, 11, 30)).save()
>>> Ship.objects.get(name='Puffin')
Traceback (most recent call last):
    ...
MultipleObjectsReturned: get() returned more than one Ship -- it returned 2! Lookup parameters were {'name': 'Puffin'}
"""}
