"""
13. Hooks around save() and delete()

A model overrides save() or delete() to run code before and after, and
calls the real method with super().
"""

from django_legacy.db import models


class Letter(models.Model):
    sender = models.CharField(maxlength=20)
    recipient = models.CharField(maxlength=20)

    def __str__(self):
        return '%s to %s' % (self.sender, self.recipient)

    def save(self):
        print('Sealing the envelope')
        super(Letter, self).save()      # the spelling of 2007
        print('Posted')

    def delete(self):
        print('Taking it back')
        super().delete()                # Python 3's spelling works as well
        print('Shredded')


__test__ = {'API_TESTS': """
>>> note = Letter(sender='Ada', recipient='Charles')
>>> note.save()
Sealing the envelope
Posted
>>> Letter.objects.all()
[<Letter: Ada to Charles>]

>>> note.delete()
Taking it back
Shredded
>>> Letter.objects.all()
[]
"""}
