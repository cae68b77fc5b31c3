"""Models for the pytest tests of the 0.96 field classes and model API
(app label 'fieldsapp'); tests install their tables where they need them."""

import datetime

from django_legacy.db import models


class Everything(models.Model):
    "One field of each 0.96 class that is a plain column."
    small = models.SmallIntegerField(null=True)
    positive_small = models.PositiveSmallIntegerField(null=True)
    maybe = models.NullBooleanField()
    email = models.EmailField(blank=True)
    url = models.URLField(verify_exists=False, blank=True)
    phone = models.PhoneNumberField(blank=True)
    state = models.USStateField(blank=True)
    ip = models.IPAddressField(null=True, blank=True)
    slug = models.SlugField(blank=True)
    numbers = models.CommaSeparatedIntegerField(maxlength=20, blank=True)
    path = models.FilePathField(path='/tmp', blank=True)
    amount = models.FloatField(max_digits=7, decimal_places=3, null=True)
    alarm = models.TimeField(null=True)
    document = models.XMLField(blank=True)


class Stamped(models.Model):
    "auto_now and auto_now_add."
    label = models.CharField(maxlength=10)
    created = models.DateTimeField(auto_now_add=True)
    changed = models.DateTimeField(auto_now=True)
    day = models.DateField(auto_now=True)
    at = models.TimeField(auto_now_add=True)


class Attachment(models.Model):
    title = models.CharField(maxlength=20)
    upload = models.FileField(upload_to='docs/%Y', blank=True)


class Picture(models.Model):
    image = models.ImageField(upload_to='pics', width_field='width', height_field='height')
    width = models.IntegerField(null=True)
    height = models.IntegerField(null=True)


class Thumbnail(models.Model):
    image = models.ImageField(upload_to='thumbs')


class Entry(models.Model):
    "get_next_by_FOO / get_previous_by_FOO and choices."
    kind = models.CharField(maxlength=1, choices=(('n', 'News'), ('r', 'Review')))
    posted = models.DateTimeField()
    expires = models.DateField(null=True)

    def __str__(self):
        return '%s %s' % (self.kind, self.posted.date())


class Question(models.Model):
    text = models.CharField(maxlength=50)

    def __str__(self):
        return self.text


class Answer(models.Model):
    "order_with_respect_to."
    question = models.ForeignKey(Question)
    text = models.CharField(maxlength=50)

    class Meta:
        order_with_respect_to = 'question'

    def __str__(self):
        return self.text


class Seat(models.Model):
    "unique_together."
    row = models.CharField(maxlength=2)
    number = models.IntegerField()

    class Meta:
        unique_together = (('row', 'number'),)


class Venue(models.Model):
    name = models.CharField(maxlength=20)

    def __str__(self):
        return self.name


class Cafe(models.Model):
    venue = models.OneToOneField(Venue)
    tables = models.IntegerField(default=4)

    def __str__(self):
        return 'cafe at %s' % self.venue.name


class Inventory(models.Model):
    "A parent with a custom manager, a relation and a many-to-many."
    label = models.CharField(maxlength=20)
    venue = models.ForeignKey(Venue, null=True)
    stamped = models.ManyToManyField(Stamped)
    objects = models.Manager()
    by_label = models.Manager()


class CountedInventory(Inventory):
    count = models.IntegerField(default=0)


class Lazy:
    "A descriptor that needs __set_name__ (a Python 3 protocol)."

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        return 'lazy %s' % self.name


class WithDescriptor(models.Model):
    value = Lazy()
    when = models.DateField(default=datetime.date.today)
