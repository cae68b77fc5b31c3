"""
1. Bare-bones model

A model with two fields, on the default connection, used the way a 0.96
project uses it: create, save, look up, change, delete.
"""

from datetime import datetime

from django_legacy.db import models


class Article(models.Model):
    headline = models.CharField(maxlength=100, default='Default headline')
    pub_date = models.DateTimeField()

    def __str__(self):
        return self.headline


__test__ = {'API_TESTS': """
# No articles are in the system yet.
>>> Article.objects.all()
[]

# Create an Article.
>>> a = Article(id=None, headline='Area man programs in Python', pub_date=datetime(2005, 7, 28))

# Save it into the database. You have to call save() explicitly.
>>> a.save()

# Now it has an ID.
>>> a.id
1

# Access database columns via Python attributes.
>>> a.headline
'Area man programs in Python'
>>> a.pub_date
datetime.datetime(2005, 7, 28, 0, 0)

# Change values by changing the attributes, then calling save().
>>> a.headline = 'Area woman programs in Python'
>>> a.save()

# Article.objects.all() returns all the articles in the database.
>>> Article.objects.all()
[<Article: Area woman programs in Python>]

# Django provides a rich database lookup API.
>>> Article.objects.get(id__exact=1)
<Article: Area woman programs in Python>
>>> Article.objects.get(headline__startswith='Area woman')
<Article: Area woman programs in Python>
>>> Article.objects.get(pub_date__year=2005)
<Article: Area woman programs in Python>
>>> Article.objects.get(pub_date__year=2005, pub_date__month=7, pub_date__day=28)
<Article: Area woman programs in Python>

# Values come back from the database as the types the fields hold.
>>> Article.objects.get(pk=1).pub_date
datetime.datetime(2005, 7, 28, 0, 0)

# get() raises DoesNotExist if nothing matches.
>>> Article.objects.get(id__exact=2)
Traceback (most recent call last):
    ...
DoesNotExist: Article matching query does not exist.
>>> Article.objects.get(pub_date__year=2005, pub_date__month=8)
Traceback (most recent call last):
    ...
DoesNotExist: Article matching query does not exist.

# "pk" is a shortcut for the primary key, whatever it is called.
>>> Article.objects.get(pk=1)
<Article: Area woman programs in Python>
>>> a.pk
1

# Model instances of the same type with the same ID are equal.
>>> Article.objects.get(pk=1) == a
True

# A field given no value takes its default.
>>> a2 = Article(pub_date=datetime(2005, 7, 29))
>>> a2.headline
'Default headline'
>>> a2.save()
>>> a2.id
2

# Arguments may also be given in field order.
>>> a3 = Article(None, 'Third article', datetime(2005, 7, 30))
>>> a3.save()
>>> Article.objects.get(id__exact=3).headline
'Third article'

# An unknown keyword argument is an error.
>>> Article(headline='x', pub_date=datetime(2005, 7, 31), color='red')
Traceback (most recent call last):
    ...
TypeError: 'color' is an invalid keyword argument for this function

# A value of the wrong type is refused with the field's name.
>>> Article(headline='x', pub_date='the day before yesterday').save()
Traceback (most recent call last):
    ...
ValidationError: pub_date 'the day before yesterday': Enter a valid date/time in YYYY-MM-DD HH:MM format.

# count() runs a SELECT COUNT(*).
>>> Article.objects.count()
3

# Querysets can be sliced (the slice becomes LIMIT and OFFSET) and indexed.
>>> Article.objects.all()[:2]
[<Article: Area woman programs in Python>, <Article: Default headline>]
>>> Article.objects.all()[1:3]
[<Article: Default headline>, <Article: Third article>]

# An offset needs a limit, as in 0.96 (some databases cannot skip rows
# without one); slicing an open slice again gives it one.
>>> Article.objects.all()[1:]
Traceback (most recent call last):
    ...
AssertionError: 'offset' is not allowed without 'limit'
>>> Article.objects.all()[1:][:1]
[<Article: Default headline>]
>>> Article.objects.all()[2]
<Article: Third article>
>>> Article.objects.all()[-1]
Traceback (most recent call last):
    ...
AssertionError: Negative indexing is not supported.

# in_bulk() returns a dict keyed by primary key.
>>> sorted(Article.objects.in_bulk([1, 3]).items())
[(1, <Article: Area woman programs in Python>), (3, <Article: Third article>)]
>>> Article.objects.in_bulk([])
{}

# Delete one object, then the rest through a queryset.
>>> a2.delete()
>>> a2.id is None
True
>>> Article.objects.count()
2
>>> Article.objects.filter(headline__startswith='Third').delete()
>>> Article.objects.all()
[<Article: Area woman programs in Python>]
>>> Article.objects.all().delete()
>>> Article.objects.count()
0
"""}
