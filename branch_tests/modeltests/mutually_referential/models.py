"""
24. Two models with foreign keys to each other

A ``Team`` has ``Player``s, and names one of them as its captain: each model
points at the other. The first one defined names the second as a string.
"""

from django_legacy.db.models import CharField, ForeignKey, Model


class Team(Model):
    name = CharField(maxlength=100)
    captain = ForeignKey('Player', null=True, related_name='captain_of')

    def __str__(self):
        return self.name


class Player(Model):
    name = CharField(maxlength=100)
    team = ForeignKey(Team)

    def __str__(self):
        return self.name


__test__ = {'API_TESTS': """
>>> rovers = Team(name='Rovers')
>>> rovers.save()
>>> ann = rovers.player_set.create(name='Ann')
>>> bea = rovers.player_set.create(name='Bea')

# Name a captain: now each table points at the other.
>>> rovers.captain = ann
>>> rovers.save()
>>> Team.objects.get(captain__name='Ann')
<Team: Rovers>
>>> ann.captain_of.all()
[<Team: Rovers>]

# Deleting the team deletes its players, though the team points at one.
>>> rovers.delete()
>>> Team.objects.count(), Player.objects.count()
(0, 0)
"""}
