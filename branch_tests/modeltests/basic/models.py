"""
1. Bare-bones model

One model with two ordinary fields, kept on the default connection: a
village noticeboard whose bulletins are created, saved, found, edited and
taken down again.
"""

from datetime import datetime

from django_legacy.db import models


class Bulletin(models.Model):
    subject = models.CharField(maxlength=100, default='Untitled bulletin')
    posted = models.DateTimeField()

    def __str__(self):
        return self.subject


__test__ = {'API_TESTS': """
# The board starts out bare.
>>> Bulletin.objects.all()
[]

# A bulletin built in memory is not stored until save() is called.
>>> b = Bulletin(id=None, subject='Lost umbrella at the ferry', posted=datetime(2011, 3, 14))
>>> b.save()

# Saving gave it a primary key.
>>> b.id
1

# Each column is an attribute of the instance.
>>> b.subject
'Lost umbrella at the ferry'
>>> b.posted
datetime.datetime(2011, 3, 14, 0, 0)

# Edit an attribute and save again to update the row.
>>> b.subject = 'Found umbrella at the ferry'
>>> b.save()

# The manager's all() lists every stored row.
>>> Bulletin.objects.all()
[<Bulletin: Found umbrella at the ferry>]

# get() takes field lookups, several at once if need be.
>>> Bulletin.objects.get(id__exact=1)
<Bulletin: Found umbrella at the ferry>
>>> Bulletin.objects.get(subject__startswith='Found')
<Bulletin: Found umbrella at the ferry>
>>> Bulletin.objects.get(posted__year=2011)
<Bulletin: Found umbrella at the ferry>
>>> Bulletin.objects.get(posted__year=2011, posted__month=3, posted__day=14)
<Bulletin: Found umbrella at the ferry>

# What the database hands back is converted to the field's Python type.
>>> Bulletin.objects.get(pk=1).posted
datetime.datetime(2011, 3, 14, 0, 0)

# No matching row: the model's own DoesNotExist.
>>> Bulletin.objects.get(id__exact=2)
Traceback (most recent call last):
    ...
DoesNotExist: Bulletin matching query does not exist.
>>> Bulletin.objects.get(posted__year=2011, posted__month=4)
Traceback (most recent call last):
    ...
DoesNotExist: Bulletin matching query does not exist.

# pk stands for the primary key field, whatever its name.
>>> Bulletin.objects.get(pk=1)
<Bulletin: Found umbrella at the ferry>
>>> b.pk
1

# Two instances of one model holding the same key compare equal.
>>> Bulletin.objects.get(pk=1) == b
True

# Leave a field out and its default fills in.
>>> b2 = Bulletin(posted=datetime(2011, 3, 15))
>>> b2.subject
'Untitled bulletin'
>>> b2.save()
>>> b2.id
2

# Positional arguments follow the order the fields were declared in.
>>> b3 = Bulletin(None, 'Choir practice moved', datetime(2011, 3, 16))
>>> b3.save()
>>> Bulletin.objects.get(id__exact=3).subject
'Choir practice moved'

# A keyword that names no field is rejected.
>>> Bulletin(subject='y', posted=datetime(2011, 3, 17), pinned=True)
Traceback (most recent call last):
    ...
TypeError: 'pinned' is an invalid keyword argument for this function

# So is a value the field cannot read; the message names the field.
>>> Bulletin(subject='y', posted='sometime next week').save()
Traceback (most recent call last):
    ...
ValidationError: posted 'sometime next week': Enter a valid date/time in YYYY-MM-DD HH:MM format.

# count() asks the database rather than fetching the rows.
>>> Bulletin.objects.count()
3

# A slice turns into LIMIT/OFFSET; a single index fetches one row.
>>> Bulletin.objects.all()[:2]
[<Bulletin: Found umbrella at the ferry>, <Bulletin: Untitled bulletin>]
>>> Bulletin.objects.all()[1:3]
[<Bulletin: Untitled bulletin>, <Bulletin: Choir practice moved>]

# 0.96 refuses an offset on its own (not every database can skip rows
# without a limit); a second slice on top supplies the missing limit.
>>> Bulletin.objects.all()[2:]
Traceback (most recent call last):
    ...
AssertionError: 'offset' is not allowed without 'limit'
>>> Bulletin.objects.all()[1:][:1]
[<Bulletin: Untitled bulletin>]
>>> Bulletin.objects.all()[2]
<Bulletin: Choir practice moved>
>>> Bulletin.objects.all()[-2]
Traceback (most recent call last):
    ...
AssertionError: Negative indexing is not supported.

# in_bulk() maps each requested key to its object.
>>> sorted(Bulletin.objects.in_bulk([1, 3]).items())
[(1, <Bulletin: Found umbrella at the ferry>), (3, <Bulletin: Choir practice moved>)]
>>> Bulletin.objects.in_bulk([])
{}

# Take down one bulletin, then others through querysets.
>>> b2.delete()
>>> b2.id is None
True
>>> Bulletin.objects.count()
2
>>> Bulletin.objects.filter(subject__startswith='Choir').delete()
>>> Bulletin.objects.all()
[<Bulletin: Found umbrella at the ferry>]
>>> Bulletin.objects.all().delete()
>>> Bulletin.objects.count()
0
"""}
