"""The behaviour the ORM's fast paths must keep: how many statements save(),
get(), update() and iteration run, and that routing still follows the
settings. Counted through the query log, never timed (speed is measured in
bench/)."""

import pytest

from django_legacy.core import signals
from django_legacy.core.validators import ValidationError
from django_legacy.db import _default, connections, transaction
from django_legacy.dispatch import dispatcher
from tests.helpers import engine, installed, logged, place, qn
from tests.testapp.models import Author, Book


@pytest.fixture
def library(isolated_settings):
    with installed(Author, Book):
        yield isolated_settings


def test_saving_a_new_object_is_one_statement_and_sets_its_key(library):
    first = Author.objects.create(name='first')
    with logged(Author) as statements:
        author = Author(name='second')
        author.save()
    assert len(statements) == 1
    assert statements[0].startswith('INSERT INTO')
    if engine() == 'postgresql':
        assert statements[0].endswith('RETURNING "id"')
    assert author.id == first.id + 1
    assert Author.objects.get(name='second').id == author.id


def test_a_new_row_gets_its_key_whatever_the_key_is_called(isolated_settings):
    from django_legacy.db import models

    class Numbered(models.Model):
        number = models.AutoField(primary_key=True)
        label = models.CharField(maxlength=10)

        class Meta:
            app_label = 'fastpaths'

    with installed(Numbered):
        first, second = Numbered(label='a'), Numbered(label='b')
        first.save()
        second.save()
        assert (first.number, second.number) == (1, 2)
        assert 'id' not in vars(second)
        assert Numbered.objects.get(number=2).label == 'b'


def test_a_backend_of_its_own_is_asked_for_the_new_key(library):
    "A backend whose get_last_insert_id is not backends.lastrowid is called for it."
    import types

    from django_legacy.db.backends import lastrowid
    from django_legacy.db.models.base import _SavePlan
    if engine() != 'sqlite3':
        pytest.skip('reads the key through SQLite\'s lastrowid')
    asked = []

    def get_last_insert_id(cursor, table_name, pk_name):
        asked.append((table_name, pk_name))
        return cursor.lastrowid
    backend = types.SimpleNamespace(**vars(Author.objects.db.backend))
    backend.get_last_insert_id = get_last_insert_id
    assert Author.objects.db.backend.get_last_insert_id is lastrowid
    author = Author(name='asked')
    _SavePlan(Author._meta, backend).insert_new(author, Author.objects.db.connection)
    assert asked == [('testapp_author', 'id')]
    assert Author.objects.get(pk=author.id).name == 'asked'


def test_a_new_row_runs_as_run_once_would_where_the_backend_runs_it_itself(
        library, monkeypatch):
    """SQLite's compiled INSERT runs a new row's statement itself inside an
    open transaction (run_once_source); anything else, and every other
    backend's, goes through run_once(). Either way the same statements, the
    same query log and the same errors, the transaction left to its block."""
    from django_legacy.db.backends import IntegrityError
    wrapper = Author.objects.db.connection
    through = []
    run_once = wrapper.run_once

    def counting(sql, params, whole=False):
        through.append(params[0])
        return run_once(sql, params, whole)
    monkeypatch.setattr(wrapper, 'run_once', counting)
    Author.objects.create(name='outside')       # committed by itself
    transaction.enter_transaction_management()
    transaction.managed(True)
    try:
        Author(name='opens').save()             # no transaction open yet
        kept = Author(name='kept')
        kept.save()                             # inside it
        with logged(Author) as statements:      # DEBUG: logged, by run_once
            Author(name='logged').save()
        assert [s.split()[0] for s in statements] == ['INSERT']
        assert Author.objects.get(pk=kept.id).name == 'kept'
        with pytest.raises(IntegrityError):
            Author(name=None).save()            # NOT NULL: ours, not the driver's
        # Still open: the block's to end (on PostgreSQL, aborted until then).
        assert (wrapper.connection.in_transaction if engine() == 'sqlite3'
                else wrapper.in_transaction)
        transaction.rollback()
    finally:
        transaction.leave_transaction_management()
    assert [a.name for a in Author.objects.all()] == ['outside']
    if engine() == 'sqlite3':
        assert through == ['outside', 'opens', 'logged']
    else:
        assert through == ['outside', 'opens', 'kept', 'logged', None]


