"""
7. The lookup API

The 0.96 field lookups: ``field__lookuptype=value``.
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


__test__ = {'API_TESTS': r"""
>>> for i, (headline, day) in enumerate([
...         ('Article 1', 26), ('Article 2', 27), ('Article 3', 27), ('Article 4', 28),
...         ('Article 5', 1), ('Article 6', 1), ('Article 7', 27)]):
...     month = 8 if day == 1 else 7
...     Article(headline=headline, pub_date=datetime(2005, month, day, 12 - i % 3)).save()

# Ordering comes from Meta.ordering: newest first, then by headline.
>>> Article.objects.all()
[<Article: Article 5>, <Article: Article 6>, <Article: Article 4>, <Article: Article 7>, <Article: Article 2>, <Article: Article 3>, <Article: Article 1>]

# exact is the default lookup type.
>>> Article.objects.filter(headline='Article 4')
[<Article: Article 4>]
>>> Article.objects.filter(headline__exact='Article 4')
[<Article: Article 4>]

# iexact ignores case.
>>> Article.objects.filter(headline__iexact='ARTICLE 4')
[<Article: Article 4>]

# startswith, endswith, contains and their case-insensitive forms.
>>> Article.objects.filter(headline__startswith='Article 1')
[<Article: Article 1>]
>>> Article.objects.filter(headline__istartswith='article 1')
[<Article: Article 1>]
>>> Article.objects.filter(headline__endswith='7')
[<Article: Article 7>]
>>> Article.objects.filter(headline__iendswith='E 7')
[<Article: Article 7>]
>>> Article.objects.filter(headline__icontains='CLE 3')
[<Article: Article 3>]

# Wildcards in the value are matched literally.
>>> Article(headline='100% sure_thing', pub_date=datetime(2005, 11, 20)).save()
>>> Article.objects.filter(headline__contains='%')
[<Article: 100% sure_thing>]
>>> Article.objects.filter(headline__contains='_')
[<Article: 100% sure_thing>]
>>> Article.objects.filter(headline__contains='0% s')
[<Article: 100% sure_thing>]
>>> Article.objects.filter(headline__startswith='1%').count()
0
>>> Article.objects.get(headline__contains='%').delete()

# gt, gte, lt, lte.
>>> Article.objects.filter(pub_date__gte=datetime(2005, 7, 28))
[<Article: Article 5>, <Article: Article 6>, <Article: Article 4>]
>>> Article.objects.filter(pub_date__lt=datetime(2005, 7, 27))
[<Article: Article 1>]
>>> Article.objects.filter(id__gt=5, id__lte=6)
[<Article: Article 6>]

# in and range.
>>> Article.objects.filter(id__in=[1, 3, 99])
[<Article: Article 3>, <Article: Article 1>]
>>> Article.objects.filter(id__in=[])
[]
>>> Article.objects.filter(pub_date__range=(datetime(2005, 7, 27), datetime(2005, 7, 28)))
[<Article: Article 7>, <Article: Article 2>, <Article: Article 3>]

# year, month and day.
>>> Article.objects.filter(pub_date__month=8)
[<Article: Article 5>, <Article: Article 6>]
>>> Article.objects.filter(pub_date__year=2005, pub_date__day=27).count()
3

# exclude() is the opposite of filter().
>>> Article.objects.exclude(headline__startswith='Article 1').exclude(pub_date__month=7)
[<Article: Article 5>, <Article: Article 6>]

# Q objects combine conditions with | (OR), & (AND) and ~ (NOT).
>>> from django_legacy.db.models import Q
>>> Article.objects.filter(Q(headline='Article 1') | Q(headline='Article 2'))
[<Article: Article 2>, <Article: Article 1>]
>>> Article.objects.filter(Q(pub_date__month=8) & ~Q(headline='Article 5'))
[<Article: Article 6>]

# values() returns dictionaries instead of objects.
>>> list(Article.objects.filter(id=1).values('id', 'headline'))
[{'id': 1, 'headline': 'Article 1'}]
>>> list(Article.objects.filter(id=1).values())
[{'id': 1, 'headline': 'Article 1', 'pub_date': datetime.datetime(2005, 7, 26, 12, 0)}]

# order_by() overrides Meta.ordering; '-' descends.
>>> Article.objects.order_by('headline')[:2]
[<Article: Article 1>, <Article: Article 2>]
>>> Article.objects.order_by('-id')[:2]
[<Article: Article 7>, <Article: Article 6>]

# latest() returns the object latest by a field.
>>> Article.objects.latest('pub_date')
<Article: Article 5>

# extra() adds raw SQL where nothing else will do; values still travel as
# parameters.
>>> Article.objects.extra(where=['id > %s', 'id < %s'], params=[5, 7])
[<Article: Article 6>]
>>> Article.objects.extra(select={'id_plus_one': 'id + 1'}).get(id=1).id_plus_one
2

# distinct() adds DISTINCT.
>>> Article.objects.filter(pub_date__month=8).distinct().count()
2

# A value that looks like SQL is only ever a parameter.
>>> Article.objects.filter(headline="'; DROP TABLE lookup_article; --")
[]
>>> Article.objects.count()
7

# An unknown field or lookup type is a TypeError that names it, in 0.96's
# words: an unknown lookup type is read as part of the keyword.
>>> Article.objects.filter(headline_starts='Article')
Traceback (most recent call last):
    ...
TypeError: Cannot resolve keyword 'headline_starts' into field
>>> Article.objects.filter(headline__starts='Article')
Traceback (most recent call last):
    ...
TypeError: Cannot resolve keyword 'headline__starts' into field
"""}
