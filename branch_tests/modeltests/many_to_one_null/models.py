"""
16. Foreign keys that may be empty

``ForeignKey(..., null=True)`` lets an object point at nothing. A ``Jar``
may stand on a ``Shelf``, or on none.
"""

from django_legacy.db import models


class Shelf(models.Model):
    label = models.CharField(maxlength=30)

    def __str__(self):
        return self.label


class Jar(models.Model):
    contents = models.CharField(maxlength=100)
    shelf = models.ForeignKey(Shelf, null=True)

    class Meta:
        ordering = ('contents',)

    def __str__(self):
        return self.contents


__test__ = {'API_TESTS': """
>>> top = Shelf(label='Top shelf')
>>> top.save()
>>> apricots = Jar(contents='Apricots', shelf=top)
>>> apricots.save()
>>> apricots.shelf.id
1
>>> apricots.shelf
<Shelf: Top shelf>

# The shelf reaches its jars, and can make new ones on itself.
>>> top = apricots.shelf
>>> beans = top.jar_set.create(contents='Beans')
>>> beans
<Jar: Beans>
>>> beans.shelf.id
1
>>> top.jar_set.all()
[<Jar: Apricots>, <Jar: Beans>]
>>> top.jar_set.filter(contents__startswith='Apr')
[<Jar: Apricots>]
>>> top.jar_set.count()
2

# A jar on no shelf: shelf=None.
>>> cherries = Jar(contents='Cherries', shelf=None)
>>> cherries.save()
>>> cherries.id
3
>>> print(cherries.shelf)
None

# Fetched again, its shelf is still None, which has no attributes.
>>> cherries = Jar.objects.get(pk=3)
>>> print(cherries.shelf.id)
Traceback (most recent call last):
    ...
AttributeError: 'NoneType' object has no attribute 'id'
>>> print(cherries.shelf)
None

# isnull=True finds the jars on no shelf.
>>> Jar.objects.filter(shelf__isnull=True)
[<Jar: Cherries>]

# add() puts a jar on the shelf, remove() takes it off again (to no shelf).
>>> top.jar_set.add(cherries)
>>> top.jar_set.all()
[<Jar: Apricots>, <Jar: Beans>, <Jar: Cherries>]
>>> top.jar_set.remove(cherries)
>>> top.jar_set.all()
[<Jar: Apricots>, <Jar: Beans>]
>>> Jar.objects.filter(shelf__isnull=True)
[<Jar: Cherries>]

# A second shelf with a jar of its own.
>>> low = Shelf(label='Bottom shelf')
>>> low.save()
>>> dates = low.jar_set.create(contents='Dates')
>>> low.jar_set.all()
[<Jar: Dates>]

# A jar that is not on a shelf cannot be removed from it.
>>> top.jar_set.remove(dates)
Traceback (most recent call last):
    ...
DoesNotExist: <Jar: Dates> is not related to <Shelf: Top shelf>.
>>> low.jar_set.all()
[<Jar: Dates>]

# Assigning a list to the set: the jars named move onto the shelf, and the
# jars it held that are not named are set to no shelf.
>>> low.jar_set = [beans, cherries]
>>> low.jar_set.all()
[<Jar: Beans>, <Jar: Cherries>]

# clear() takes every jar off the shelf.
>>> top.jar_set.clear()
>>> top.jar_set.all()
[]
>>> Jar.objects.filter(shelf__isnull=True)
[<Jar: Apricots>, <Jar: Dates>]
"""}
