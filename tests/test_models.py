"""The model layer's internals: field conversions, relations, signals, querysets."""

import datetime

import pytest

from django_legacy.core.validators import ValidationError
from django_legacy.db import connections, models
from django_legacy.db.models import Q, signals
from django_legacy.dispatch import dispatcher
from tests.helpers import installed
from tests.testapp.models import Author, Book, Node, Tag, Trip


@pytest.fixture
def library(isolated_settings):
    with installed(Author, Book, Tag, Node, Trip):
        yield


def test_dates_and_times_round_trip(library):
    trip = Trip(day='2007-03-01', leaves=datetime.time(9, 30), booked='2007-02-01 10:00:00')
    trip.save()
    again = Trip.objects.get(pk=trip.pk)
    assert again.day == datetime.date(2007, 3, 1)
    assert again.leaves == datetime.time(9, 30)
    assert again.booked == datetime.datetime(2007, 2, 1, 10, 0)
    assert Trip.objects.filter(day__year=2007, day__month=3, day__day=1).count() == 1
    assert Trip.objects.filter(booked__lt=datetime.datetime(2007, 2, 2)).count() == 1
    with pytest.raises(ValidationError) as raised:
        Trip(day='soon', leaves='09:00', booked='2007-01-01').save()
    assert 'day' in str(raised.value)
    with pytest.raises(ValidationError):
        Trip(day='2007-01-01', leaves='nine', booked='2007-01-01').save()


def test_numbers_booleans_and_defaults(library):
    author = Author.objects.create(name='Ann', born=None)
    book = Book.objects.create(title='T', author=author, price='12.5', pages='300')
    again = Book.objects.get(pk=book.pk)
    assert (again.price, again.pages, again.in_print) == (12.5, 300, True)
    with pytest.raises(ValidationError):
        Book(title='U', author=author, pages=-1).save()
    with pytest.raises(ValidationError):
        Book(title='V', author=author, price='cheap').save()
    assert Author.objects.get(born__isnull=True) == author
    assert Author.objects.get(born=None) == author


def test_update_of_an_existing_row_and_values(library):
    author = Author.objects.create(name='Ann')
    author.name = 'Anne'
    author.save()
    assert list(Author.objects.values('name')) == [{'name': 'Anne'}]
    assert Author.objects.filter(name='Anne').update(name='Annie') == 1
    assert Author.objects.get(pk=author.pk).name == 'Annie'


def test_q_objects_and_exclude(library):
    for name in ('a', 'b', 'c'):
        Author.objects.create(name=name)
    q = (Q(name='a') | Q(name='b')) & ~Q(name='b')
    assert [a.name for a in Author.objects.filter(q)] == ['a']
    assert 'OR' in repr(Q(name='a') | Q(name='b'))
    assert [a.name for a in Author.objects.exclude(name__in=['a', 'b'])] == ['c']
    combined = Author.objects.filter(name='a') | Author.objects.filter(name='c')
    assert sorted(a.name for a in combined) == ['a', 'c']
    assert list(Author.objects.filter(name='a') & Author.objects.filter(name='b')) == []
    with pytest.raises(TypeError):
        Q(name='a') | 'b'


def test_self_relations(library):
    root = Node.objects.create(name='root')
    leaf = Node.objects.create(name='leaf', parent=root)
    assert [n.name for n in root.children.all()] == ['leaf']
    root.friends.add(leaf)
    assert [n.name for n in leaf.friends.all()] == ['root']   # symmetrical
    leaf.friends.remove(root)
    assert list(root.friends.all()) == []
    root.children.remove(leaf)
    assert Node.objects.get(name='leaf').parent is None
    leaf.parent = root
    leaf.save()
    root.children.clear()
    assert Node.objects.get(name='leaf').parent_id is None
    root.delete()
    assert [n.name for n in Node.objects.all()] == ['leaf']


def test_deleting_sets_nullable_foreign_keys_to_null(library):
    root = Node.objects.create(name='root')
    Node.objects.create(name='leaf', parent=root)
    Node.objects.filter(name='root').delete()
    assert Node.objects.get(name='leaf').parent_id is None


def test_select_related_and_slicing(library):
    ann = Author.objects.create(name='Ann')
    for i in range(5):
        Book.objects.create(title='B%d' % i, author=ann)
    books = list(Book.objects.select_related().order_by('title')[1:3])
    assert [b.title for b in books] == ['B1', 'B2']
    assert books[0].__dict__['_author_cache'].name == 'Ann'
    assert Book.objects.order_by('title')[1:3].count() == 2
    assert Book.objects.all()[::2] == list(Book.objects.all())[::2]
    with pytest.raises(IndexError):
        Book.objects.all()[10]
    with pytest.raises(AssertionError):
        Book.objects.all()[:2].filter(title='B0')


