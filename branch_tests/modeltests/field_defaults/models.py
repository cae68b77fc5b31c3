"""
32. Callable defaults

A field's ``default`` may be a callable; it is called for each new instance
that is not given a value (here ``datetime.now`` for the time of a booking).
"""

from datetime import datetime

from django_legacy.db import models


class Booking(models.Model):
    guest = models.CharField(maxlength=100, default='Walk-in guest')
    made_at = models.DateTimeField(default=datetime.now)

    def __str__(self):
        return self.guest


__test__ = {'API_TESTS': """
>>> from datetime import datetime, timedelta
>>> Booking.objects.all()
[]

# Neither field is given: both defaults apply, the time by calling now().
>>> before = datetime.now()
>>> b = Booking(id=None)
>>> after = datetime.now()
>>> b.save()
>>> b.id
1
>>> b.guest
'Walk-in guest'
>>> before <= b.made_at <= after
True

# The callable runs again for each instance.
>>> later = Booking()
>>> later.made_at >= b.made_at
True
>>> later.made_at - datetime.now() < timedelta(seconds=5)
True

# A value given replaces the default.
>>> Booking(guest='Mr Pym').guest
'Mr Pym'
"""}
