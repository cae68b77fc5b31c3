"""
2. __str__()

A model's __str__() gives the readable form of an instance; repr() wraps it
in the model's name.
"""

from django_legacy.db import models


class Review(models.Model):
    title = models.CharField(maxlength=100)
    published = models.DateTimeField()

    def __str__(self):
        return self.title


class Untitled(models.Model):
    note = models.CharField(maxlength=10)


__test__ = {'API_TESTS': """
>>> from datetime import datetime
>>> r = Review(title='A quiet triumph at the Proms', published=datetime(2006, 8, 14))
>>> r.save()
>>> str(r)
'A quiet triumph at the Proms'
>>> r
<Review: A quiet triumph at the Proms>

# Without its own __str__() a model says what it is.
>>> str(Untitled(note='x'))
'Untitled object'
>>> Untitled(note='x')
<Untitled: Untitled object>
"""}
