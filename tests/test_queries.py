"""The QuerySet API as 0.96 had it, and the query log: dates(), none(),
select_related(depth), slicing and lookup rules, joins, reset_queries()."""

import datetime
import threading

import pytest

from django_legacy import db
from django_legacy.db import connections, models
from django_legacy.db.backends.mysql import base as mysql_base
from django_legacy.db.backends.postgresql import base as postgresql_base
from django_legacy.db.backends.sqlite3 import base as sqlite3_base
from django_legacy.db.models import Q
from django_legacy.db.models.fields import FieldDoesNotExist
from django_legacy.db.models.query import MAX_ALIAS, Compiler, EmptyQuerySet
from tests.helpers import installed
from tests.testapp.models import Author, Book, Tag, Trip


class Chain(models.Model):
    "A non-null foreign key to itself: select_related() must not follow it for ever."
    name = models.CharField(maxlength=20)
    next = models.ForeignKey('self')

    class Meta:
        app_label = 'test_queries'


class Owner(models.Model):
    name = models.CharField(maxlength=20)

    class Meta:
        app_label = 'test_queries'


class Pet(models.Model):
    name = models.CharField(maxlength=20)
    owner = models.ForeignKey(Owner)

    class Meta:
        app_label = 'test_queries'


class Collar(models.Model):
    "Two levels of non-null foreign keys: Collar -> Pet -> Owner."
    pet = models.ForeignKey(Pet)

    class Meta:
        app_label = 'test_queries'


@pytest.fixture
def library(isolated_settings):
    with installed(Author, Book, Tag, Trip):
        yield isolated_settings


@pytest.fixture
def logged(library):
    "DEBUG on, so the default connection keeps its query log."
    library.DEBUG = True
    db.reset_queries()
    return db.connection


def count_queries(log, block):
    "Returns how many statements ``block()`` ran on the logged connection."
    before = len(log.queries)
    block()
    return len(log.queries) - before


def books():
    ann = Author.objects.create(name='Ann')
    bob = Author.objects.create(name='Bob')
    b1 = Book.objects.create(title='Tagged', author=ann)
    b2 = Book.objects.create(title='Untagged', author=ann)
    b3 = Book.objects.create(title='Other', author=bob)
    Tag.objects.create(label='red').books.add(b1, b3)
    return ann, bob, b1, b2, b3


# -- lookups ------------------------------------------------------------------

def test_or_across_a_many_to_many_keeps_rows_without_a_related_row(library):
    ann, bob, b1, b2, b3 = books()
    qs = Book.objects.filter(Q(tags__label='red') | Q(author=ann)).order_by('title')
    assert [b.title for b in qs] == ['Other', 'Tagged', 'Untagged']
    sql = qs._select_sql(Book.objects.db.backend)[0]
    # The join table and the table beyond it are both outer joins.
    assert sql.count('LEFT OUTER JOIN') == 2 and sql.count('JOIN') == 2
    # A foreign key or its reverse is still an INNER JOIN.
    sql = Author.objects.filter(book__title='x')._select_sql(Author.objects.db.backend)[0]
    assert 'INNER JOIN' in sql and 'OUTER' not in sql


def test_a_refinement_leaves_the_queryset_it_came_from_as_it_was(library):
    """Each refinement returns a clone with its own conditions; the
    queryset it started from matches what it matched before."""
    ann, bob, b1, b2, b3 = books()
    ann_s = Book.objects.filter(author=ann)

    def titles(qs):
        return sorted(b.title for b in qs)
    narrowed = ann_s.filter(title='Tagged')
    excluded = ann_s.exclude(title='Tagged')
    raw = ann_s.extra(where=['title = %s'], params=['Untagged'])
    either = ann_s | Book.objects.filter(author=bob)
    both = ann_s & Book.objects.filter(title='Untagged')
    tagged = Tag.objects.get(label='red').books.all()
    by_tag = tagged.filter(author=bob)
    assert titles(narrowed) == ['Tagged']
    assert titles(excluded) == ['Untagged']
    assert titles(raw) == ['Untagged']
    assert titles(either) == ['Other', 'Tagged', 'Untagged']
    assert titles(both) == ['Untagged']
    assert titles(by_tag) == ['Other']
    assert titles(ann_s) == ['Tagged', 'Untagged']
    assert titles(tagged) == ['Other', 'Tagged']
    assert titles(ann_s.filter()) == ['Tagged', 'Untagged']
    lookup = Q(title='Tagged')
    assert titles(Book.objects.exclude(lookup)) == ['Other', 'Untagged']
    assert titles(Book.objects.filter(lookup)) == ['Tagged']


