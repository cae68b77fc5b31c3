"""
12. Two foreign keys from a model to itself

A ``Horse`` has a dam and a sire, both of them ``Horse``s. Each foreign key
names its reverse side with ``related_name``.
"""

from django_legacy.db import models


class Horse(models.Model):
    name = models.CharField(maxlength=20)
    dam = models.ForeignKey('self', null=True, related_name='foals_as_dam')
    sire = models.ForeignKey('self', null=True, related_name='foals_as_sire')

    def __str__(self):
        return self.name


__test__ = {'API_TESTS': """
# The parents have no recorded parents of their own.
>>> sire = Horse(name='Northern Dancer', dam=None, sire=None)
>>> sire.save()
>>> dam = Horse(name='Fleur', dam=None, sire=None)
>>> dam.save()

>>> foal = Horse(name='Nijinsky', dam=dam, sire=sire)
>>> foal.save()

>>> foal.dam
<Horse: Fleur>
>>> foal.sire
<Horse: Northern Dancer>
>>> sire.foals_as_sire.all()
[<Horse: Nijinsky>]
>>> dam.foals_as_dam.all()
[<Horse: Nijinsky>]
>>> sire.foals_as_dam.all()
[]
>>> foal.foals_as_dam.all()
[]
>>> foal.foals_as_sire.all()
[]
"""}
