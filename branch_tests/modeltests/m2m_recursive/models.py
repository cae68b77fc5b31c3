"""
28. Many-to-many relations from a model to itself

A ``Climber`` has partners, who are climbers too. Partnership goes both ways:
if I am your partner, you are mine. A many-to-many relation to ``'self'`` is
symmetrical like that by default.

A climber also has heroes, and being someone's hero says nothing about the
other way round: ``symmetrical=False``. Only a relation to ``'self'`` can be
non-symmetrical. Its reverse side is named by ``related_name`` (``fans``).

The two relations get join tables of their own, named so that they do not
clash.
"""

from django_legacy.db import models


class Climber(models.Model):
    name = models.CharField(maxlength=20)
    partners = models.ManyToManyField('self')
    heroes = models.ManyToManyField('self', symmetrical=False, related_name='fans')

    class Meta:
        ordering = ('name',)

    def __str__(self):
        return self.name


__test__ = {'API_TESTS': """
>>> kim = Climber(name='Kim')
>>> kim.save()
>>> lou = Climber(name='Lou')
>>> lou.save()
>>> mia = Climber(name='Mia')
>>> mia.save()
>>> ned = Climber(name='Ned')
>>> ned.save()

# Kim climbs with Lou and Mia; Ned names Kim and Mia as partners.
>>> kim.partners.add(lou, mia)
>>> ned.partners.add(kim, mia)

# Partnership shows from both ends.
>>> kim.partners.all()
[<Climber: Lou>, <Climber: Mia>, <Climber: Ned>]
>>> lou.partners.all()
[<Climber: Kim>]
>>> mia.partners.all()
[<Climber: Kim>, <Climber: Ned>]
>>> ned.partners.all()
[<Climber: Kim>, <Climber: Mia>]

# Adding a partnership again from the other end changes nothing.
>>> lou.partners.add(kim)
>>> kim.partners.all()
[<Climber: Lou>, <Climber: Mia>, <Climber: Ned>]
>>> lou.partners.all()
[<Climber: Kim>]

# Removing it from one end removes it from both.
>>> lou.partners.remove(kim)
>>> kim.partners.all()
[<Climber: Mia>, <Climber: Ned>]
>>> lou.partners.all()
[]

# Clearing Kim's partners takes Kim out of everyone else's too.
>>> kim.partners.clear()
>>> kim.partners.all()
[]
>>> mia.partners.all()
[<Climber: Ned>]
>>> ned.partners.all()
[<Climber: Mia>]

# Heroes go one way only. Kim admires Lou and Mia; Lou admires Kim back;
# Kim and Mia become fans of Ned, written from Ned's side.
>>> kim.heroes.add(lou, mia)
>>> lou.heroes.add(kim)
>>> ned.fans.add(kim, mia)

>>> kim.heroes.all()
[<Climber: Lou>, <Climber: Mia>, <Climber: Ned>]
>>> kim.fans.all()
[<Climber: Lou>]
>>> lou.heroes.all()
[<Climber: Kim>]
>>> lou.fans.all()
[<Climber: Kim>]
>>> mia.heroes.all()
[<Climber: Ned>]
>>> mia.fans.all()
[<Climber: Kim>]
>>> ned.heroes.all()
[]
>>> ned.fans.all()
[<Climber: Kim>, <Climber: Mia>]

# Adding a link that exists, from its other end, changes nothing.
>>> lou.fans.add(kim)
>>> kim.heroes.all()
[<Climber: Lou>, <Climber: Mia>, <Climber: Ned>]
>>> kim.fans.all()
[<Climber: Lou>]
>>> lou.heroes.all()
[<Climber: Kim>]
>>> lou.fans.all()
[<Climber: Kim>]

# Removing Kim from Lou's fans leaves Lou's admiration of Kim alone.
>>> lou.fans.remove(kim)
>>> kim.heroes.all()
[<Climber: Mia>, <Climber: Ned>]
>>> kim.fans.all()
[<Climber: Lou>]
>>> lou.heroes.all()
[<Climber: Kim>]
>>> lou.fans.all()
[]

# Clearing Kim's heroes removes Kim from their fans.
>>> kim.heroes.clear()
>>> kim.heroes.all()
[]
>>> mia.fans.all()
[]
>>> ned.fans.all()
[<Climber: Mia>]
"""}
