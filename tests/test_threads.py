"""Many threads writing through named connections at once."""

import threading

import pytest

from django_legacy.db import connections, transaction
from tests.helpers import installed, place
from tests.testapp.models import Counter

THREADS = 8
ROWS_PER_THREAD = 50


@pytest.fixture
def counter_on_a(isolated_settings):
    place(isolated_settings, '_a', 'testapp.Counter')
    with installed(Counter):
        yield


def test_threads_write_through_their_own_connections(counter_on_a):
    start = threading.Barrier(THREADS)
    errors, handles = [], []
    lock = threading.Lock()

    def write(number):
        try:
            start.wait()
            db = Counter.objects.db
            for serial in range(ROWS_PER_THREAD):
                if serial % 2:
                    transaction.enter_transaction_management()
                    transaction.managed(True)
                    Counter(thread=number, serial=serial).save()
                    transaction.commit('_a')
                    transaction.leave_transaction_management()
                else:
                    Counter(thread=number, serial=serial).save()
            with lock:
                handles.append((db, db.connection.connection))  # kept alive: ids stay unique
        except Exception as e:  # reported below, with the thread's number
            with lock:
                errors.append((number, repr(e)))
        finally:
            connections.reset()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({id(info) for info, _ in handles}) == THREADS, 'a ConnectionInfo was shared'
    assert len({id(conn) for _, conn in handles}) == THREADS, 'a DB-API connection was shared'
    assert Counter.objects.count() == THREADS * ROWS_PER_THREAD
    for number in range(THREADS):
        serials = sorted(c.serial for c in Counter.objects.filter(thread=number))
        assert serials == list(range(ROWS_PER_THREAD)), number
