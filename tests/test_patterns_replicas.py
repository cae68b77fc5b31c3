"""django_legacy.contrib.replicas (not in 2007): a model's reads through a
second connection, its writes on its own, on the real primary and
streaming replica of .ci/pgcluster (the replica's replay paused to stand for
lag, so a read that reached the replica is told from one that did not)."""

import pytest

from django_legacy.contrib.patterns import (
    drop_databases, fresh_databases, legacy_settings, pause_replay, resume_replay,
    using_settings)
from django_legacy.contrib.patterns_legacy import SplitItem
from django_legacy.contrib.replicas import read_connection_name
from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.db import _default
from tests.cluster import servers


@pytest.fixture
def replica():
    """The replicas pattern's 2007 settings with SplitItem's reads on
    'replica'; yields (settings, servers) with the table installed and the
    replica caught up."""
    cluster = servers()
    fresh_databases(cluster, 'replicas', '2007')
    holder = legacy_settings('replicas', cluster)
    holder.READ_CONNECTIONS = {'replica': ['patterns.SplitItem']}
    try:
        with using_settings(holder):
            SplitItem.objects.install()
            resume_replay(cluster)
            yield holder, cluster
    finally:
        resume_replay(cluster)
        drop_databases(cluster, 'replicas', '2007')


def test_reads_go_to_the_replica_and_writes_to_the_primary(replica):
    holder, cluster = replica
    assert read_connection_name(SplitItem) == 'replica'
    pause_replay(cluster)
    SplitItem(name='first').save()
    # The write is on the primary; every kind of read asks the lagging replica.
    assert SplitItem.objects.count() == 0
    assert list(SplitItem.objects.filter(name='first')) == []
    assert list(SplitItem.objects.values('name')) == []
    with pytest.raises(SplitItem.DoesNotExist):
        SplitItem.objects.get(name='first')
    # get_or_create looks on the primary, so it finds the row it must not duplicate.
    obj, created = SplitItem.objects.get_or_create(name='first')
    assert created is False
    # update() writes on the primary (on the replica it would be refused).
    assert SplitItem.objects.filter(name='first').update(name='second') == 1
    resume_replay(cluster)
    assert [d['name'] for d in SplitItem.objects.values('name')] == ['second']
    assert SplitItem.objects.get(name='second').id == obj.id
    SplitItem.objects.filter(name='second').delete()
    resume_replay(cluster)
    assert SplitItem.objects.count() == 0


def test_without_an_entry_the_model_reads_its_own_connection(replica):
    holder, cluster = replica
    holder.READ_CONNECTIONS = {}
    assert read_connection_name(SplitItem) is _default
    pause_replay(cluster)
    SplitItem(name='first').save()
    assert SplitItem.objects.count() == 1


def test_a_malformed_setting_names_itself(replica):
    holder, cluster = replica
    holder.READ_CONNECTIONS = {'replica': 'patterns.SplitItem'}
    with pytest.raises(ImproperlyConfigured) as raised:
        SplitItem.objects.count()
    assert 'READ_CONNECTIONS' in str(raised.value)
