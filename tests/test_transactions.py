"""Transactions over several connections: every accepted form of ``connections``."""

import pytest

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import _default, connections, transaction
from django_legacy.db.transaction import TransactionManagementError
from tests.helpers import installed, only_on, place
from tests.testapp.models import Author, Tag


@pytest.fixture
def two_connections(isolated_settings):
    "Author on _a, Tag on _b, tables installed; yields nothing."
    place(isolated_settings, '_a', 'testapp.Author', 'testapp.Book')
    place(isolated_settings, '_b', 'testapp.Tag')
    with installed(Author):
        Tag.objects.install()
        try:
            yield
        finally:
            Tag.objects.drop()


def managed_writes():
    transaction.enter_transaction_management()
    transaction.managed(True)
    Author(name='a').save()
    Tag(label='t').save()


def finish():
    transaction.rollback()
    transaction.managed(False)
    transaction.leave_transaction_management()


def counts():
    return Author.objects.count(), Tag.objects.count()


@pytest.mark.parametrize('form', [
    lambda: connections['_a'],
    lambda: connections['_a'].connection,
    lambda: '_a',
    lambda: ['_a'],
    lambda: ('_a',),
    lambda: {'x': '_a'},
    lambda: {'x': connections['_a']},
    lambda: [connections['_a'].connection],
], ids=['info', 'wrapper', 'name', 'list', 'tuple', 'dict-of-names', 'dict-of-infos',
        'list-of-wrappers'])
def test_each_form_commits_only_what_it_names(two_connections, form):
    managed_writes()
    assert transaction.is_dirty(form())
    transaction.commit(form())
    assert not transaction.is_dirty(form())
    assert transaction.is_dirty('_b')
    finish()
    assert counts() == (1, 0)


def test_connections_keyword_and_positional(two_connections):
    managed_writes()
    transaction.commit(connections='_b')
    transaction.rollback(connections=['_a'])
    finish()
    assert counts() == (0, 1)


def test_registry_itself_means_the_named_connections_not_the_default(two_connections):
    managed_writes()
    transaction.set_dirty(_default)
    transaction.commit(connections)
    assert not transaction.is_dirty('_a') and not transaction.is_dirty('_b')
    assert transaction.is_dirty(_default)
    finish()
    assert counts() == (1, 1)


def test_default_by_its_name(two_connections):
    managed_writes()
    assert not transaction.is_dirty(_default)
    transaction.commit([_default, '_a', '_b'])
    finish()
    assert counts() == (1, 1)


def test_none_means_all_open_connections(two_connections):
    managed_writes()
    transaction.commit()
    finish()
    assert counts() == (1, 1)


def test_unknown_name_commits_nothing(two_connections):
    managed_writes()
    with pytest.raises(ImproperlyConfigured) as raised:
        transaction.commit(['_a', '_b', 'nope'])
    assert str(raised.value) == "No database connection 'nope' has been configured"
    assert transaction.is_dirty('_a') and transaction.is_dirty('_b')
    finish()
    assert counts() == (0, 0)


def test_bad_type_is_a_type_error(two_connections):
    with pytest.raises(TypeError) as raised:
        transaction.commit(42)
    assert '42' in str(raised.value)


def test_unmanaged_save_commits_only_its_own_connection(two_connections):
    transaction.enter_transaction_management()
    Author(name='kept').save()
    cursor = connections['_b'].connection.cursor()
    cursor.execute('INSERT INTO testapp_tag (label) VALUES (%s)', ['raw'])
    transaction.rollback()
    transaction.leave_transaction_management()
    assert counts() == (1, 0)


def test_commit_on_success_with_connections(two_connections):
    @transaction.commit_on_success(connections=['_a', '_b'])
    def work(fail):
        Author(name='a').save()
        Tag(label='t').save()
        if fail:
            raise ValueError('boom')

    with pytest.raises(ValueError):
        work(True)
    assert counts() == (0, 0)
    work(False)
    assert counts() == (1, 1)


