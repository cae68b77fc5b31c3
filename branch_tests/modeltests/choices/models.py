"""
21. Choices

A field given ``choices`` (pairs of stored value and label) gives each
instance a ``get_<field>_display()`` method that returns the label of the
value the field holds.
"""

from django_legacy.db import models

SIZES = (
    ('S', 'Small'),
    ('M', 'Medium'),
    ('L', 'Large'),
)


class Shirt(models.Model):
    owner = models.CharField(maxlength=30)
    size = models.CharField(maxlength=1, choices=SIZES)

    def __str__(self):
        return self.owner


__test__ = {'API_TESTS': """
>>> ines = Shirt(owner='Ines', size='S')
>>> ines.save()
>>> tomas = Shirt(owner='Tomas', size='L')
>>> tomas.save()

# The field holds the stored value...
>>> ines.size
'S'
>>> tomas.size
'L'

# ...and get_size_display() gives its label.
>>> ines.get_size_display()
'Small'
>>> tomas.get_size_display()
'Large'

# The labels survive a round trip through the database.
>>> Shirt.objects.get(owner='Tomas').get_size_display()
'Large'

# A value that is not among the choices is shown as it is.
>>> odd = Shirt(owner='Odd', size='X')
>>> odd.get_size_display()
'X'
"""}
