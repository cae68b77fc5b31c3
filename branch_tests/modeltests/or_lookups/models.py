"""
19. OR lookups

Querysets combine with ``|`` (OR) and ``&`` (AND). Inside one filter, ``Q``
objects do the same: ``Q(...) | Q(...)``. Q objects given as positional
arguments are ANDed with each other and with the keyword lookups.
"""

from django_legacy.db import models


class Recipe(models.Model):
    name = models.CharField(maxlength=50)
    added = models.DateTimeField()

    class Meta:
        ordering = ('added',)

    def __str__(self):
        return self.name


__test__ = {'API_TESTS': """
>>> from datetime import datetime
>>> from django_legacy.db.models import Q

>>> Recipe(name='Soup', added=datetime(2006, 3, 1)).save()
>>> Recipe(name='Bread', added=datetime(2006, 3, 2)).save()
>>> Recipe(name='Soup with bread', added=datetime(2006, 3, 3)).save()

# OR, written with querysets or with Q objects.
>>> Recipe.objects.filter(name__startswith='Soup') | Recipe.objects.filter(name__startswith='Bread')
[<Recipe: Soup>, <Recipe: Bread>, <Recipe: Soup with bread>]
>>> Recipe.objects.filter(Q(name__startswith='Soup') | Q(name__startswith='Bread'))
[<Recipe: Soup>, <Recipe: Bread>, <Recipe: Soup with bread>]

# AND, the same two ways.
>>> Recipe.objects.filter(Q(name__startswith='Soup') & Q(name__startswith='Bread'))
[]
>>> recipes = Recipe.objects.all()
>>> recipes.filter(name__startswith='Soup') & recipes.filter(name__startswith='Bread')
[]
>>> recipes.filter(name__startswith='Soup') & recipes.filter(name__contains='bread')
[<Recipe: Soup with bread>]

# A Q object and keyword lookups in one call are ANDed.
>>> Recipe.objects.filter(Q(name__contains='bread'), name__startswith='Soup')
[<Recipe: Soup with bread>]

# Other lookup types combine just as well.
>>> Recipe.objects.filter(name__contains='Soup') | Recipe.objects.filter(name__contains='read')
[<Recipe: Soup>, <Recipe: Bread>, <Recipe: Soup with bread>]
>>> Recipe.objects.filter(name__iexact='soup') | Recipe.objects.filter(name__contains='rea')
[<Recipe: Soup>, <Recipe: Bread>, <Recipe: Soup with bread>]

# OR on primary keys, and the same with __in.
>>> Recipe.objects.filter(Q(pk=1) | Q(pk=2))
[<Recipe: Soup>, <Recipe: Bread>]
>>> Recipe.objects.filter(Q(pk=1) | Q(pk=2) | Q(pk=3))
[<Recipe: Soup>, <Recipe: Bread>, <Recipe: Soup with bread>]
>>> Recipe.objects.filter(pk__in=[1, 2, 3])
[<Recipe: Soup>, <Recipe: Bread>, <Recipe: Soup with bread>]
>>> Recipe.objects.filter(pk__in=[1, 2, 3, 4])
[<Recipe: Soup>, <Recipe: Bread>, <Recipe: Soup with bread>]

# __in an empty list matches nothing on its own, but an OR can still match.
>>> Recipe.objects.filter(pk__in=[])
[]
>>> Recipe.objects.filter(Q(pk__in=[]) | Q(name__icontains='BREAD'))
[<Recipe: Bread>, <Recipe: Soup with bread>]

# Several Q objects are ANDed, in any order.
>>> Recipe.objects.filter(Q(name__startswith='Soup'), Q(name__contains='bread'))
[<Recipe: Soup with bread>]
>>> Recipe.objects.filter(Q(name__contains='bread'), name__startswith='Soup')
[<Recipe: Soup with bread>]

# Q objects work with get(), count(), values() and in_bulk() too.
>>> Recipe.objects.get(Q(name__startswith='Soup'), Q(name__contains='bread'))
<Recipe: Soup with bread>
>>> Recipe.objects.filter(Q(name__startswith='Soup') | Q(name__contains='read')).count()
3
>>> list(Recipe.objects.filter(Q(name__startswith='Soup'), Q(name__contains='bread')).values())
[{'id': 3, 'name': 'Soup with bread', 'added': datetime.datetime(2006, 3, 3, 0, 0)}]
>>> Recipe.objects.filter(Q(name__startswith='Soup')).in_bulk([1, 2])
{1: <Recipe: Soup>}

# exclude() takes a Q object.
>>> Recipe.objects.exclude(Q(name__startswith='Soup'))
[<Recipe: Bread>]

# complex_filter() takes either a dict of lookups or a Q object (it serves
# options such as limit_choices_to, which may be either).
>>> Recipe.objects.complex_filter({'pk': 1})
[<Recipe: Soup>]
>>> Recipe.objects.complex_filter(Q(pk=1) | Q(pk=2))
[<Recipe: Soup>, <Recipe: Bread>]
"""}
