"""
30. Object pagination

``ObjectPaginator`` cuts a QuerySet (or a list) into pages of a fixed size.
Pages are numbered from zero. ``hits`` is the number of objects, ``pages``
the number of pages; ``orphans`` lets a short last page join the one
before it.
"""

from django_legacy.db import models


class Article(models.Model):
    headline = models.CharField(maxlength=100, default='Untitled')
    pub_date = models.DateTimeField()

    class Meta:
        ordering = ('id',)

    def __str__(self):
        return self.headline


__test__ = {'API_TESTS': """
# Nine dispatches, all from the same summer day.
>>> from datetime import datetime
>>> for n in range(1, 10):
...     Article(headline='Dispatch %d' % n, pub_date=datetime(2006, 8, 14)).save()

>>> from django_legacy.core.paginator import ObjectPaginator, InvalidPage
>>> paginator = ObjectPaginator(Article.objects.all(), 5)

# Nine objects, five to a page: two pages.
>>> paginator.hits
9
>>> paginator.pages
2

# The first page is page 0; the second holds the remaining four.
>>> paginator.get_page(0)
[<Article: Dispatch 1>, <Article: Dispatch 2>, <Article: Dispatch 3>, <Article: Dispatch 4>, <Article: Dispatch 5>]
>>> paginator.get_page(1)
[<Article: Dispatch 6>, <Article: Dispatch 7>, <Article: Dispatch 8>, <Article: Dispatch 9>]

# Which pages have neighbours?
>>> paginator.has_next_page(0), paginator.has_previous_page(0)
(True, False)
>>> paginator.has_next_page(1), paginator.has_previous_page(1)
(False, True)

# The position, among all nine, of the first and last object of each page.
>>> paginator.first_on_page(0), paginator.last_on_page(0)
(1, 5)
>>> paginator.first_on_page(1), paginator.last_on_page(1)
(6, 9)

# A page that does not exist, or is not a number, is an InvalidPage.
>>> paginator.get_page(2)
Traceback (most recent call last):
...
InvalidPage: page 2 does not exist; pages are 0 to 1
>>> paginator.get_page('second')
Traceback (most recent call last):
...
InvalidPage: 'second' is not a page number

# A page number given as a string is read as a number.
>>> paginator.first_on_page('1')
6

# Three more, from a later day: twelve in all.
>>> for n in range(10, 13):
...     Article(headline='Dispatch %d' % n, pub_date=datetime(2006, 11, 2)).save()

# Ten to a page would leave two on a last page; with orphans=3 those two
# join the first page, so there is one page of twelve.
>>> paginator = ObjectPaginator(Article.objects.all(), 10, orphans=3)
>>> paginator.pages
1
>>> len(paginator.get_page(0))
12

# With orphans=1 the last page of two stands on its own.
>>> paginator = ObjectPaginator(Article.objects.all(), 10, orphans=1)
>>> paginator.pages
2
>>> len(paginator.get_page(1))
2

# A plain list paginates the same way.
>>> ObjectPaginator(['a', 'b', 'c'], 2).get_page(1)
['c']

# The default headline.
>>> Article(pub_date=datetime(2006, 11, 3)).headline
'Untitled'
"""}
