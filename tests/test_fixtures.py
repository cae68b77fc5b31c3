"""Fixtures across connections: loaddata, dumpdata, flush and TestCase."""

import io
import json
import unittest

import pytest

from django_legacy.core.management import main
from django_legacy.core.management.fixtures import FixtureError, install_fixtures
from django_legacy.db import _default, connections
from modeltests.multiple_databases.models import Artist, Vehicle, Widget
from tests.helpers import qn

OBJECTS = [
    {'pk': '70', 'model': 'multiple_databases.artist', 'fields': {'name': 'Kahlo', 'alive': False}},
    {'pk': '71', 'model': 'multiple_databases.widget', 'fields': {'code': 'FX-1', 'weight': 2}},
    {'pk': '72', 'model': 'multiple_databases.vehicle',
     'fields': {'make': 'Citroen', 'model': 'DS', 'year': 1955}},
]


def count(name, model, pk):
    "Counts the rows of ``model`` with key ``pk`` on connection ``name``, by raw SQL."
    cursor = connections[name].connection.cursor()
    cursor.execute('SELECT COUNT(*) FROM %s WHERE %s = %%s' % (
        qn(model._meta.db_table), qn('id')), [pk])
    return cursor.fetchone()[0]


def placed():
    "Where each of the three fixture objects is, as (artist on _a, widget on _b, vehicle on default)."
    return (count('_a', Artist, 70), count('_b', Widget, 71), count(_default, Vehicle, 72))


@pytest.fixture
def fixture_dir(isolated_settings, tmp_path):
    isolated_settings.FIXTURE_DIRS = [str(tmp_path)]
    yield tmp_path
    for model, pk in ((Artist, 70), (Widget, 71), (Vehicle, 72)):
        model.objects.filter(pk=pk).delete()


def write(directory, name, objects):
    (directory / name).write_text(json.dumps(objects), encoding='utf-8')


def test_each_object_lands_on_its_connection_and_the_report_says_where(fixture_dir):
    write(fixture_dir, 'three.json', OBJECTS)
    out = io.StringIO()
    report = install_fixtures(['three'], verbosity=1, out=out)
    assert placed() == (1, 1, 1)
    assert report.per_connection == {'_a': 1, '_b': 1, _default: 1}
    assert out.getvalue().splitlines()[-4:] == [
        'Installed 3 object(s) from 1 fixture(s)',
        ' -- 1 object(s) on connection: <default>',
        ' -- 1 object(s) on connection: _a',
        ' -- 1 object(s) on connection: _b']


def test_a_failing_object_rolls_back_every_connection(fixture_dir):
    bad = dict(OBJECTS[1], fields={'code': 'FX-2', 'weight': 'heavy'})
    write(fixture_dir, 'broken.json', [OBJECTS[0], OBJECTS[2], bad])
    with pytest.raises(FixtureError, match="Problem installing fixture '.*broken.json'"):
        install_fixtures(['broken.json'])
    assert placed() == (0, 0, 0)


def test_loaddata_and_dumpdata_actions(fixture_dir):
    write(fixture_dir, 'three.json', OBJECTS)
    out, err = io.StringIO(), io.StringIO()
    assert main(['loaddata', 'three', '--verbosity', '0'], out=out, err=err) == 0, err.getvalue()
    assert placed() == (1, 1, 1)
    out = io.StringIO()
    assert main(['dumpdata', 'multiple_databases', '--indent', '2'], out=out) == 0
    dumped = {(o['model'], o['pk']): o['fields'] for o in json.loads(out.getvalue())}
    assert dumped[('multiple_databases.artist', '70')] == {'name': 'Kahlo', 'alive': False}
    assert dumped[('multiple_databases.widget', '71')] == {'code': 'FX-1', 'weight': 2}
    assert dumped[('multiple_databases.vehicle', '72')]['make'] == 'Citroen'
    err = io.StringIO()
    assert main(['dumpdata', 'multiple_databases', '--verbosity', '2'],
                out=io.StringIO(), err=err) == 0
    lines = err.getvalue().splitlines()
    assert [line.split(': ')[-1] for line in lines] == ['<default>', '_a', '_b']
    assert all(line.startswith(' -- ') and ' object(s) from connection' in line for line in lines)


def test_action_mistakes_are_one_line(fixture_dir):
    write(fixture_dir, 'bad.json', [dict(OBJECTS[0], model='multiple_databases.nothing')])
    for argv, message in ((['loaddata', 'bad'], 'Invalid model identifier'),
                          (['loaddata'], 'at least one fixture'),
                          (['dumpdata', '--format', 'yaml'], "format 'yaml'")):
        err = io.StringIO()
        assert main(argv, out=io.StringIO(), err=err) == 1
        assert len(err.getvalue().splitlines()) == 1 and message in err.getvalue(), argv
    assert placed() == (0, 0, 0)


def test_sqlflush_groups_statements_by_connection():
    out = io.StringIO()
    assert main(['sqlflush'], out=out) == 0
    text = out.getvalue()
    for name, table in (('<default>', 'multiple_databases_vehicle'),
                        ('_a', 'multiple_databases_artist'),
                        ('_b', 'multiple_databases_doohickey_widgets')):
        block = text.split(' -- The following statements are for connection: %s\n' % name)[1]
        block = block.split(' -- END statements for %s' % name)[0]
        assert qn(table) in block, (name, table)
    assert qn('multiple_databases_artist') not in text.split('connection: _a')[0]


def test_flush_and_testcase_empty_every_connection(fixture_dir):
    from django_legacy.test import TestCase
    write(fixture_dir, 'three.json', OBJECTS)
    seen = []

    class Case(TestCase):
        fixtures = ['three']

        def test_it(self):
            seen.append(placed())
            Artist.objects.create(name='Added by the test')

    for _ in range(2):
        result = unittest.TestResult()
        Case('test_it').run(result)
        assert result.wasSuccessful(), result.errors
    assert seen == [(1, 1, 1), (1, 1, 1)]
    assert Artist.objects.filter(name='Added by the test').count() == 1
    out = io.StringIO()
    assert main(['flush', '--noinput'], out=out) == 0
    assert placed() == (0, 0, 0) and Artist.objects.count() == 0
    assert 'Flushed connection _a' in out.getvalue()


def test_a_testcase_whose_fixture_fails_reports_an_error(fixture_dir):
    from django_legacy.test import TestCase
    write(fixture_dir, 'bad.json', [dict(OBJECTS[0], model='multiple_databases.nothing')])

    class Case(TestCase):
        fixtures = ['bad']

        def test_it(self):
            pass

    result = unittest.TestResult()
    Case('test_it').run(result)
    assert len(result.errors) == 1 and 'Invalid model identifier' in result.errors[0][1]
