"""
35. Shortcuts: get_object_or_404 and get_list_or_404

A view that looks one object up wants a "page not found" rather than the
model's ``DoesNotExist``. ``get_object_or_404(klass, **lookup)`` runs
``get()`` and turns ``DoesNotExist`` into ``Http404``;
``get_list_or_404(klass, **lookup)`` runs ``filter()`` and raises
``Http404`` when nothing matches. ``klass`` is a model (its default manager
is used) or any manager, including a related one and a custom one.
"""

from django_legacy.db import models
from django_legacy.http import Http404  # noqa: F401 (used by the doctest)
from django_legacy.shortcuts import get_list_or_404, get_object_or_404  # noqa: F401


class Author(models.Model):
    name = models.CharField(maxlength=50)

    def __str__(self):
        return self.name


class KnightlyManager(models.Manager):
    "Only the articles that have an author with 'sir' in the name."

    def get_query_set(self):
        return super().get_query_set().filter(authors__name__icontains='sir')


class Article(models.Model):
    authors = models.ManyToManyField(Author)
    title = models.CharField(maxlength=50)
    objects = models.Manager()
    by_a_knight = KnightlyManager()

    def __str__(self):
        return self.title


__test__ = {'API_TESTS': """
>>> lancelot = Author.objects.create(name='Sir Lancelot')
>>> tim = Author.objects.create(name='Tim the Enchanter')

# Nothing written yet: looking an article up is a 404.
>>> get_object_or_404(Article, title='Ni')
Traceback (most recent call last):
...
Http404: No Article matches the given query.

>>> article = Article.objects.create(title='The Bridge of Death')
>>> article.authors = [lancelot, tim]

# A model: its default manager is used.
>>> get_object_or_404(Article, title__startswith='The Bridge')
<Article: The Bridge of Death>

# A related manager: only the author's articles are searched.
>>> get_object_or_404(lancelot.article_set, title__contains='Bridge')
<Article: The Bridge of Death>
>>> get_object_or_404(lancelot.article_set, title__contains='Grail')
Traceback (most recent call last):
...
Http404: No Article matches the given query.

# A custom manager.
>>> get_object_or_404(Article.by_a_knight, title='The Bridge of Death')
<Article: The Bridge of Death>

# get_list_or_404 returns a list...
>>> get_list_or_404(lancelot.article_set, title__icontains='bridge')
[<Article: The Bridge of Death>]
>>> get_list_or_404(Article.by_a_knight, title__icontains='death')
[<Article: The Bridge of Death>]

# ... or raises Http404 if it would be empty.
>>> get_list_or_404(tim.article_set, title__icontains='rabbit')
Traceback (most recent call last):
...
Http404: No Article matches the given query.
"""}
