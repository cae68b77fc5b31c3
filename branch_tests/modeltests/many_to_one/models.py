"""
4. Many-to-one relationships

Every beehive has one keeper and a keeper may look after many hives: a
``ForeignKey`` on the hive points at its keeper.
"""

from datetime import date

from django_legacy.db import models


class Keeper(models.Model):
    given = models.CharField(maxlength=30)
    family = models.CharField(maxlength=30)
    phone = models.CharField(maxlength=75)

    def __str__(self):
        return "%s %s" % (self.given, self.family)


class Hive(models.Model):
    label = models.CharField(maxlength=100)
    installed = models.DateField()
    keeper = models.ForeignKey(Keeper)

    def __str__(self):
        return self.label

    class Meta:
        ordering = ('label',)


__test__ = {'API_TESTS': """
# Two beekeepers.
>>> k = Keeper(given='Ines', family='Okafor', phone='0161 555 0142')
>>> k.save()
>>> k2 = Keeper(given='Tomas', family='Berg', phone='0161 555 0199')
>>> k2.save()

# A hive pointing at the first of them; the column holds the key.
>>> h = Hive(id=None, label="Willow corner", installed=date(2012, 4, 3), keeper=k)
>>> h.save()
>>> h.keeper_id
1
>>> h.keeper
<Keeper: Ines Okafor>

# Following the key gives back a full Keeper.
>>> k = h.keeper
>>> k.given, k.family
('Ines', 'Okafor')

# The keeper's hive_set can make a new hive already linked to her.
>>> rooftop = k.hive_set.create(label="Ines's rooftop hive", installed=date(2012, 5, 9))
>>> rooftop
<Hive: Ines's rooftop hive>
>>> rooftop.keeper.id
1

# add() moves a stored hive over from another keeper.
>>> meadow = Hive(label="Tomas's meadow hive", installed=date(2013, 6, 21), keeper=k2)
>>> meadow.save()
>>> k.hive_set.add(meadow)
>>> meadow.keeper.id
1
>>> k.hive_set.all()
[<Hive: Ines's rooftop hive>, <Hive: Tomas's meadow hive>, <Hive: Willow corner>]

# A bare key is not a Keeper, and the error says which field wanted one.
>>> Hive(label='Wrong', installed=date(2013, 1, 1), keeper=k2.id)
Traceback (most recent call last):
    ...
ValueError: Cannot assign "2": "Hive.keeper" must be a "Keeper" instance.

# Saving a hive whose keeper was never saved fails before any SQL runs.
>>> stranger = Keeper(given='Nobody', family='Yet', phone='')
>>> Hive(label='Empty', installed=date(2013, 1, 1), keeper=stranger).save()
Traceback (most recent call last):
    ...
ValueError: Cannot save <Hive: Empty>: its keeper <Keeper: Nobody Yet> has not been saved yet (it has no primary key). Save it first.

# The reverse manager filters and counts like any other.
>>> k.hive_set.filter(label__startswith='Willow')
[<Hive: Willow corner>]
>>> k.hive_set.count()
3
>>> k2.hive_set.count()
0

# Double underscores reach across the key from the hive's side...
>>> Hive.objects.filter(keeper__given__exact='Ines')
[<Hive: Ines's rooftop hive>, <Hive: Tomas's meadow hive>, <Hive: Willow corner>]
>>> Hive.objects.filter(keeper__given='Ines', keeper__family='Okafor').count()
3
>>> Hive.objects.filter(keeper__pk=1).count()
3
>>> Hive.objects.filter(keeper=k).count()
3
>>> Hive.objects.filter(keeper__in=[k, k2]).count()
3

# ...and from the keeper's side.
>>> Keeper.objects.filter(hive__label__startswith='Willow')
[<Keeper: Ines Okafor>]
>>> Keeper.objects.filter(hive__label__startswith='W').distinct()
[<Keeper: Ines Okafor>]

# select_related() joins the keepers into the same SELECT.
>>> [(x.label, x.keeper.given) for x in Hive.objects.select_related()]
[("Ines's rooftop hive", 'Ines'), ("Tomas's meadow hive", 'Ines'), ('Willow corner', 'Ines')]

# Removing a keeper cascades to every hive that names her.
>>> Hive.objects.count()
3
>>> k.delete()
>>> Hive.objects.count()
0
>>> Keeper.objects.all()
[<Keeper: Tomas Berg>]
"""}