def test_many_to_many_from_both_sides_and_assignment(library):
    ann = Author.objects.create(name='Ann')
    book = Book.objects.create(title='B', author=ann)
    tag = Tag.objects.create(label='t')
    book.tags.add(tag)
    assert list(tag.books.all()) == [book]
    book.tags = []
    assert list(book.tags.all()) == []
    tag.books = [book]
    assert list(book.tags.all()) == [tag]
    with pytest.raises(ValueError):
        tag.books.add(Book(title='unsaved', author=ann))
    assert Tag.objects.filter(books__title='B').count() == 1
    book.delete()
    assert list(tag.books.all()) == []


def test_signals_are_sent_and_cost_nothing_without_listeners(library):
    seen = []

    def listener(sender, instance, signal):
        seen.append((signal, sender, instance.day))
    for signal in (signals.pre_save, signals.post_save, signals.pre_delete, signals.post_delete):
        dispatcher.connect(listener, signal=signal, sender=Trip)
    try:
        trip = Trip.objects.create(day='2007-01-01', leaves='09:00', booked='2007-01-01')
        trip.delete()
    finally:
        for signal in (signals.pre_save, signals.post_save, signals.pre_delete,
                       signals.post_delete):
            dispatcher.disconnect(listener, signal=signal, sender=Trip)
    assert [s for s, _, _ in seen] == [signals.pre_save, signals.post_save,
                                       signals.pre_delete, signals.post_delete]
    assert signals.pre_save not in dispatcher.receivers


def test_weak_receivers_go_away():
    signal = object()

    class Listener:
        def __call__(self, **kwargs):
            return 'heard'

        def method(self, **kwargs):
            return 'method'
    listener = Listener()
    dispatcher.connect(listener.method, signal=signal)
    assert [r for _, r in dispatcher.send(signal=signal)] == ['method']
    del listener
    assert dispatcher.send(signal=signal) == []
    assert signal not in dispatcher.receivers
    with pytest.raises(ValueError):
        dispatcher.connect(print)


def test_a_watch_holds_the_signals_that_have_receivers():
    one, two, other = object(), object(), object()

    def listener(**kwargs):
        pass
    dispatcher.connect(listener, signal=one)
    listened = dispatcher.watch(one, two)
    assert listened == {one} and dispatcher.watch(one, two) is listened
    dispatcher.connect(listener, signal=two, sender=Trip)
    dispatcher.connect(listener, signal=other)
    assert listened == {one, two}
    dispatcher.disconnect(listener, signal=one)
    assert listened == {two}
    dispatcher.disconnect(listener, signal=other)
    assert listened == {two}

    class Receiver:
        def __call__(self, **kwargs):
            pass
    receiver = Receiver()
    dispatcher.connect(receiver, signal=one)
    assert listened == {one, two}
    del receiver                # a receiver that died counts until a send finds it gone
    dispatcher.send(signal=one)
    dispatcher.disconnect(listener, signal=two, sender=Trip)
    assert listened == set() and not listened


def test_models_reject_bad_definitions():
    with pytest.raises(TypeError) as raised:
        class Bad(models.Model):
            class Meta:
                app_label = 'testapp'
                colour = 'red'
    assert 'colour' in str(raised.value)
    with pytest.raises(TypeError):
        models.AutoField()
    with pytest.raises(AttributeError):
        Author().objects


def test_one_to_one(isolated_settings):
    class Place(models.Model):
        name = models.CharField(maxlength=20)

        class Meta:
            app_label = 'testapp'

    class Restaurant(models.Model):
        place = models.OneToOneField(Place)
        serves = models.CharField(maxlength=20)

        class Meta:
            app_label = 'testapp'
    with installed(Place, Restaurant):
        place = Place.objects.create(name='Demon Dogs')
        Restaurant.objects.create(place=place, serves='hot dogs')
        assert place.restaurant.serves == 'hot dogs'
        assert Restaurant.objects.get(pk=place.pk).place == place


def test_iterator_and_in_bulk_and_latest(library):
    ann = Author.objects.create(name='Ann', born=datetime.date(1900, 1, 1))
    Author.objects.create(name='Bob', born=datetime.date(1950, 1, 1))
    assert [a.name for a in Author.objects.iterator()] == ['Ann', 'Bob']
    assert Author.objects.in_bulk([ann.pk]) == {ann.pk: ann}
    assert Author.objects.latest('born').name == 'Bob'
    with pytest.raises(AssertionError):
        Author.objects.latest()
    assert Author.objects.filter(name__in=[]).count() == 0
    assert Author.objects.distinct().count() == 2


def test_raw_cursor_percent_literal(library):
    cursor = connections['_a'].connection.cursor()
    cursor.execute("SELECT 'a%%b', %s", ['x'])
    assert cursor.fetchone() == ('a%b', 'x')
    cursor.execute("SELECT '100%'")
    assert cursor.fetchone() == ('100%',)


def test_a_model_method_may_call_super_without_arguments():
    class Hooked(models.Model):
        name = models.CharField(maxlength=10)

        def __str__(self):
            return 'hooked ' + super().__str__()

        class Meta:
            app_label = 'hooks'
    assert str(Hooked(name='x')).startswith('hooked ')