def test_lookup_keywords_and_their_errors(library):
    ann, bob, b1, b2, b3 = books()
    assert list(Book.objects.filter(author=ann.id).order_by('title')) == [b1, b2]
    # related_name replaces the model's name in lookups.
    assert list(Book.objects.filter(tags__label='red').order_by('title')) == [b3, b1]
    assert list(Author.objects.filter(book__title='Other')) == [bob]
    for lookup, name in [('author_id', 'author_id'), ('tag__label', 'tag'),
                         ('title__starts', 'title__starts'), ('titel', 'titel'),
                         ('author__nom', 'nom')]:
        with pytest.raises(TypeError) as raised:
            list(Book.objects.filter(**{lookup: 1}))
        assert str(raised.value) == 'Cannot resolve keyword %r into field' % name
    with pytest.raises(TypeError) as raised:
        list(Tag.objects.filter(book__title='x'))
    assert str(raised.value) == "Cannot resolve keyword 'book' into field"
    with pytest.raises(ValueError) as raised:
        list(Book.objects.filter(pages__gt=None))
    assert str(raised.value) == 'Cannot use None as a query value'
    # exact=None stays IS NULL.
    assert list(Author.objects.filter(born__exact=None).order_by('name')) == [ann, bob]
    # Ordering still takes the column's attribute name.
    assert list(Book.objects.order_by('-author_id', 'title'))[0] == b3


def test_joined_tables_have_0_96_names(library):
    ann, bob, b1, b2, b3 = books()
    qs = Book.objects.filter(author__name='Ann', author__born__isnull=True)
    columns, sql, params = qs._get_sql_clause()
    assert sql.startswith(' FROM ') and sql.count('INNER JOIN') == 1 and params == ['Ann']
    assert columns[0].endswith('.%s' % db.backend.quote_name('id'))
    # extra(where=...) may name the joined table as 0.96 named it.
    named = Book.objects.filter(author__name='Ann').extra(
        where=["testapp_book__author.name = 'Ann'"]).order_by('title')
    assert list(named) == [b1, b2]
    sql = Book.objects.filter(tags__label='red')._get_sql_clause()[1]
    assert 'm2m_testapp_book__tags' in sql and 'testapp_book__tags' in sql
    compiler = Compiler(Book.objects.all(), db.backend)
    long_a, long_b = compiler.alias_name(['x' * 80, 'a']), compiler.alias_name(['x' * 80, 'b'])
    assert len(long_a) == len(long_b) == MAX_ALIAS and long_a != long_b


def test_in_bulk_keeps_the_order_of_the_keys(library):
    ann, bob, b1, b2, b3 = books()
    assert list(Book.objects.in_bulk([3, 1, 2])) == [3, 1, 2]
    assert list(Book.objects.in_bulk((2, 99, 1))) == [2, 1]
    assert Book.objects.in_bulk({1}) == {1: b1}
    with pytest.raises(AssertionError) as raised:
        Book.objects.in_bulk('1')
    assert str(raised.value) == 'in_bulk() must be provided with a list of IDs.'


# -- dates() ------------------------------------------------------------------

def test_dates_of_a_date_and_a_datetime_field(library):
    for day, booked in [('2005-07-28', '2005-07-28 10:00'), ('2005-07-30', '2005-07-30 09:00'),
                        ('2005-07-30', '2005-09-01 23:59'), ('2006-01-01', '2006-01-01 00:00')]:
        Trip.objects.create(day=day, leaves=datetime.time(9), booked=booked)
    dt = datetime.datetime
    assert list(Trip.objects.dates('day', 'year')) == [dt(2005, 1, 1), dt(2006, 1, 1)]
    assert list(Trip.objects.dates('day', 'month', order='DESC')) == [
        dt(2006, 1, 1), dt(2005, 7, 1)]
    assert list(Trip.objects.dates('booked', 'month')) == [
        dt(2005, 7, 1), dt(2005, 9, 1), dt(2006, 1, 1)]
    assert list(Trip.objects.filter(day__year=2005).dates('day', 'day')) == [
        dt(2005, 7, 28), dt(2005, 7, 30)]
    assert list(Trip.objects.dates('day', 'day', 'DESC').iterator()) == [
        dt(2006, 1, 1), dt(2005, 7, 30), dt(2005, 7, 28)]
    assert list(Trip.objects.dates('day', 'day')[:1]) == [dt(2005, 7, 28)]