def test_saving_an_existing_object_checks_then_updates(library):
    author = Author.objects.create(name='before')
    with logged(Author) as statements:
        author.name = 'after'
        author.save()
    assert [s.split()[0] for s in statements] == ['SELECT', 'UPDATE']
    assert Author.objects.get(pk=author.id).name == 'after'


def test_get_by_key_is_one_select_and_the_errors_stay(library):
    author = Author.objects.create(name='one')
    with logged(Author) as statements:
        assert Author.objects.get(pk=author.id) == author
        assert Author.objects.get(id=author.id, name='one').name == 'one'
    assert [s.split()[0] for s in statements] == ['SELECT', 'SELECT']
    with pytest.raises(Author.DoesNotExist):
        Author.objects.get(pk=author.id + 1)
    Author.objects.create(name='one')
    with pytest.raises(Author.MultipleObjectsReturned):
        Author.objects.get(name='one')


def test_update_is_one_statement_and_commits(library):
    for name in 'abc':
        Author.objects.create(name=name)
    with logged(Author) as statements:
        assert Author.objects.filter(name__in=['a', 'b']).update(name='z') == 2
    assert len(statements) == 1 and statements[0].startswith('UPDATE')
    transaction.rollback(_default)      # nothing left to undo: it was committed
    assert Author.objects.filter(name='z').count() == 2


def test_count_by_exact_lookups_writes_what_the_compiler_writes(library, monkeypatch):
    from django_legacy.db.models import query
    author = Author.objects.create(name='a')
    for i in range(6):
        Book(title='b%d' % i, author=author, pages=i % 3, price=None if i % 2 else 1.5).save()
    cases = [Book.objects.all(), Book.objects.filter(pages=1), Book.objects.filter(pk=3),
             Book.objects.filter(pages=2, in_print=True), Book.objects.filter(title='none'),
             # and what the compiler writes:
             Book.objects.filter(author=author), Book.objects.filter(price=None),
             Book.objects.filter(pages__lt=2), Book.objects.exclude(pages=1),
             Book.objects.filter(pages=1).filter(in_print=True), Book.objects.distinct(),
             Book.objects.filter(pages=0)[1:], Book.objects.filter(pages=0)[:1]]
    built = []

    class Counted(query.Compiler):
        def __init__(self, *args):
            built.append(self)
            super().__init__(*args)
    monkeypatch.setattr(query, 'Compiler', Counted)
    with logged(Book) as short:
        counts = [qs.count() for qs in cases]
    assert counts == [6, 2, 1, 2, 0, 6, 3, 4, 4, 2, 6, 1, 1]
    assert len(short) == len(cases) and len(built) == 8
    monkeypatch.setattr(query, '_count_plan', lambda *args: None)
    with logged(Book) as general:
        assert [qs.count() for qs in cases] == counts
    assert general == short and len(built) == 8 + len(cases)


