"""
3. Custom methods

A method defined on a model is a method of its instances; it may query the
model's manager or run its own SQL on the model's connection.
"""

import datetime

from django_legacy.db import models


class Concert(models.Model):
    programme = models.CharField(maxlength=100)
    held_on = models.DateField()

    def __str__(self):
        return self.programme

    def is_tonight(self):
        return self.held_on == datetime.date.today()

    def same_evening(self):
        "The other concerts of the same day, through the manager."
        return Concert.objects.filter(held_on=self.held_on).exclude(id=self.id)

    def same_evening_by_sql(self):
        "The same, by a hand-written query on the model's own connection."
        db = Concert.objects.db
        qn = db.backend.quote_name
        cursor = db.connection.cursor()
        cursor.execute('SELECT %s, %s, %s FROM %s WHERE %s = %%s AND %s != %%s' % (
            qn('id'), qn('programme'), qn('held_on'), qn(Concert._meta.db_table),
            qn('held_on'), qn('id')), [str(self.held_on), self.id])
        # Each row fills the fields in order, as positional arguments.
        return [self.__class__(*row) for row in cursor.fetchall()]


__test__ = {'API_TESTS': """
>>> from datetime import date
>>> first = Concert(id=None, programme='Brahms and Dvorak', held_on=date(2006, 11, 4))
>>> first.save()
>>> second = Concert(id=None, programme='Late Beethoven quartets', held_on=date(2006, 11, 4))
>>> second.save()

>>> first.is_tonight()
False
>>> first.same_evening()
[<Concert: Late Beethoven quartets>]
>>> first.same_evening_by_sql()
[<Concert: Late Beethoven quartets>]
>>> second.same_evening()
[<Concert: Brahms and Dvorak>]
>>> second.same_evening_by_sql()
[<Concert: Brahms and Dvorak>]
"""}