def test_dates_leave_out_null_and_check_their_arguments(library):
    Author.objects.create(name='Ann', born=datetime.date(1900, 5, 1))
    Author.objects.create(name='Bob', born=None)
    assert list(Author.objects.dates('born', 'year')) == [datetime.datetime(1900, 1, 1)]
    with pytest.raises(AssertionError) as raised:
        Author.objects.dates('born', 'week')
    assert str(raised.value) == "'kind' must be one of 'year', 'month' or 'day'."
    with pytest.raises(AssertionError) as raised:
        Author.objects.dates('born', 'year', order='up')
    assert str(raised.value) == "'order' must be either 'ASC' or 'DESC'."
    with pytest.raises(AssertionError) as raised:
        Author.objects.dates('name', 'year')
    assert str(raised.value) == "'name' isn't a DateField."
    with pytest.raises(FieldDoesNotExist) as raised:
        Author.objects.dates('died', 'year')
    assert str(raised.value) == "Author has no field named 'died'"


def test_date_trunc_sql_per_backend():
    assert sqlite3_base.get_date_trunc_sql('month', '"t"."d"') == \
        "django_date_trunc('month', \"t\".\"d\")"
    assert sqlite3_base._date_trunc('year', '2005-07-28 10:00:00') == '2005-01-01 00:00:00'
    assert sqlite3_base._date_trunc('month', '2005-07-28') == '2005-07-01 00:00:00'
    assert sqlite3_base._date_trunc('day', '2005-07-28 10:00:00') == '2005-07-28 00:00:00'
    assert sqlite3_base._date_trunc('day', None) is None
    assert postgresql_base.get_date_trunc_sql('year', 'x') == "DATE_TRUNC('year', x)"
    assert mysql_base.get_date_trunc_sql('day', 'x') == \
        "CAST(DATE_FORMAT(x, '%%Y-%%m-%%d 00:00:00') AS DATETIME)"


# -- none() -------------------------------------------------------------------

def test_none_matches_nothing_and_asks_nothing(logged):
    books()
    empty = Book.objects.none()
    assert isinstance(empty, EmptyQuerySet)

    def use():
        assert list(empty) == [] and empty.count() == 0 and not empty
        assert list(empty.filter(title='Tagged').order_by('title')) == []
        assert list(empty.iterator()) == [] and list(empty.values()) == []
        assert empty.in_bulk([1, 2]) == {} and empty.update(pages=3) == 0
        empty.delete()
        with pytest.raises(Book.DoesNotExist):
            empty.get(pk=1)
        assert list(Book.objects.filter(title='Tagged').none()) == []
    assert count_queries(logged, use) == 0
    assert Book.objects.count() == 3


# -- select_related(depth) ----------------------------------------------------

def test_select_related_depth_and_a_cycle(logged):
    with installed(Chain):
        first = Chain(name='first', next_id=1)
        first.save()
        second = Chain.objects.create(name='second', next=first)
        third = Chain.objects.create(name='third', next=second)
        # A key back to a model already joined is not followed (0.96 would
        # have recursed for ever): the query runs, and next is read later.
        got = Chain.objects.select_related().get(pk=third.pk)
        assert count_queries(logged, lambda: got.next.name) == 1
    with installed(Owner, Pet, Collar):
        ann = Owner.objects.create(name='Ann')
        Collar.objects.create(pet=Pet.objects.create(name='Rex', owner=ann))
        # depth=N keeps N levels; 0 keeps all of them.
        for depth, queries in [(0, 0), (1, 1), (2, 0), (3, 0)]:
            collar = Collar.objects.select_related(depth=depth).get(pet__name='Rex')
            assert count_queries(logged, lambda: collar.pet.owner.name) == queries
        collar = Collar.objects.get(pet__name='Rex')
        assert count_queries(logged, lambda: collar.pet.owner.name) == 2


# -- slicing ------------------------------------------------------------------