def test_delete_by_exact_lookups_writes_what_the_compiler_writes(isolated_settings, monkeypatch):
    "Counter: no other table refers to it, so delete() is one DELETE."
    from django_legacy.db.models import query
    from django_legacy.db.models import signals as model_signals
    from tests.testapp.models import Counter

    def fill():
        for serial in range(4):
            Counter(thread=serial % 2, serial=serial).save()

    def deletes():
        fill()
        Counter.objects.filter(thread=0, serial=2).delete()
        Counter.objects.filter(serial=3).delete()
        Counter.objects.filter(serial__gt=0).delete()
        left = [c.serial for c in Counter.objects.all()]
        Counter.objects.all().delete()
        return left
    built = []

    class Counted(query.Compiler):
        def __init__(self, *args):
            built.append(self)
            super().__init__(*args)
    with installed(Counter):
        monkeypatch.setattr(query, 'Compiler', Counted)
        with logged(Counter) as short:
            assert deletes() == [0]
        assert len(built) == 2          # serial__gt, and the list of what is left
        monkeypatch.setattr(query, '_delete_plan', lambda *args: None)
        with logged(Counter) as general:
            assert deletes() == [0]
        assert general == short and Counter.objects.count() == 0
        # A receiver for this model hears each object, as 0.96's delete() sent them.
        heard = []

        def pre(sender, instance, **rest):
            heard.append(instance.serial)
        dispatcher.connect(pre, signal=model_signals.pre_delete, sender=Counter)
        try:
            fill()
            Counter.objects.filter(thread=1).delete()
        finally:
            dispatcher.disconnect(pre, signal=model_signals.pre_delete, sender=Counter)
        assert sorted(heard) == [1, 3]


def test_iterating_runs_one_select_and_converts_values(library):
    author = Author.objects.create(name='a')
    for i in range(250):
        Book(title='b%d' % i, author=author, pages=i, in_print=bool(i % 2)).save()
    with logged(Book) as statements:
        books = list(Book.objects.filter(pages__lt=200))
        streamed = [book.in_print for book in Book.objects.all().iterator()]
    assert len(statements) == 2
    assert [b.pages for b in books] == list(range(200))
    assert all(type(b.in_print) is bool for b in books)
    assert streamed == [bool(i % 2) for i in range(250)]


def test_fast_paths_follow_a_change_of_routing(isolated_settings):
    with installed(Author):
        Author.objects.create(name='on the default')
        assert Author.objects.db is connections[_default]
    place(isolated_settings, '_a', 'testapp.Author')
    dispatcher.send(signal=signals.request_started)
    assert Author.objects.db is connections['_a']
    with installed(Author):
        author = Author.objects.create(name='on _a')
        assert Author.objects.get(pk=author.id).name == 'on _a'
        assert Author.objects.filter(pk=author.id).update(name='moved') == 1
        assert [a.name for a in Author.objects.all()] == ['moved']
        assert (Author.objects.count(), Author.objects.filter(name='moved').count()) == (1, 1)


def test_instances_get_the_same_values_by_every_way_of_calling(isolated_settings):
    from django_legacy.db import models
    made = []

    class Stamped(models.Model):
        label = models.CharField(maxlength=10, default='none')
        serial = models.IntegerField(default=lambda: len(made) + 1)

        class Meta:
            app_label = 'fastpaths'

    author = Author(id=7, name='a')
    by_attname = Book(title='t', author_id=7)
    by_object = Book(title='t', author=author)
    in_order = Book(None, 't', 7)
    for book in (by_attname, by_object, in_order):
        assert [k for k in book.__dict__ if not k.startswith('_')] == [
            f.attname for f in Book._meta.fields]
        assert (book.id, book.title, book.author_id, book.pages, book.price, book.in_print) == (
            None, 't', 7, 0, None, True)
    made.append(Stamped())
    made.append(Stamped(label='x'))
    given = Stamped(serial=10)
    assert [(s.label, s.serial) for s in made + [given]] == [('none', 1), ('x', 2), ('none', 10)]
    with pytest.raises(TypeError) as raised:
        Book(title='t', colour='red')
    assert str(raised.value) == "'colour' is an invalid keyword argument for this function"


