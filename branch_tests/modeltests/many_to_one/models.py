"""
4. Many-to-one relationships

Define a many-to-one relationship with ``ForeignKey``.
"""

from datetime import date

from django_legacy.db import models


class Reporter(models.Model):
    first_name = models.CharField(maxlength=30)
    last_name = models.CharField(maxlength=30)
    email = models.CharField(maxlength=75)

    def __str__(self):
        return "%s %s" % (self.first_name, self.last_name)


class Article(models.Model):
    headline = models.CharField(maxlength=100)
    pub_date = models.DateField()
    reporter = models.ForeignKey(Reporter)

    def __str__(self):
        return self.headline

    class Meta:
        ordering = ('headline',)


__test__ = {'API_TESTS': """
# Create a few Reporters.
>>> r = Reporter(first_name='John', last_name='Smith', email='john@example.com')
>>> r.save()
>>> r2 = Reporter(first_name='Paul', last_name='Jones', email='paul@example.com')
>>> r2.save()

# Create an Article.
>>> a = Article(id=None, headline="This is a test", pub_date=date(2005, 7, 27), reporter=r)
>>> a.save()
>>> a.reporter_id
1
>>> a.reporter
<Reporter: John Smith>

# Article objects have access to their related Reporter objects.
>>> r = a.reporter
>>> r.first_name, r.last_name
('John', 'Smith')

# Create an Article via the Reporter object.
>>> new_article = r.article_set.create(headline="John's second story", pub_date=date(2005, 7, 29))
>>> new_article
<Article: John's second story>
>>> new_article.reporter.id
1

# Add an article that exists to a reporter's set.
>>> new_article2 = Article(headline="Paul's story", pub_date=date(2006, 1, 17), reporter=r2)
>>> new_article2.save()
>>> r.article_set.add(new_article2)
>>> new_article2.reporter.id
1
>>> r.article_set.all()
[<Article: John's second story>, <Article: Paul's story>, <Article: This is a test>]

# Assigning an object of the wrong type is refused.
>>> Article(headline='Bad', pub_date=date(2006, 1, 1), reporter=r2.id)
Traceback (most recent call last):
    ...
ValueError: Cannot assign "2": "Article.reporter" must be a "Reporter" instance.

# An unsaved related object cannot be saved through a relation.
>>> ghost = Reporter(first_name='Casper', last_name='Ghost', email='')
>>> Article(headline='Boo', pub_date=date(2006, 1, 1), reporter=ghost).save()
Traceback (most recent call last):
    ...
ValueError: Cannot save <Article: Boo>: its reporter <Reporter: Casper Ghost> has not been saved yet (it has no primary key). Save it first.

# Reporter objects have access to their related Article objects.
>>> r.article_set.filter(headline__startswith='This')
[<Article: This is a test>]
>>> r.article_set.count()
3
>>> r2.article_set.count()
0

# Lookups span relationships with double underscores, forwards...
>>> Article.objects.filter(reporter__first_name__exact='John')
[<Article: John's second story>, <Article: Paul's story>, <Article: This is a test>]
>>> Article.objects.filter(reporter__first_name='John', reporter__last_name='Smith').count()
3
>>> Article.objects.filter(reporter__pk=1).count()
3
>>> Article.objects.filter(reporter=r).count()
3
>>> Article.objects.filter(reporter__in=[r, r2]).count()
3

# ... and backwards.
>>> Reporter.objects.filter(article__headline__startswith='This')
[<Reporter: John Smith>]
>>> Reporter.objects.filter(article__headline__startswith='T').distinct()
[<Reporter: John Smith>]

# select_related() fetches the reporters in the same query.
>>> [(a.headline, a.reporter.first_name) for a in Article.objects.select_related()]
[("John's second story", 'John'), ("Paul's story", 'John'), ('This is a test', 'John')]

# Deleting a reporter deletes the articles that point at it.
>>> Article.objects.count()
3
>>> r.delete()
>>> Article.objects.count()
0
>>> Reporter.objects.all()
[<Reporter: Paul Jones>]
"""}
