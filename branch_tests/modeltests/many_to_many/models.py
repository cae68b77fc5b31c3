"""
5. Many-to-many relationships

Define a many-to-many relationship with ``ManyToManyField``. The join table
is ``<db_table>_<field name>``.
"""

from django_legacy.db import models


class Publication(models.Model):
    title = models.CharField(maxlength=30)

    def __str__(self):
        return self.title

    class Meta:
        ordering = ('title',)


class Article(models.Model):
    headline = models.CharField(maxlength=100)
    publications = models.ManyToManyField(Publication)

    def __str__(self):
        return self.headline

    class Meta:
        ordering = ('headline',)


__test__ = {'API_TESTS': """
# Create a couple of Publications.
>>> p1 = Publication(id=None, title='The Python Journal')
>>> p1.save()
>>> p2 = Publication(id=None, title='Science News')
>>> p2.save()
>>> p3 = Publication(id=None, title='Science Weekly')
>>> p3.save()

# An Article must be saved before it can join a relation.
>>> a1 = Article(id=None, headline='Django lets you build Web apps easily')
>>> a1.publications.add(p1)
Traceback (most recent call last):
    ...
ValueError: <Article: Django lets you build Web apps easily> instance needs a primary key value before a many-to-many relationship can be used.
>>> a1.save()
>>> a1.publications.add(p1)

>>> a2 = Article(id=None, headline='NASA uses Python')
>>> a2.save()
>>> a2.publications.add(p1, p2)
>>> a2.publications.add(p3)

# Adding a second time is OK: the row is not doubled.
>>> a2.publications.add(p3)
>>> a2.publications.count()
3

# Only objects of the right type may be added.
>>> a2.publications.add(a1)
Traceback (most recent call last):
    ...
TypeError: 'Publication' instance expected, got <Article: Django lets you build Web apps easily>

# Create and add a Publication in one step.
>>> new_publication = a2.publications.create(title='Highlights for Children')

# Article objects have access to their related Publication objects.
>>> a1.publications.all()
[<Publication: The Python Journal>]
>>> a2.publications.all()
[<Publication: Highlights for Children>, <Publication: Science News>, <Publication: Science Weekly>, <Publication: The Python Journal>]

# Publication objects have access to their related Article objects.
>>> p2.article_set.all()
[<Article: NASA uses Python>]
>>> p1.article_set.all()
[<Article: Django lets you build Web apps easily>, <Article: NASA uses Python>]
>>> Publication.objects.get(id=4).article_set.all()
[<Article: NASA uses Python>]

# Lookups cross the relation in both directions.
>>> Article.objects.filter(publications__id__exact=1)
[<Article: Django lets you build Web apps easily>, <Article: NASA uses Python>]
>>> Article.objects.filter(publications__title__startswith="Science").distinct()
[<Article: NASA uses Python>]
>>> Publication.objects.filter(article__headline__startswith="NASA")
[<Publication: Highlights for Children>, <Publication: Science News>, <Publication: Science Weekly>, <Publication: The Python Journal>]
>>> Publication.objects.filter(article=a1)
[<Publication: The Python Journal>]

# Relations can be changed from either end.
>>> p2.article_set.add(a1)
>>> a1.publications.all()
[<Publication: Science News>, <Publication: The Python Journal>]
>>> a1.publications.remove(p2)
>>> p2.article_set.all()
[<Article: NASA uses Python>]
>>> p1.article_set.clear()
>>> a2.publications.all()
[<Publication: Highlights for Children>, <Publication: Science News>, <Publication: Science Weekly>]

# Assigning a list replaces the set.
>>> a2.publications = [p1, p3]
>>> a2.publications.all()
[<Publication: Science Weekly>, <Publication: The Python Journal>]

# Deleting an object deletes its rows in the join table.
>>> p1.delete()
>>> a2.publications.all()
[<Publication: Science Weekly>]
>>> a2.delete()
>>> p3.article_set.all()
[]
"""}