def test_a_model_gets_an_init_compiled_for_its_fields(isolated_settings):
    from django_legacy.db import models
    from django_legacy.db.models import signals
    from django_legacy.db.models.base import Model

    class Plain(models.Model):
        name = models.CharField(maxlength=10, default='none')
        count = models.IntegerField(default=lambda: 5)

        class Meta:
            app_label = 'fastpaths'

    class Tagging:
        "A mixin whose __init__ comes before Model's: never replaced."
        def __init__(self, *args, **kwargs):
            self.tagged = True
            super().__init__(*args, **kwargs)

    class Mixed(Tagging, models.Model):
        name = models.CharField(maxlength=10)

        class Meta:
            app_label = 'fastpaths'

    class Own(models.Model):
        "An __init__ of its own calling Model's: never replaced."
        name = models.CharField(maxlength=10)

        def __init__(self, *args, **kwargs):
            kwargs.setdefault('name', 'own')
            super().__init__(*args, **kwargs)

        class Meta:
            app_label = 'fastpaths'

    class Awkward(models.Model):
        "A field named as the compiled function's instance: Model.__init__ serves it."
        obj = models.CharField(maxlength=10, default='o')

        class Meta:
            app_label = 'fastpaths'

    class Builtins(models.Model):
        "Fields named as builtins: the compiled source calls none of them by name."
        type = models.CharField(maxlength=10)
        len = models.IntegerField(default=0)

        class Meta:
            app_label = 'fastpaths'

    first = Plain(name='a')
    assert Plain.__init__.compiled_for is Plain
    Builtins(type='a')
    assert Builtins.__init__.compiled_for is Builtins
    assert vars(Builtins(type='b', len=2)) == {'id': None, 'type': 'b', 'len': 2}
    assert (first.id, first.name, first.count) == (None, 'a', 5)
    assert vars(Plain()) == {'id': None, 'name': 'none', 'count': 5}
    assert vars(Plain(id=3, count=0)) == {'id': 3, 'name': 'none', 'count': 0}
    # Values in field order, and a mistake, go to Model.__init__ as before.
    assert vars(Plain(4, 'b', 6)) == {'id': 4, 'name': 'b', 'count': 6}
    with pytest.raises(TypeError, match="'colour' is an invalid keyword argument"):
        Plain(name='a', colour='red')
    with pytest.raises(TypeError, match="'obj' is an invalid keyword argument"):
        Plain(obj='the name of the instance in the compiled source')
    assert vars(Mixed(name='m')) == {'tagged': True, 'id': None, 'name': 'm'}
    assert Mixed.__init__ is Tagging.__init__
    assert Own().name == 'own' and Own(name='x').name == 'x'
    assert Own.__init__ is vars(Own)['__init__'] and not hasattr(Own.__init__, 'compiled_for')
    assert Awkward(obj='x').obj == 'x' and Awkward().obj == 'o'
    assert Awkward.__init__ is Model.__init__
    # Receivers of pre_init and post_init hear each call with the arguments given.
    heard = []

    def pre(sender, args, kwargs, **rest):
        heard.append(('pre', sender, args, dict(kwargs)))

    def post(sender, instance, **rest):
        heard.append(('post', sender, instance.name))
    dispatcher.connect(pre, signal=signals.pre_init)
    dispatcher.connect(post, signal=signals.post_init)
    try:
        Plain(name='s')
    finally:
        dispatcher.disconnect(pre, signal=signals.pre_init)
        dispatcher.disconnect(post, signal=signals.post_init)
    assert heard == [('pre', Plain, (), {'name': 's'}), ('post', Plain, 's')]
    # A field added later: the next instance has it.
    Plain.add_to_class('extra', models.IntegerField(default=9))
    assert not hasattr(vars(Plain).get('__init__'), 'compiled_for')
    assert vars(Plain(name='c')) == {'id': None, 'name': 'c', 'count': 5, 'extra': 9}
    assert Plain.__init__.compiled_for is Plain