def test_commit_on_success_applied_with_positional_connections(two_connections):
    def work():
        Author(name='a').save()
    transaction.commit_on_success(work, '_a')()
    assert counts() == (1, 0)


def test_commit_manually_that_forgets_rolls_back_and_raises(two_connections):
    @transaction.commit_manually
    def forgetful():
        Tag(label='lost').save()
    with pytest.raises(TransactionManagementError):
        forgetful()
    assert counts() == (0, 0)
    assert not transaction.is_managed()


def test_managed_false_commits_what_is_dirty(two_connections):
    managed_writes()
    transaction.managed(False)
    transaction.leave_transaction_management()
    assert counts() == (1, 1)


def test_managed_state_is_per_thread(two_connections):
    import threading
    transaction.enter_transaction_management()
    transaction.managed(True)
    seen = []
    thread = threading.Thread(target=lambda: seen.append(transaction.is_managed()))
    thread.start()
    thread.join()
    assert seen == [False] and transaction.is_managed()
    transaction.managed(False)
    transaction.leave_transaction_management()


def test_leaving_without_entering(isolated_settings):
    with pytest.raises(TransactionManagementError):
        transaction.leave_transaction_management()
    with pytest.raises(TransactionManagementError):
        transaction.managed(True)


def test_integrity_error_leaves_the_connection_usable(two_connections):
    from django_legacy.db import IntegrityError
    author = Author(name='a')
    author.save()
    cursor = connections['_a'].connection.cursor()
    with pytest.raises(IntegrityError):
        cursor.execute('INSERT INTO testapp_author (id, name) VALUES (%s, %s)', [author.id, 'b'])
    transaction.rollback('_a')
    Author(name='c').save()
    assert Author.objects.count() == 2


@only_on('sqlite3', 'a read lock on the file makes the second commit fail')
def test_no_two_phase_commit_the_first_commit_stays(isolated_settings):
    """The second of two commits fails (another connection holds a read lock
    on its file): the first stays committed, the second is rolled back, and
    the error's note says so."""
    import sqlite3
    from django_legacy.db import DatabaseError
    place(isolated_settings, '_a', 'testapp.Author')
    place(isolated_settings, '_b', 'testapp.Tag')
    isolated_settings.OTHER_DATABASES['_b']['DATABASE_OPTIONS'] = {'timeout': 0.05}
    with installed(Author, Tag):
        reader = sqlite3.connect(isolated_settings.OTHER_DATABASES['_b']['DATABASE_NAME'],
                                 isolation_level=None)
        transaction.enter_transaction_management()
        transaction.managed(True)
        try:
            Author(name='committed').save()
            Tag(label='stuck').save()
            reader.execute('BEGIN')
            reader.execute('SELECT count(*) FROM testapp_tag').fetchone()
            with pytest.raises(DatabaseError) as raised:
                transaction.commit(['_a', '_b'])
            assert 'locked' in str(raised.value)
            assert raised.value.__notes__ == [
                "Committing connection '_b' failed. Already committed: '_a'. "
                "Rolled back: '_b'."]
            assert not transaction.is_dirty('_a')
            assert not transaction.is_dirty('_b')
        finally:
            reader.execute('ROLLBACK')
            reader.close()
            transaction.managed(False)
            transaction.leave_transaction_management()
        assert counts() == (1, 0)


def test_a_failed_lone_statement_leaves_no_transaction_open(isolated_settings):
    "Unmanaged, a refused UPDATE is rolled back, and the next save works at once."
    from django_legacy.db import IntegrityError
    from tests.testapp.models import Book
    place(isolated_settings, '_a', 'testapp.Author', 'testapp.Book')
    with installed(Author, Book):
        author = Author.objects.create(name='a')
        Book.objects.create(title='one', author=author)
        Book.objects.create(title='two', author=author)
        with pytest.raises(IntegrityError):
            Book.objects.all().update(title='same')      # unique_together (title, author)
        assert not transaction.is_dirty('_a')
        Author.objects.create(name='b')
        connections.reset()
        assert sorted(b.title for b in Book.objects.all()) == ['one', 'two']
        assert Author.objects.count() == 2
