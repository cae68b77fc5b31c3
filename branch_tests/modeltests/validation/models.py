"""
31. Validation

``validate()`` converts each field's value to its Python type, then checks
it, and returns a dictionary of field name -> list of error messages ({}
when everything is valid). Converting is a side effect: the instance keeps
the converted values.
"""

from django_legacy.db import models


class Member(models.Model):
    is_junior = models.BooleanField()
    name = models.CharField(maxlength=20)
    joined = models.DateField()
    best_game = models.DateTimeField()
    email = models.EmailField()

    def __str__(self):
        return self.name


class Contact(models.Model):
    "One field of each kind that checks its value."
    slug = models.SlugField(blank=True)
    phone = models.PhoneNumberField(blank=True)
    state = models.USStateField(blank=True)
    ip = models.IPAddressField(blank=True)
    site = models.URLField(verify_exists=True, blank=True)
    lucky_numbers = models.CommaSeparatedIntegerField(maxlength=50, blank=True)
    subscribed = models.NullBooleanField()
    seats = models.PositiveSmallIntegerField(null=True, blank=True)


__test__ = {'API_TESTS': """
>>> import datetime
>>> good = {
...     'is_junior': False,
...     'name': 'Morag',
...     'joined': datetime.date(1998, 9, 1),
...     'best_game': datetime.datetime(2001, 6, 9, 15, 45),
...     'email': 'morag@chess.example.org',
... }
>>> m = Member(**good)
>>> m.validate()
{}

# The automatic id is converted to an integer...
>>> m = Member(**dict(good, id='57'))
>>> m.validate()
{}
>>> m.id
57

# ...or reported.
>>> m = Member(**dict(good, id='fifty'))
>>> m.validate()
{'id': ['This value must be an integer.']}
>>> m = Member(**dict(good, id=None))
>>> m.validate()
{}
>>> repr(m.id)
'None'

# Booleans accept True/False and their spellings 't'/'f'.
>>> m = Member(**dict(good, is_junior='t'))
>>> m.validate()
{}
>>> m.is_junior
True
>>> m = Member(**dict(good, is_junior='f'))
>>> m.validate()
{}
>>> m.is_junior
False
>>> m = Member(**dict(good, is_junior=True))
>>> m.validate()
{}
>>> m.is_junior
True
>>> m = Member(**dict(good, is_junior=False))
>>> m.validate()
{}
>>> m.is_junior
False
>>> m = Member(**dict(good, is_junior='perhaps'))
>>> m.validate()
{'is_junior': ['This value must be either True or False.']}

# Text stays text; anything else becomes its str().
>>> m = Member(**dict(good, name='Iain'))
>>> m.validate()
{}
>>> m.name
'Iain'
>>> m = Member(**dict(good, name=1066))
>>> m.validate()
{}
>>> m.name
'1066'

# Dates: a date, a datetime (its date is kept) or 'YYYY-MM-DD' with one or
# two digits for the month and day.
>>> m = Member(**dict(good, joined=datetime.date(1998, 9, 1)))
>>> m.validate()
{}
>>> m.joined
datetime.date(1998, 9, 1)
>>> m = Member(**dict(good, joined=datetime.datetime(1998, 9, 1)))
>>> m.validate()
{}
>>> m.joined
datetime.date(1998, 9, 1)
>>> m = Member(**dict(good, joined='1998-09-01'))
>>> m.validate()
{}
>>> m.joined
datetime.date(1998, 9, 1)
>>> m = Member(**dict(good, joined='1998-9-1'))
>>> m.validate()
{}
>>> m.joined
datetime.date(1998, 9, 1)
>>> m = Member(**dict(good, joined='last autumn'))
>>> m.validate()
{'joined': ['Enter a valid date in YYYY-MM-DD format.']}

# Date-times: a datetime, or a date (midnight).
>>> m = Member(**dict(good, best_game=datetime.datetime(2001, 6, 9, 15, 45)))
>>> m.validate()
{}
>>> m.best_game
datetime.datetime(2001, 6, 9, 15, 45)
>>> m = Member(**dict(good, best_game=datetime.datetime(2001, 6, 9)))
>>> m.validate()
{}
>>> m.best_game
datetime.datetime(2001, 6, 9, 0, 0)
>>> m = Member(**dict(good, best_game='the final'))
>>> m.validate()
{'best_game': ['Enter a valid date/time in YYYY-MM-DD HH:MM format.']}

# E-mail addresses are checked.
>>> m = Member(**dict(good, email='morag@chess.example.org'))
>>> m.validate()
{}
>>> m.email
'morag@chess.example.org'
>>> m = Member(**dict(good, email=64))
>>> m.validate()
{'email': ['Enter a valid e-mail address.']}

# A date and a date-time left out are reported as required, not as Python
# errors (the fields come in their model's order).
>>> Member(name='Fergus', is_junior=True, email='f@chess.example.org').validate()
{'joined': ['This field is required.'], 'best_game': ['This field is required.']}

# Every field class checks its own kind of value; blank fields pass.
>>> Contact().validate()
{}
>>> c = Contact(slug='opening-gambits', phone='312-555-0147', state='IL', ip='192.168.0.10',
...             site='http://chess.example.org/', lucky_numbers='3,7,11', subscribed='f',
...             seats='4')
>>> c.validate()
{}
>>> c.subscribed, c.seats
(False, 4)
>>> errors = Contact(slug='no spaces!', phone='5550147', state='XX', ip='300.1.2.3',
...                  site='chess.example.org', lucky_numbers='3,seven', subscribed='maybe',
...                  seats='-2').validate()
>>> for name in sorted(errors):
...     print('%s: %s' % (name, errors[name]))
ip: ['Please enter a valid IP address.']
lucky_numbers: ['Enter only digits separated by commas.']
phone: ['Phone numbers must be in XXX-XXX-XXXX format. "5550147" is invalid.']
seats: ['Enter a positive number.']
site: ['A valid URL is required.']
slug: ['This value must contain only letters, numbers, underscores or hyphens.']
state: ['Enter a valid U.S. state abbreviation.']
subscribed: ['This value must be either None, True or False.']
"""}