def test_query_results_send_the_init_signals_as_model_of_a_row_did(library):
    from django_legacy.db.models import signals
    author = Author.objects.create(name='a')
    Book.objects.create(title='t', author=author)
    heard = []

    def pre(sender, args, kwargs, **rest):
        heard.append(('pre', sender.__name__, args[:2], kwargs))

    def post(sender, instance, **rest):
        heard.append(('post', sender.__name__, instance.id))
    dispatcher.connect(pre, signal=signals.pre_init)
    dispatcher.connect(post, signal=signals.post_init)
    try:
        results = [list(Author.objects.all()), [Author.objects.get(pk=author.id)],
                   list(Author.objects.iterator())]
        book = list(Book.objects.select_related())[0]
    finally:
        dispatcher.disconnect(pre, signal=signals.pre_init)
        dispatcher.disconnect(post, signal=signals.post_init)
    assert [[a.name for a in found] for found in results] == [['a']] * 3
    one = [('pre', 'Author', (author.id, 'a'), {}), ('post', 'Author', author.id)]
    assert heard[:6] == one * 3
    assert sorted(heard[6:]) == sorted(one + [('pre', 'Book', (book.id, 't'), {}),
                                              ('post', 'Book', book.id)])
    # No receivers: nothing is sent (and the rows are built without asking).
    heard.clear()
    list(Author.objects.all())
    assert heard == []


def test_init_signals_for_another_model_leave_a_model_on_its_short_ways(library):
    # A receiver of pre_init for one model (GenericForeignKey connects one)
    # does not send every other model's instances and rows the long way.
    from django_legacy.db.models import signals
    Author.objects.create(name='a')
    Author(name='first')        # compiles Author.__init__
    namespace = Author.__init__.__globals__
    general, taken, heard = namespace['__general'], [], []

    def counting(obj, *args):
        taken.append(type(obj))
        return general(obj, *args)

    def pre(sender, **rest):
        heard.append(sender)
    namespace['__general'] = counting
    dispatcher.connect(pre, signal=signals.pre_init, sender=Book)
    try:
        assert dispatcher.heard(signals.pre_init, Book)
        assert not dispatcher.heard(signals.pre_init, Author)
        assert Author(name='b').name == 'b' and [a.name for a in Author.objects.all()] == ['a']
        assert taken == [] and heard == []
        dispatcher.connect(pre, signal=signals.pre_init, sender=Author)
        assert Author(name='c').name == 'c' and [a.name for a in Author.objects.all()] == ['a']
        assert taken == [Author] and heard == [Author, Author]
    finally:
        namespace['__general'] = general
        dispatcher.disconnect(pre, signal=signals.pre_init, sender=Book)
        dispatcher.disconnect(pre, signal=signals.pre_init, sender=Author)
    assert not dispatcher.heard(signals.pre_init, Book)
    # A receiver of every sender, and one of a sender that cannot be hashed.
    dispatcher.connect(pre, signal=signals.pre_init)
    try:
        assert dispatcher.heard(signals.pre_init, Author)
    finally:
        dispatcher.disconnect(pre, signal=signals.pre_init)
    unhashable = []
    dispatcher.connect(pre, signal=signals.pre_init, sender=unhashable)
    try:
        assert dispatcher.heard(signals.pre_init, Author)
    finally:
        dispatcher.disconnect(pre, signal=signals.pre_init, sender=unhashable)
    assert not dispatcher.heard(signals.pre_init, Author)


