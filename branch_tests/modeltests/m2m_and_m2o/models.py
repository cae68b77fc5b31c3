"""
29. A many-to-many and a many-to-one relation to the same model

Two relations from one model to another need a ``related_name`` each, so
that their reverse names do not clash. Lookups across both can be combined
with OR; a row with no related row on the many-to-many side still matches
through the other condition.
"""

from django_legacy.db import models


class Member(models.Model):
    login = models.CharField(maxlength=20)

    def __str__(self):
        return self.login


class Ticket(models.Model):
    number = models.IntegerField()
    watchers = models.ManyToManyField(Member, blank=True, related_name='watched_tickets')
    reporter = models.ForeignKey(Member, related_name='reported_tickets')

    def __str__(self):
        return 'Ticket #%d' % self.number

    class Meta:
        ordering = ('number',)


__test__ = {'API_TESTS': """
>>> Ticket.objects.all()
[]
>>> ada = Member(login='ada')
>>> ada.save()
>>> bob = Member(login='bob')
>>> bob.save()

# Ticket 10 has nobody watching it.
>>> t10 = Ticket(number=10, reporter=ada)
>>> t10.save()
>>> t11 = Ticket(number=11, reporter=ada)
>>> t11.save()
>>> t11.watchers.add(ada)
>>> t12 = Ticket(number=12, reporter=bob)
>>> t12.save()
>>> t12.watchers.add(ada)

# Each relation on its own.
>>> Ticket.objects.filter(reporter=ada.id)
[<Ticket: Ticket #10>, <Ticket: Ticket #11>]
>>> Ticket.objects.filter(reporter=bob.id)
[<Ticket: Ticket #12>]
>>> Ticket.objects.filter(watchers__id__exact=bob.id)
[]
>>> Ticket.objects.filter(watchers__id__exact=ada.id)
[<Ticket: Ticket #11>, <Ticket: Ticket #12>]

# Both relations at once, three ways; ticket 10, watched by nobody, is kept.
>>> from django_legacy.db.models.query import Q
>>> Ticket.objects.filter(Q(watchers__id__exact=ada.id) | Q(reporter=ada.id))
[<Ticket: Ticket #10>, <Ticket: Ticket #11>, <Ticket: Ticket #12>]
>>> Ticket.objects.filter(watchers__id__exact=ada.id) | Ticket.objects.filter(reporter=ada.id)
[<Ticket: Ticket #10>, <Ticket: Ticket #11>, <Ticket: Ticket #12>]
>>> Ticket.objects.filter(Q(reporter=ada.id) | Q(watchers__id__exact=ada.id))
[<Ticket: Ticket #10>, <Ticket: Ticket #11>, <Ticket: Ticket #12>]

# The reverse names are the related_names.
>>> ada.reported_tickets.all()
[<Ticket: Ticket #10>, <Ticket: Ticket #11>]
>>> ada.watched_tickets.all()
[<Ticket: Ticket #11>, <Ticket: Ticket #12>]
>>> Member.objects.filter(watched_tickets__number=12)
[<Member: ada>]
"""}
