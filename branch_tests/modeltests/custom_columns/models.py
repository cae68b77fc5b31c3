"""
17. Custom column and table names

``db_column`` names a field's column, ``Meta.db_table`` a model's table and
``db_table`` on a ManyToManyField its join table. Queries still use the
field names; the column names are not attributes and not lookup keywords.
"""

from django_legacy.db import models


class Composer(models.Model):
    given_name = models.CharField(maxlength=30, db_column='given')
    family_name = models.CharField(maxlength=30, db_column='family')

    def __str__(self):
        return '%s %s' % (self.given_name, self.family_name)

    class Meta:
        db_table = 'composer_register'
        ordering = ('family_name', 'given_name')


class Opera(models.Model):
    title = models.CharField(maxlength=100)
    composers = models.ManyToManyField(Composer, db_table='opera_credits')

    def __str__(self):
        return self.title

    class Meta:
        ordering = ('title',)


__test__ = {'API_TESTS': """
>>> verdi = Composer(given_name='Giuseppe', family_name='Verdi')
>>> verdi.save()
>>> verdi.id
1
>>> boito = Composer(given_name='Arrigo', family_name='Boito')
>>> boito.save()

>>> otello = Opera(title='Otello')
>>> otello.save()
>>> otello.composers = [verdi, boito]

# The table and column names are the ones given.
>>> Composer._meta.db_table
'composer_register'
>>> [f.column for f in Composer._meta.fields]
['id', 'given', 'family']
>>> Opera._meta.get_field('composers').m2m_db_table()
'opera_credits'

# Nothing changes in the API: lookups and ordering use the field names.
>>> Composer.objects.all()
[<Composer: Arrigo Boito>, <Composer: Giuseppe Verdi>]
>>> Composer.objects.filter(given_name__exact='Giuseppe')
[<Composer: Giuseppe Verdi>]
>>> Composer.objects.get(given_name__exact='Giuseppe')
<Composer: Giuseppe Verdi>

# A column name is no lookup keyword...
>>> Composer.objects.filter(given__exact='Giuseppe')
Traceback (most recent call last):
    ...
TypeError: Cannot resolve keyword 'given' into field...

# ...and no attribute.
>>> c = Composer.objects.get(family_name__exact='Verdi')
>>> c.given_name
'Giuseppe'
>>> c.family_name
'Verdi'
>>> c.given
Traceback (most recent call last):
    ...
AttributeError: 'Composer' object has no attribute 'given'
>>> c.family
Traceback (most recent call last):
    ...
AttributeError: 'Composer' object has no attribute 'family'

# The many-to-many relation works through its own join table, both ways.
>>> otello.composers.all()
[<Composer: Arrigo Boito>, <Composer: Giuseppe Verdi>]
>>> c.opera_set.all()
[<Opera: Otello>]
>>> otello.composers.filter(family_name='Boito')
[<Composer: Arrigo Boito>]
"""}
