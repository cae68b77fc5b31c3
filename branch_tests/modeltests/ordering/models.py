"""
6. Specifying ordering

``Meta.ordering`` gives a model's default order; ``order_by()`` replaces it
for one query. '-' before a field name descends; '?' orders at random.
"""

from datetime import datetime

from django_legacy.db import models


class Article(models.Model):
    headline = models.CharField(maxlength=100)
    pub_date = models.DateTimeField()

    class Meta:
        ordering = ('-pub_date', 'headline')

    def __str__(self):
        return self.headline


__test__ = {'API_TESTS': """
>>> a1 = Article(headline='Article 1', pub_date=datetime(2005, 7, 26))
>>> a1.save()
>>> a2 = Article(headline='Article 2', pub_date=datetime(2005, 7, 27))
>>> a2.save()
>>> a3 = Article(headline='Article 3', pub_date=datetime(2005, 7, 27))
>>> a3.save()
>>> a4 = Article(headline='Article 4', pub_date=datetime(2005, 7, 28))
>>> a4.save()

# By default Article.objects.all() orders by pub_date descending, then
# headline ascending.
>>> Article.objects.all()
[<Article: Article 4>, <Article: Article 2>, <Article: Article 3>, <Article: Article 1>]

# Override ordering with order_by(), which is in the same format as Meta.ordering.
>>> Article.objects.order_by('headline')
[<Article: Article 1>, <Article: Article 2>, <Article: Article 3>, <Article: Article 4>]
>>> Article.objects.order_by('pub_date', '-headline')
[<Article: Article 1>, <Article: Article 3>, <Article: Article 2>, <Article: Article 4>]

# Use the 'stop' part of slicing notation to limit the results.
>>> Article.objects.order_by('headline')[:2]
[<Article: Article 1>, <Article: Article 2>]

# Use the 'stop' and 'start' parts of slicing notation to offset the result list.
>>> Article.objects.order_by('headline')[1:3]
[<Article: Article 2>, <Article: Article 3>]

# A slice of a slice stays within the first.
>>> Article.objects.order_by('headline')[1:3][1:]
[<Article: Article 3>]

# Use '?' to order randomly.
>>> len(list(Article.objects.order_by('?')))
4

# Ordering by a field that does not exist says which fields do.
>>> Article.objects.order_by('title')
Traceback (most recent call last):
    ...
TypeError: Cannot order by 'title': Article has no field of that name. Choices are: headline, id, pub_date
"""}