def test_update_by_exact_lookups_writes_what_the_compiler_writes(library, monkeypatch):
    from django_legacy.db.models import query
    author = Author.objects.create(name='a')
    book = Book.objects.create(title='t', author=author, pages=1)

    def updates():
        return [Book.objects.filter(pk=book.id).update(pages=5, author_id=author.id),
                Book.objects.filter(id=book.id, title='t').update(pages=6),
                Book.objects.filter(pk=book.id + 1).update(pages=7),
                Book.objects.filter(price=None).update(price=2.5)]     # IS NULL
    with logged(Book) as statements:
        assert updates() == [1, 1, 0, 1]
    monkeypatch.setattr(query, '_update_plan', lambda *args: None)
    with logged(Book) as general:
        assert updates() == [1, 1, 0, 0]
    assert general == statements
    monkeypatch.undo()
    assert [s.split(' WHERE ')[0] for s in statements] == [
        'UPDATE %s SET %s = 5, %s = %d' % (qn('testapp_book'), qn('pages'), qn('author_id'),
                                           author.id),
        'UPDATE %s SET %s = 6' % (qn('testapp_book'), qn('pages')),
        'UPDATE %s SET %s = 7' % (qn('testapp_book'), qn('pages')),
        'UPDATE %s SET %s = 2.5' % (qn('testapp_book'), qn('price'))]
    assert statements[-1].endswith('IS NULL')
    assert (Book.objects.get(pk=book.id).pages, Book.objects.get(pk=book.id).price) == (6, 2.5)
    with pytest.raises(TypeError) as raised:
        Book.objects.filter(pk=book.id).update(colour='red')
    assert str(raised.value).startswith("Cannot update 'colour': Book has no field of that name.")


def test_the_query_log_follows_debug_switched_while_connected(library):
    author = Author.objects.create(name='a')
    wrapper = Author.objects.db.connection
    wrapper.queries = []
    library.DEBUG = True
    Author.objects.get(pk=author.id)
    Author.objects.filter(pk=author.id).update(name='b')
    assert [q['sql'].split()[0] for q in wrapper.queries] == ['SELECT', 'UPDATE']
    library.DEBUG = False
    Author.objects.get(pk=author.id)
    assert len(wrapper.queries) == 2


def test_rows_become_instances_converted_as_each_field_says(isolated_settings):
    from django_legacy.db import models
    from django_legacy.db.models.base import _plain_attributes, _row_functions

    class Reading(models.Model):
        on = models.BooleanField()
        maybe = models.NullBooleanField()
        weight = models.FloatField(max_digits=5, decimal_places=2, null=True)

        class Meta:
            app_label = 'fastpaths'

    class Watched(Reading):
        "Its own __setattr__: rows are written into __dict__, not through it."
        def __setattr__(self, name, value):
            raise AssertionError('a row went through __setattr__')

        class Meta:
            app_label = 'fastpaths'

    rows = [(1, 1, None, '2.5'), (2, 0, 1, None), (3, 't', 'f', 4)]
    expected = [{'id': 1, 'on': True, 'maybe': None, 'weight': 2.5},
                {'id': 2, 'on': False, 'maybe': True, 'weight': None},
                {'id': 3, 'on': True, 'maybe': False, 'weight': 4.0}]
    assert _plain_attributes(Reading, ['id', 'on']) and not _plain_attributes(Watched, ['id'])
    for model in (Reading, Watched):
        build, one = _row_functions(model)
        made = build(rows)
        assert [type(obj) for obj in made] == [model] * 3
        assert [vars(obj) for obj in made] == expected
        assert [type(obj.on) for obj in made] == [bool, bool, bool]
        assert vars(one(rows[1])) == expected[1]
        assert vars(model(on=True, weight=4.0, maybe=False, id=3)) == expected[2]
        assert vars(model(on=True)) == {'id': None, 'on': True, 'maybe': None, 'weight': None}
    class Switch(models.BooleanField):
        "Its own to_python: SQLite's 0/1 go through it, not through db_values."
        def to_python(self, value):
            return 'on' if value in (1, True) else 'off'

    class Lamp(models.Model):
        lit = Switch()

        class Meta:
            app_label = 'fastpaths'

    assert [lamp.lit for lamp in _row_functions(Lamp)[0]([(1, 1), (2, 0)])] == ['on', 'off']
    # A name that is not an identifier, or that a descriptor takes, is not set as an attribute.
    assert not _plain_attributes(Reading, ["x'] + __import__('os').getcwd() + ['"])
    assert not _plain_attributes(Reading, ['pk'])


