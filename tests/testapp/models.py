"""Models for the pytest tests of internals (app label 'testapp').

They are not in INSTALLED_APPS: tests install their tables where they need
them, with Manager.install, and drop them after.
"""

from django_legacy.db import models


class Author(models.Model):
    name = models.CharField(maxlength=50)
    born = models.DateField(null=True)

    def __str__(self):
        return self.name


class Book(models.Model):
    title = models.CharField(maxlength=100, db_index=True)
    author = models.ForeignKey(Author)
    pages = models.PositiveIntegerField(default=0)
    price = models.FloatField(max_digits=6, decimal_places=2, null=True)
    in_print = models.BooleanField(default=True)

    def __str__(self):
        return self.title

    class Meta:
        unique_together = (('title', 'author'),)


class Tag(models.Model):
    label = models.SlugField()
    books = models.ManyToManyField(Book, related_name='tags')

    def __str__(self):
        return self.label


class Counter(models.Model):
    "A row per write of the thread stress test."
    thread = models.IntegerField()
    serial = models.IntegerField()

    class Meta:
        unique_together = (('thread', 'serial'),)


class Node(models.Model):
    "Relates to itself."
    name = models.CharField(maxlength=20)
    parent = models.ForeignKey('self', null=True, related_name='children')
    friends = models.ManyToManyField('self')

    def __str__(self):
        return self.name


class Trip(models.Model):
    "Date and time fields."
    day = models.DateField()
    leaves = models.TimeField()
    booked = models.DateTimeField()
