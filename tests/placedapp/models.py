"""Models placed in every 2007 way (app label 'placedapp'), for the router
tests: by Meta.db_connection, by a MODELS entry, and not at all.

The app is in no INSTALLED_APPS (of either design) unless a test puts it
there: LegacyRouter must still place its models.
"""

from django_legacy.db import models


class Ledger(models.Model):
    "Placed by the 2006 design: Meta.db_connection."
    title = models.CharField(maxlength=30)

    class Meta:
        db_connection = '_ledger'


class Entry(models.Model):
    "Placed with its ledger, by Meta.db_connection too."
    ledger = models.ForeignKey(Ledger)
    amount = models.IntegerField()

    class Meta:
        db_connection = '_ledger'


class Note(models.Model):
    "Placed by an 'app_label.ClassName' entry of MODELS."
    text = models.CharField(maxlength=30)


class Plain(models.Model):
    "Placed nowhere: the default connection."
    text = models.CharField(maxlength=30)