def test_values_converts_what_each_field_converts(isolated_settings):
    import datetime

    from django_legacy.db import models

    class Meter(models.Model):
        on = models.BooleanField()
        maybe = models.NullBooleanField()
        day = models.DateField(null=True)

        class Meta:
            app_label = 'fastpaths'

    read = datetime.date(2007, 3, 23)
    with installed(Meter):
        Meter(on=True, maybe=None, day=read).save()
        Meter(on=False, maybe=True, day=None).save()
        found = list(Meter.objects.order_by('id').values())
        assert found == [{'id': 1, 'on': True, 'maybe': None, 'day': read},
                         {'id': 2, 'on': False, 'maybe': True, 'day': None}]
        assert [type(v) for row in found for v in (row['on'], row['maybe'], row['day'])] == [
            bool, type(None), datetime.date, bool, bool, type(None)]
        doubled = Meter.objects.extra(select={'twice': 'id * 2'}).order_by('id')
        assert list(doubled.values('on')) == [{'on': True, 'twice': 2},
                                              {'on': False, 'twice': 4}]


def test_save_takes_values_as_they_are_only_where_their_field_would(isolated_settings):
    from django_legacy.db.models.base import _kept_type, params_function
    from django_legacy.db.models.fields import CharField, IntegerField
    from tests.testapp.models import Counter

    with installed(Counter):
        given = Counter(thread='3', serial=4)       # a str for an integer: converted
        given.save()
        assert Counter.objects.get(pk=given.id).thread == 3
        with pytest.raises(ValueError) as raised:
            Counter(thread=2 ** 63, serial=1).save()
        assert 'Counter.thread: 9223372036854775808 does not fit' in str(raised.value)
        with pytest.raises(ValidationError) as raised:
            Counter(thread='three', serial=1).save()
        assert str(raised.value.messages[0]).startswith("thread 'three':")
        assert Counter.objects.count() == 1

    class Shouting(CharField):
        def get_db_prep_save(self, value):
            return str(value).upper()

    assert _kept_type(CharField()) is str
    assert _kept_type(Shouting()) is None      # its own preparation: always called
    fields = [Shouting(name='loud'), IntegerField(name='n')]
    for f in fields:
        f.attname = f.name
    params = params_function(fields, keys=['a', 'b'], refuse_none=True)
    assert params({'a': 'hi', 'b': 5}) == ['HI', 5]
    assert params({'a': 'hi', 'b': None}) is None


def test_one_value_is_prepared_as_the_compiled_parameters_of_many_prepare_it(
        isolated_settings):
    """A plan for one lookup or one updated field takes its parameter by a
    closure, plans for more by a compiled function: the same answers."""
    from django_legacy.db.models.base import params_function
    from django_legacy.db.models.fields import CharField
    from tests.testapp.models import Book, Counter

    class Shouting(CharField):
        def get_db_prep_save(self, value):
            return str(value).upper()

    loud = Shouting(name='loud')
    loud.attname = loud.name
    fields = [Book._meta.get_field('title'), Counter._meta.get_field('thread'),
              Book._meta.get_field('in_print'), loud]
    values = ['x', 5, '7', True, 0, None, 2 ** 63, 'seven', 1.5]
    for f in fields:
        for refuse_none in (False, True):
            one = params_function([f], ['v'], refuse_none=refuse_none)
            many = params_function([f, fields[0]], ['v', 'w'], refuse_none=refuse_none)
            for value in values:
                answers = []
                for function in (one, many):
                    try:
                        got = function({'v': value, 'w': 'w'})
                        answers.append(got if got is None else got[:1])
                    except Exception as e:      # the same error, or the test fails
                        answers.append((type(e), str(e)))
                assert answers[0] == answers[1], (f.name, refuse_none, value)
                assert type(answers[0]) is type(answers[1])
    assert params_function([fields[1]], ['v'])({'v': '3'}) == [3]
    assert params_function([fields[1]], ['v'], refuse_none=True)({'v': None}) is None
    assert params_function([fields[3]], ['v'])({'v': None}) == [None]
    with pytest.raises(ValueError):
        params_function([fields[1]], ['v'])({'v': 2 ** 63})


