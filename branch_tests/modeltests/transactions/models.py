"""
15. Transactions

Django handles transactions in three ways: autocommit (each save commits
at once), commit_on_success (commit if the function returns, roll back if
it raises) and commit_manually. This test shows that a single-database
project sees them exactly as in 0.96.
"""

from django_legacy.db import models


class Reporter(models.Model):
    first_name = models.CharField(maxlength=30)
    last_name = models.CharField(maxlength=30)
    email = models.CharField(maxlength=75)

    def __str__(self):
        return "%s %s" % (self.first_name, self.last_name)


__test__ = {'API_TESTS': """
>>> from django_legacy.db import transaction

# The default behavior is to autocommit after each save() action.
>>> def create_a_reporter_then_fail(first, last):
...     a = Reporter(first_name=first, last_name=last)
...     a.save()
...     raise Exception("I meant to do that")
...

# The object created before the exception still exists.
>>> create_a_reporter_then_fail("Alice", "Smith")
Traceback (most recent call last):
    ...
Exception: I meant to do that
>>> Reporter.objects.all()
[<Reporter: Alice Smith>]

# The autocommit decorator works exactly the same as the default behavior.
>>> autocomitted_create_then_fail = transaction.autocommit(create_a_reporter_then_fail)
>>> autocomitted_create_then_fail("Ben", "Jones")
Traceback (most recent call last):
    ...
Exception: I meant to do that
>>> Reporter.objects.all()
[<Reporter: Alice Smith>, <Reporter: Ben Jones>]

# With commit_on_success, the exception rolls the save back.
>>> committed_on_success = transaction.commit_on_success(create_a_reporter_then_fail)
>>> committed_on_success("Carol", "Doe")
Traceback (most recent call last):
    ...
Exception: I meant to do that
>>> Reporter.objects.all()
[<Reporter: Alice Smith>, <Reporter: Ben Jones>]

# If there aren't any exceptions, the data will get saved.
>>> def remove_a_reporter():
...     r = Reporter.objects.get(first_name="Alice")
...     r.delete()
...
>>> remove_comitted_on_success = transaction.commit_on_success(remove_a_reporter)
>>> remove_comitted_on_success()
>>> Reporter.objects.all()
[<Reporter: Ben Jones>]

# The decorator may be used bare, or called with arguments.
>>> @transaction.commit_on_success
... def add_dave():
...     Reporter(first_name="Dave", last_name="Bush").save()
>>> add_dave()
>>> @transaction.commit_on_success()
... def add_eve():
...     Reporter(first_name="Eve", last_name="Lee").save()
>>> add_eve()
>>> Reporter.objects.count()
3

# You can manually manage transactions if you really want to, but you
# have to remember to commit/rollback.
>>> def manually_managed():
...     r = Reporter(first_name="Dirk", last_name="Gently")
...     r.save()
...     transaction.commit()
>>> manually_managed = transaction.commit_manually(manually_managed)
>>> manually_managed()
>>> Reporter.objects.count()
4

# If you forget, you'll get bad errors, and the change is rolled back.
>>> def manually_managed_mistake():
...     r = Reporter(first_name="Edward", last_name="Woodward")
...     r.save()
...     # oops, I forgot to commit/rollback!
>>> manually_managed_mistake = transaction.commit_manually(manually_managed_mistake)
>>> manually_managed_mistake()
Traceback (most recent call last):
    ...
TransactionManagementError: Transaction managed block ended with pending COMMIT/ROLLBACK
>>> Reporter.objects.filter(first_name="Edward").count()
0

# Outside a managed block, set_dirty() is refused.
>>> transaction.set_dirty()
Traceback (most recent call last):
    ...
TransactionManagementError: This code isn't under transaction management: call enter_transaction_management() first.
"""}