def test_slicing_rules(library):
    ann = Author.objects.create(name='Ann')
    for i in range(5):
        Book.objects.create(title='B%d' % i, author=ann)
    ordered = Book.objects.order_by('title')
    with pytest.raises(AssertionError) as raised:
        list(ordered[2:])
    assert str(raised.value) == "'offset' is not allowed without 'limit'"
    assert [b.title for b in ordered[2:][:2]] == ['B2', 'B3']
    assert [b.title for b in ordered[0:4][3:]] == ['B3']
    assert list(ordered[0:4][4:]) == []
    assert [b.title for b in ordered[:2].filter()] == ['B0', 'B1']
    assert ordered[2:].count() == 3
    for attempt, message in [
            (lambda: ordered[:2].order_by('pages'),
             'Cannot reorder a query once a slice has been taken.'),
            (lambda: ordered[:2].extra(where=['1 = 1']),
             'Cannot change a query once a slice has been taken'),
            (lambda: ordered[:2].in_bulk([1]), "Cannot use 'limit' or 'offset' with in_bulk"),
            (lambda: ordered[:2].latest('title'),
             'Cannot change a query once a slice has been taken.'),
            (lambda: ordered[:1] | ordered[3:4],
             'Cannot combine queries once a slice has been taken.'),
            (lambda: ordered & ordered.distinct(),
             'Cannot combine a unique query with a non-unique query')]:
        with pytest.raises(AssertionError) as raised:
            attempt()
        assert str(raised.value) == message
    with pytest.raises(AssertionError) as raised:
        Book.objects.latest()
    assert str(raised.value) == ("latest() requires either a field_name parameter or "
                                 "'get_latest_by' in the model")


# -- the query log --------------------------------------------------------------

def test_query_log_is_per_connection_and_reset_queries_clears_this_threads(library):
    library.DEBUG = True
    default, other = connections[db._default], connections['_a']
    for info in (default, other):
        info.connection.cursor().execute('SELECT 1')
    assert default.connection.queries[-1]['sql'] == 'SELECT 1'
    assert set(default.connection.queries[-1]) == {'sql', 'time'}
    other.reset_queries()
    assert other.connection.queries == [] and default.connection.queries != []

    seen = {}

    def elsewhere():
        mine = connections['_a']
        mine.connection.cursor().execute('SELECT 2')
        seen['before'] = len(mine.connection.queries)
        done.wait()
        seen['after'] = len(mine.connection.queries)
        connections.reset()
    done = threading.Event()
    thread = threading.Thread(target=elsewhere)
    thread.start()
    other.connection.cursor().execute('SELECT 3')
    while 'before' not in seen:
        thread.join(0.01)
    db.reset_queries()
    assert default.connection.queries == [] and other.connection.queries == []
    done.set()
    thread.join()
    assert seen == {'before': 1, 'after': 1}


def test_debug_is_read_when_a_cursor_is_made_and_off_costs_nothing(library):
    library.DEBUG = False
    info = connections['_a']
    cursor = info.connection.cursor()
    assert type(cursor).__name__ != 'QueryLog'
    cursor.execute('SELECT 1')
    assert info.connection.queries == []
    library.DEBUG = True
    info.connection.cursor().execute('SELECT 1')
    assert len(info.connection.queries) == 1
    cursor = info.connection.cursor()
    cursor.execute('CREATE TEMPORARY TABLE logged_rows (n integer)')
    cursor.executemany('INSERT INTO logged_rows (n) VALUES (%s)', iter([[1], [2]]))
    assert info.connection.queries[-1]['sql'] == \
        'MANY: INSERT INTO logged_rows (n) VALUES (%s) ((1,), (2,))'
    cursor.execute('SELECT n FROM logged_rows WHERE n > %s', [0])
    assert cursor.fetchall() in ([(1,), (2,)], ((1,), (2,)))
    assert info.connection.queries[-1]['sql'] == 'SELECT n FROM logged_rows WHERE n > 0'
    # DEBUG set on one connection's settings holds for that connection alone.
    info.settings.DEBUG = False
    info.connection.cursor().execute('SELECT 1')
    connections[db._default].connection.cursor().execute('SELECT 1')
    assert len(info.connection.queries) == 4
    assert connections[db._default].connection.queries[-1]['sql'] == 'SELECT 1'


def test_reading_debug_does_not_fall_through_to_getattr(library, monkeypatch):
    "The query log's switch is read on every statement: it must stay cheap."
    from django_legacy.conf import UserSettingsHolder
    author = Author.objects.create(name='Ann')
    asked = []
    original = UserSettingsHolder.__getattr__

    def spy(self, name):
        asked.append(name)
        return original(self, name)
    monkeypatch.setattr(UserSettingsHolder, '__getattr__', spy)
    assert Author.objects.get(pk=author.pk) == author
    assert list(Author.objects.filter(name='Ann')) == [author]
    assert 'DEBUG' not in asked