def test_get_of_none_is_the_general_lookup(library):
    Author.objects.create(name='a')
    with pytest.raises(Author.DoesNotExist):
        Author.objects.get(pk=None)
    assert Author.objects.get(born=None).name == 'a'


def test_saving_while_iterating_leaves_the_iteration(library):
    """save() runs its INSERT on a cursor the SQLite wrapper keeps: a
    queryset being read meanwhile goes on."""
    for name in 'abc':
        Author.objects.create(name=name)
    seen = []
    for author in Author.objects.all().iterator():
        seen.append(author.name)
        Author(name=author.name.upper()).save()
    assert seen == ['a', 'b', 'c']
    assert sorted(a.name for a in Author.objects.all()) == ['A', 'B', 'C', 'a', 'b', 'c']


def test_a_committed_save_leaves_no_lock_on_a_sqlite_file(isolated_settings, tmp_path):
    import sqlite3
    path = str(tmp_path / 'saved.db')
    isolated_settings.OTHER_DATABASES['filed'] = {'DATABASE_ENGINE': 'sqlite3',
                                                  'DATABASE_NAME': path}
    place(isolated_settings, 'filed', 'testapp.Author')
    with installed(Author):
        author = Author.objects.create(name='a')
        author.name = 'b'
        author.save()                               # SELECT 1, then UPDATE
        Author(name='c').save()
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        other.execute('DELETE FROM testapp_author WHERE name = ?', ('c',))
        other.close()
        assert [a.name for a in Author.objects.all()] == ['b']


def _begins(wrapper, monkeypatch):
    """Returns the list that gets an entry for each transaction the wrapper
    opens from now on (SQLite's own trace of the statements it runs; a
    driver wrapper's _begin_for, watched)."""
    begun = []
    if engine() == 'sqlite3':
        wrapper.connection.set_trace_callback(
            lambda sql: begun.append(sql) if sql.startswith('BEGIN') else None)
        return begun
    begin_for = wrapper._begin_for

    def watched(cursor, sql):
        before = wrapper.in_transaction
        begin_for(cursor, sql)
        if wrapper.in_transaction and not before:
            begun.append(sql)
    monkeypatch.setattr(wrapper, '_begin_for', watched)
    return begun


def test_an_unmanaged_save_runs_alone_and_a_managed_one_in_the_block(library, monkeypatch):
    Author.objects.count()                      # connected
    wrapper = Author.objects.db.connection
    begun = _begins(wrapper, monkeypatch)
    author = Author(name='a')
    author.save()
    author.name = 'b'
    author.save()
    assert begun == []
    assert Author.objects.get(pk=author.id).name == 'b'
    transaction.enter_transaction_management()
    transaction.managed(True)
    try:
        Author(name='c').save()
        assert len(begun) == 1
        transaction.rollback()
    finally:
        transaction.leave_transaction_management()
    assert [a.name for a in Author.objects.all()] == ['b']


def test_a_get_the_short_way_refuses_goes_to_the_compiler_once(library, monkeypatch):
    from django_legacy.db.models import manager, query
    tried, fast_get = [], query.fast_get

    def counted(model, kwargs):
        tried.append(dict(kwargs))
        return fast_get(model, kwargs)
    monkeypatch.setattr(manager, 'fast_get', counted)
    monkeypatch.setattr(query, 'fast_get', counted)
    Author.objects.create(name='a')
    with logged(Author) as statements:
        assert Author.objects.get(born=None).name == 'a'       # IS NULL: not the short way
    assert tried == [{'born': None}] and len(statements) == 1
