"""
40. select_related()

``select_related()`` fetches, in the same query, the objects that the
non-null foreign keys point at, and theirs, all the way down; reading them
afterwards costs no query. When that fetches too much, ``depth`` says how
many levels to follow.

The example is an address, from the continent down to the house: eight
models, each with a foreign key to the one above.
"""

from django_legacy.db import models


class Continent(models.Model):
    name = models.CharField(maxlength=50)

    def __str__(self):
        return self.name


class Country(models.Model):
    name = models.CharField(maxlength=50)
    continent = models.ForeignKey(Continent)

    def __str__(self):
        return self.name


class Region(models.Model):
    name = models.CharField(maxlength=50)
    country = models.ForeignKey(Country)

    def __str__(self):
        return self.name


class County(models.Model):
    name = models.CharField(maxlength=50)
    region = models.ForeignKey(Region)

    def __str__(self):
        return self.name


class Town(models.Model):
    name = models.CharField(maxlength=50)
    county = models.ForeignKey(County)

    def __str__(self):
        return self.name


class District(models.Model):
    name = models.CharField(maxlength=50)
    town = models.ForeignKey(Town)

    def __str__(self):
        return self.name


class Street(models.Model):
    name = models.CharField(maxlength=50)
    district = models.ForeignKey(District)

    def __str__(self):
        return self.name


class House(models.Model):
    name = models.CharField(maxlength=50)
    street = models.ForeignKey(Street)

    class Meta:
        ordering = ('id',)

    def __str__(self):
        return self.name


LEVELS = [Continent, Country, Region, County, Town, District, Street, House]


def add_address(address):
    "Saves one object per level of a '/'-separated address, top first, reusing those that exist."
    names = address.split('/')
    assert len(names) == len(LEVELS), names
    above = None
    for name, model in zip(names, LEVELS):
        try:
            obj = model.objects.get(name=name)
        except model.DoesNotExist:
            obj = model(name=name)
        if above is not None:
            setattr(obj, type(above).__name__.lower(), above)
        obj.save()
        above = obj


__test__ = {'API_TESTS': """
# The test runner turns DEBUG off; the query log needs it on, so switch it
# on here and off again at the end.
>>> from django_legacy.conf import settings
>>> settings.DEBUG = True

>>> add_address('Europe/France/Brittany/Finistere/Brest/Recouvrance/Rue Vauban/No 12')
>>> add_address('Europe/Italy/Tuscany/Florence/Fiesole/Borgunto/Via Dante/No 3')
>>> add_address('Africa/Kenya/Coast/Mombasa/Mombasa/Old Town/Ndia Kuu/No 40')
>>> add_address('Asia/Japan/Kansai/Kyoto/Kyoto/Gion/Hanamikoji/No 7')

>>> from django_legacy import db

# Without select_related(), each step up is a query of its own: eight in all.
>>> db.reset_queries()
>>> house = House.objects.get(name='No 12')
>>> house.street.district.town.county.region.country.continent
<Continent: Europe>
>>> len(db.connection.queries)
8

# With it, the whole climb comes with the house: one query.
>>> db.reset_queries()
>>> house = House.objects.select_related().get(name='No 3')
>>> house.street.district.town.county.region.country.continent
<Continent: Europe>
>>> len(db.connection.queries)
1

# The same holds for a list: one query per object without it...
>>> db.reset_queries()
>>> houses = House.objects.all()
>>> [h.street.district for h in houses]
[<District: Recouvrance>, <District: Borgunto>, <District: Old Town>, <District: Gion>]
>>> len(db.connection.queries)
9

# ... one query in all with it.
>>> db.reset_queries()
>>> houses = House.objects.all().select_related()
>>> [h.street.district for h in houses]
[<District: Recouvrance>, <District: Borgunto>, <District: Old Town>, <District: Gion>]
>>> len(db.connection.queries)
1

# depth=1 fetches only the street with the house: one query fewer than none.
>>> db.reset_queries()
>>> house = House.objects.select_related(depth=1).get(name='No 7')
>>> house.street.district.town.county.region.country.continent
<Continent: Asia>
>>> len(db.connection.queries)
7

# depth=5 leaves two levels to fetch.
>>> db.reset_queries()
>>> house = House.objects.select_related(depth=5).get(name='No 7')
>>> house.street.district.town.county.region.country.continent
<Continent: Asia>
>>> len(db.connection.queries)
3

# depth=2 on a list: the street and district come along, the town does not.
>>> db.reset_queries()
>>> houses = House.objects.all().select_related(depth=2)
>>> [h.street.district.town for h in houses]
[<Town: Brest>, <Town: Fiesole>, <Town: Mombasa>, <Town: Kyoto>]
>>> len(db.connection.queries)
5

# Each logged query has its SQL and the time it took.
>>> sorted(db.connection.queries[0])
['sql', 'time']

>>> settings.DEBUG = False
"""}
