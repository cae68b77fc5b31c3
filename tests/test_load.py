"""A bounded load test: 8 threads save a few thousand rows through two
connections at once, some in managed blocks, some refused as duplicates,
and every row that was committed is counted. Runs on SQLite and on
PostgreSQL (see tests/engines.py); the second connection is an SQLite file.
"""

import threading
import time

from django_legacy.db import IntegrityError, connections, transaction
from tests import engines
from tests.helpers import installed
from tests.testapp.models import Author, Counter

engine_db = engines.engine_db     # the fixture, for this module's tests

THREADS = 8
SAVES = 320          # per thread: 2,560 rows in all, a quarter of them on the second connection
DUPLICATES = 2       # refused saves per thread; the saves after them must all succeed
LIMIT = 60           # seconds


def test_eight_threads_on_two_connections_lose_nothing(engine_db, isolated_settings, tmp_path):
    isolated_settings.OTHER_DATABASES['second'] = {
        'DATABASE_ENGINE': 'sqlite3', 'DATABASE_NAME': str(tmp_path / 'second.db'),
        'MODELS': ['testapp.Author']}
    isolated_settings.OTHER_DATABASES['rel']['MODELS'] = ['testapp.Counter']
    start = threading.Barrier(THREADS)
    failures, refused = [], []
    lock = threading.Lock()

    def write(number):
        try:
            start.wait()
            for serial in range(SAVES):
                if serial % 4 == 3:
                    Author(name='%d-%d' % (number, serial)).save()
                elif serial % 8 == 1:
                    # Both connections in one managed block, committed together.
                    transaction.enter_transaction_management()
                    transaction.managed(True)
                    try:
                        Counter(thread=number, serial=serial).save()
                        transaction.commit()
                    finally:
                        transaction.leave_transaction_management()
                else:
                    Counter(thread=number, serial=serial).save()
                if serial < DUPLICATES:
                    try:
                        Counter(thread=number, serial=0).save()
                    except IntegrityError:
                        with lock:
                            refused.append(number)
        except Exception as e:  # reported below, with the thread's number
            with lock:
                failures.append((number, repr(e)))
        finally:
            connections.reset()

    with installed(Counter, Author):
        began = time.monotonic()
        threads = [threading.Thread(target=write, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(LIMIT)
        elapsed = time.monotonic() - began
        assert not any(thread.is_alive() for thread in threads), 'still running after %ss' % LIMIT
        assert failures == []
        assert elapsed < LIMIT
        assert sorted(refused) == sorted(list(range(THREADS)) * DUPLICATES)
        expected = [s for s in range(SAVES) if s % 4 != 3]
        assert Counter.objects.count() == THREADS * len(expected)
        assert Author.objects.count() == THREADS * (SAVES - len(expected))
        for number in range(THREADS):
            serials = sorted(c.serial for c in Counter.objects.filter(thread=number))
            assert serials == expected, number
            names = sorted(a.name for a in Author.objects.filter(name__startswith='%d-' % number))
            assert names == sorted('%d-%d' % (number, s) for s in range(3, SAVES, 4)), number
