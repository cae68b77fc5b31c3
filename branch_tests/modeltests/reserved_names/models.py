"""
18. Reserved words as names

Table and column names that are SQL keywords, or hold a hyphen, work
because every name is quoted in the SQL.
"""

from django_legacy.db import models


class Thing(models.Model):
    when = models.CharField(maxlength=1, primary_key=True)
    join = models.CharField(maxlength=1)
    like = models.CharField(maxlength=1)
    drop = models.CharField(maxlength=1)
    alter = models.CharField(maxlength=1)
    having = models.CharField(maxlength=1)
    where = models.DateField(maxlength=1)
    has_hyphen = models.CharField(maxlength=1, db_column='has-hyphen')

    class Meta:
        db_table = 'select'

    def __str__(self):
        return self.when


__test__ = {'API_TESTS': """
>>> import datetime
>>> spring = datetime.date(2004, 3, 21)
>>> autumn = datetime.date(2007, 9, 23)
>>> t = Thing(when='p', join='q', like='r', drop='s', alter='t', having='u', where=spring,
...           has_hyphen='v')
>>> t.save()
>>> print(t.when)
p
>>> u = Thing(when='w', join='x', like='y', drop='z', alter='a', having='b', where=autumn)
>>> u.save()
>>> print(u.when)
w

>>> Thing.objects.order_by('when')
[<Thing: p>, <Thing: w>]
>>> v = Thing.objects.get(pk='p')
>>> print(v.join)
q
>>> print(v.where)
2004-03-21
>>> print(v.has_hyphen)
v

# A table-qualified name in order_by() is quoted part by part.
>>> Thing.objects.order_by('-select.when')
[<Thing: w>, <Thing: p>]

# dates() works on a column named after a keyword.
>>> Thing.objects.dates('where', 'year')
[datetime.datetime(2004, 1, 1, 0, 0), datetime.datetime(2007, 1, 1, 0, 0)]

>>> Thing.objects.filter(where__month=9)
[<Thing: w>]
>>> Thing.objects.filter(where__year=2004)
[<Thing: p>]
"""}
