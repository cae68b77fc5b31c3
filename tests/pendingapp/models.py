"""An app whose model refers to a model of another app (tests.testapp)."""

from django_legacy.db import models


class Loan(models.Model):
    author = models.ForeignKey('testapp.Author')
    amount = models.IntegerField()
