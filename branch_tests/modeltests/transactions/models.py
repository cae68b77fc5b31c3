"""
15. Transactions

A greenhouse log shows the three ways writes reach the database: left
alone, every save() is committed straight away; under commit_on_success a
function's writes are kept only when it returns normally; under
commit_manually the function itself must say commit() or rollback(). A
project with one database behaves here just as 0.96 did.
"""

from django_legacy.db import models


class Seedling(models.Model):
    plant = models.CharField(maxlength=30)
    variety = models.CharField(maxlength=30)
    tray_label = models.CharField(maxlength=75)

    def __str__(self):
        return "%s (%s)" % (self.plant, self.variety)


__test__ = {'API_TESTS': """
>>> from django_legacy.db import transaction

# A helper that plants one seedling and then drops the tray.
>>> def sow_and_drop(plant, variety):
...     Seedling(plant=plant, variety=variety).save()
...     raise ValueError("the tray slipped")
...

# Nothing manages the transaction, so the row was committed before the error.
>>> sow_and_drop("Tomato", "Roma")
Traceback (most recent call last):
    ...
ValueError: the tray slipped
>>> Seedling.objects.all()
[<Seedling: Tomato (Roma)>]

# Wrapping the helper in autocommit changes nothing.
>>> sow_in_autocommit = transaction.autocommit(sow_and_drop)
>>> sow_in_autocommit("Basil", "Genovese")
Traceback (most recent call last):
    ...
ValueError: the tray slipped
>>> Seedling.objects.all()
[<Seedling: Tomato (Roma)>, <Seedling: Basil (Genovese)>]

# Under commit_on_success the error undoes the helper's save.
>>> sow_if_all_goes_well = transaction.commit_on_success(sow_and_drop)
>>> sow_if_all_goes_well("Pepper", "Jalapeno")
Traceback (most recent call last):
    ...
ValueError: the tray slipped
>>> Seedling.objects.all()
[<Seedling: Tomato (Roma)>, <Seedling: Basil (Genovese)>]

# A function that returns normally keeps its work (a delete, this time).
>>> def compost_the_tomato():
...     Seedling.objects.get(plant="Tomato").delete()
...
>>> compost_if_all_goes_well = transaction.commit_on_success(compost_the_tomato)
>>> compost_if_all_goes_well()
>>> Seedling.objects.all()
[<Seedling: Basil (Genovese)>]

# commit_on_success works written plainly above a def, or called first.
>>> @transaction.commit_on_success
... def sow_lettuce():
...     Seedling(plant="Lettuce", variety="Butterhead").save()
>>> sow_lettuce()
>>> @transaction.commit_on_success()
... def sow_squash():
...     Seedling(plant="Squash", variety="Butternut").save()
>>> sow_squash()
>>> Seedling.objects.count()
3

# Under commit_manually the function commits for itself...
>>> def sow_and_commit():
...     Seedling(plant="Onion", variety="Red Baron").save()
...     transaction.commit()    # the onion is kept
>>> sow_and_commit = transaction.commit_manually(sow_and_commit)
>>> sow_and_commit()
>>> Seedling.objects.count()
4

# ...and one that neither commits nor rolls back is told so; its row is gone.
>>> def sow_and_walk_away():
...     Seedling(plant="Leek", variety="Musselburgh").save()
>>> sow_and_walk_away = transaction.commit_manually(sow_and_walk_away)
>>> sow_and_walk_away()
Traceback (most recent call last):
    ...
TransactionManagementError: Transaction managed block ended with pending COMMIT/ROLLBACK
>>> Seedling.objects.filter(plant="Leek").count()
0

# Marking the connection dirty needs a managed block around it.
>>> transaction.set_dirty()
Traceback (most recent call last):
    ...
TransactionManagementError: This code isn't under transaction management: call enter_transaction_management() first.
"""}
