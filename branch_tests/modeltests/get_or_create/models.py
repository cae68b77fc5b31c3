"""
33. get_or_create()

``get_or_create()`` looks an object up, and creates it if it is not there.
It returns a tuple ``(object, created)``.
"""

from datetime import date

from django_legacy.db import models


class Person(models.Model):
    first_name = models.CharField(maxlength=100)
    last_name = models.CharField(maxlength=100)
    birthday = models.DateField()

    def __str__(self):
        return '%s %s' % (self.first_name, self.last_name)


__test__ = {'API_TESTS': """
# Acting as a divine being, create a Person.
>>> p = Person(first_name='John', last_name='Lennon', birthday=date(1940, 10, 9))
>>> p.save()

# Only one Person is in the database.
>>> Person.objects.count()
1

# get_or_create() finds him, and creates nothing.
>>> p, created = Person.objects.get_or_create(first_name='John', last_name='Lennon', defaults={
...     'birthday': date(1940, 10, 9)})
>>> created
False
>>> Person.objects.count()
1

# Lookups with double underscores are used to find, not to create.
>>> p, created = Person.objects.get_or_create(first_name__iexact='JOHN', last_name='Lennon',
...     defaults={'birthday': date(1940, 10, 9)})
>>> created, p
(False, <Person: John Lennon>)

# George is not there yet, so he is created from the lookups and defaults.
>>> p, created = Person.objects.get_or_create(first_name='George', last_name='Harrison', defaults={
...     'birthday': date(1943, 2, 25)})
>>> created
True
>>> Person.objects.count()
2
>>> Person.objects.get(first_name='George').birthday
datetime.date(1943, 2, 25)

# A second call finds George.
>>> p, created = Person.objects.get_or_create(first_name='George', last_name='Harrison', defaults={
...     'birthday': date(1943, 2, 25)})
>>> created
False

# get() on several matches says how many it found.
>>> Person(first_name='George', last_name='Martin', birthday=date(1926, 1, 3)).save()
>>> Person.objects.get(first_name='George')
Traceback (most recent call last):
    ...
MultipleObjectsReturned: get() returned more than one Person -- it returned 2! Lookup parameters were {'first_name': 'George'}
"""}
