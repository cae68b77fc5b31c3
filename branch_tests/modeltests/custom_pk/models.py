"""
14. A custom primary key

A field with ``primary_key=True`` replaces the automatic ``id``. ``pk``
names it in lookups, and relations and in_bulk() use it like any key.
"""

from django_legacy.db import models


class Musician(models.Model):
    union_number = models.CharField(maxlength=10, primary_key=True, db_column='number')
    first_name = models.CharField(maxlength=20)
    last_name = models.CharField(maxlength=20)

    class Meta:
        ordering = ('last_name', 'first_name')

    def __str__(self):
        return '%s %s' % (self.first_name, self.last_name)


class Orchestra(models.Model):
    name = models.CharField(maxlength=20, primary_key=True)
    players = models.ManyToManyField(Musician)

    class Meta:
        verbose_name_plural = 'orchestras'

    def __str__(self):
        return self.name


__test__ = {'API_TESTS': """
>>> rosa = Musician(union_number='VLN-007', first_name='Rosa', last_name='Bell')
>>> rosa.save()
>>> Musician.objects.all()
[<Musician: Rosa Bell>]

>>> karl = Musician(union_number='CLO-042', first_name='Karl', last_name='Adler')
>>> karl.save()
>>> Musician.objects.all()
[<Musician: Karl Adler>, <Musician: Rosa Bell>]

# 'pk' stands for the primary key, whatever its name.
>>> Musician.objects.get(pk='VLN-007')
<Musician: Rosa Bell>
>>> Musician.objects.get(pk='CLO-042')
<Musician: Karl Adler>
>>> Musician.objects.get(pk='nobody')
Traceback (most recent call last):
    ...
DoesNotExist: Musician matching query does not exist.
>>> Musician.objects.get(union_number__exact='VLN-007')
<Musician: Rosa Bell>
>>> Musician.objects.filter(pk__in=['VLN-007', 'CLO-042'])
[<Musician: Karl Adler>, <Musician: Rosa Bell>]

# Saving an object whose key exists updates its row.
>>> karl = Musician.objects.get(pk='CLO-042')
>>> karl.last_name = 'Bell'
>>> karl.save()
>>> Musician.objects.filter(last_name__exact='Bell')
[<Musician: Karl Bell>, <Musician: Rosa Bell>]
>>> sorted(Musician.objects.in_bulk(['VLN-007', 'CLO-042']).items())
[('CLO-042', <Musician: Karl Bell>), ('VLN-007', <Musician: Rosa Bell>)]

# A many-to-many relation between two models with character keys.
>>> hall = Orchestra(name='Hallé')
>>> hall.save()
>>> hall.players.add(rosa, karl)
>>> hall.players.all()
[<Musician: Karl Bell>, <Musician: Rosa Bell>]
>>> karl.orchestra_set.all()
[<Orchestra: Hallé>]
>>> Orchestra.objects.in_bulk(['Hallé'])
{'Hallé': <Orchestra: Hallé>}
>>> Orchestra.objects.filter(name__exact='Hallé')
[<Orchestra: Hallé>]
>>> Orchestra.objects.filter(pk='Hallé')
[<Orchestra: Hallé>]

# Lookups across the relation, by field name or by pk.
>>> Musician.objects.filter(orchestra__name__exact='Hallé')
[<Musician: Karl Bell>, <Musician: Rosa Bell>]
>>> Musician.objects.filter(orchestra__pk='Hallé')
[<Musician: Karl Bell>, <Musician: Rosa Bell>]
>>> Orchestra.objects.filter(players__union_number__exact='VLN-007')
[<Orchestra: Hallé>]
>>> Orchestra.objects.filter(players__pk='VLN-007')
[<Orchestra: Hallé>]
>>> Orchestra.objects.filter(players__first_name__startswith='Kar')
[<Orchestra: Hallé>]
"""}
