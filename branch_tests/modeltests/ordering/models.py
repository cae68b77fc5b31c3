"""
6. Specifying ordering

A model's ``Meta.ordering`` is the order its rows come back in unless a
query says otherwise with ``order_by()``. A leading minus sign turns a
field's order round, and a question mark asks for a shuffled order.
"""

from datetime import datetime

from django_legacy.db import models


class Concert(models.Model):
    title = models.CharField(maxlength=100)
    starts = models.DateTimeField()

    class Meta:
        # Latest first; concerts starting together go alphabetically.
        ordering = ('-starts', 'title')

    def __str__(self):
        return self.title


__test__ = {'API_TESTS': """
>>> for title, start in [('Harp at Dusk', datetime(2011, 6, 12, 19, 30)),
...                      ('Fugue Hour', datetime(2011, 6, 10, 20, 0)),
...                      ('Organ Vespers', datetime(2011, 6, 12, 19, 30)),
...                      ('Banjo Breakfast', datetime(2011, 6, 14, 8, 0))]:
...     Concert(title=title, starts=start).save()

# No order_by(): Meta.ordering decides, and the two 19:30 concerts tie on
# their start, so their titles settle it.
>>> Concert.objects.all()
[<Concert: Banjo Breakfast>, <Concert: Harp at Dusk>, <Concert: Organ Vespers>, <Concert: Fugue Hour>]

# order_by() takes the same kind of names and replaces Meta.ordering.
>>> Concert.objects.order_by('title')
[<Concert: Banjo Breakfast>, <Concert: Fugue Hour>, <Concert: Harp at Dusk>, <Concert: Organ Vespers>]
>>> Concert.objects.order_by('starts', '-title')
[<Concert: Fugue Hour>, <Concert: Organ Vespers>, <Concert: Harp at Dusk>, <Concert: Banjo Breakfast>]

# An upper bound alone keeps the first rows...
>>> Concert.objects.order_by('title')[:2]
[<Concert: Banjo Breakfast>, <Concert: Fugue Hour>]

# ...and a lower bound skips some first.
>>> Concert.objects.order_by('title')[1:3]
[<Concert: Fugue Hour>, <Concert: Harp at Dusk>]

# Slicing again cuts within the rows the first slice kept.
>>> Concert.objects.order_by('title')[1:3][1:]
[<Concert: Harp at Dusk>]

# A shuffled order still returns every row once.
>>> sorted(str(c) for c in Concert.objects.order_by('?'))
['Banjo Breakfast', 'Fugue Hour', 'Harp at Dusk', 'Organ Vespers']

# An unknown field name is refused, with the names that would do.
>>> Concert.objects.order_by('venue')
Traceback (most recent call last):
    ...
TypeError: Cannot order by 'venue': Concert has no field of that name. Choices are: id, starts, title
"""}
