"""Random querysets against the same predicate evaluated in Python.

Hypothesis builds chains of filter(), exclude(), Q objects combined with
&, | and ~, querysets combined with & and |, order_by() and a final slice
over a small table, and checks that the database returns exactly the rows
(in order, when ordered) that a Python evaluation of the same conditions
gives. The Python side follows SQL's three-valued logic: a comparison with
NULL is unknown, NOT unknown is unknown, and only true rows are returned.
Runs on SQLite and on PostgreSQL (see tests/engines.py).
"""

import operator

from hypothesis import HealthCheck, given, settings, strategies as st

from django_legacy.db import models
from django_legacy.db.models.query import Q
from tests import engines
from tests.helpers import place

engine_db = engines.engine_db     # the fixture, for this module's tests


class Item(models.Model):
    a = models.IntegerField()
    b = models.IntegerField()
    c = models.IntegerField(null=True)
    name = models.CharField(maxlength=5)

    class Meta:
        app_label = 'reliability'


ROWS = [dict(a=i % 5, b=(i * 3) % 4, c=None if i % 4 == 0 else i % 3, name='abc'[:i % 4]
             + 'ab'[i % 2]) for i in range(24)]

INTEGERS = st.integers(min_value=-1, max_value=5)
COMPARE = {'exact': operator.eq, 'gt': operator.gt, 'gte': operator.ge,
           'lt': operator.lt, 'lte': operator.le}


def integer_lookup():
    field = st.sampled_from(['a', 'b', 'c'])
    return st.one_of(
        st.tuples(field, st.sampled_from(sorted(COMPARE)), INTEGERS),
        st.tuples(field, st.just('in'), st.lists(INTEGERS, max_size=3)),
        st.tuples(field, st.just('range'), st.tuples(INTEGERS, INTEGERS).map(sorted)),
        st.tuples(st.just('c'), st.just('isnull'), st.booleans()),
        st.tuples(st.just('c'), st.just('exact'), st.none()))


def text_lookup():
    return st.tuples(st.just('name'), st.sampled_from(['exact', 'startswith', 'contains']),
                     st.text(alphabet='abc', max_size=2))


LEAF = st.one_of(integer_lookup(), text_lookup())


def leaf_q(lookup):
    field, kind, value = lookup
    return Q(**{'%s__%s' % (field, kind): value})


Q_TREES = st.recursive(
    LEAF.map(lambda lookup: (leaf_q(lookup), ('leaf', lookup))),
    lambda children: st.one_of(
        st.tuples(children, children).map(
            lambda pair: (pair[0][0] & pair[1][0], ('and', pair[0][1], pair[1][1]))),
        st.tuples(children, children).map(
            lambda pair: (pair[0][0] | pair[1][0], ('or', pair[0][1], pair[1][1]))),
        children.map(lambda child: (~child[0], ('not', child[1])))),
    max_leaves=4)


def truth(tree, row):
    "True, False or None (unknown) for ``row``, as SQL evaluates the condition."
    kind = tree[0]
    if kind == 'not':
        value = truth(tree[1], row)
        return None if value is None else not value
    if kind in ('and', 'or'):
        left, right = truth(tree[1], row), truth(tree[2], row)
        if kind == 'and':
            if left is False or right is False:
                return False
            return None if None in (left, right) else True
        if left is True or right is True:
            return True
        return None if None in (left, right) else False
    field, lookup, value = tree[1]
    v = row[field]
    if lookup == 'isnull':
        return (v is None) == value
    if lookup == 'exact' and value is None:
        return v is None
    if lookup == 'in' and not value:
        return False
    if v is None:
        return None
    if lookup == 'in':
        return v in value
    if lookup == 'range':
        return value[0] <= v <= value[1]
    if lookup == 'startswith':
        return v.startswith(value)
    if lookup == 'contains':
        return value in v
    return COMPARE[lookup](v, value)


def step():
    "One step of a chain: filter or exclude by a Q tree, or combine with another chain."
    return st.one_of(
        st.tuples(st.sampled_from(['filter', 'exclude']), Q_TREES),
        st.tuples(st.sampled_from(['and', 'or']), st.lists(Q_TREES, min_size=1, max_size=2)))


ORDERINGS = st.lists(st.sampled_from(['a', '-a', 'b', '-b', 'c', '-c', 'name', '-name']),
                     max_size=2, unique_by=lambda term: term.lstrip('-'))
SLICES = st.one_of(st.none(), st.tuples(st.integers(0, 6), st.integers(0, 12)))


def build(steps):
    """Returns (queryset, predicate) for a chain: the predicate maps a row
    to whether the chain keeps it."""
    qs, keep = Item.objects.all(), (lambda row: True)
    for kind, arg in steps:
        if kind in ('filter', 'exclude'):
            q, tree = arg
            qs = qs.filter(q) if kind == 'filter' else qs.exclude(q)
            keep = _and(keep, (lambda t: lambda row: truth(t, row) is True)(tree)
                        if kind == 'filter' else
                        (lambda t: lambda row: truth(t, row) is False)(tree))
        else:
            other, other_keep = Item.objects.all(), (lambda row: True)
            for q, tree in arg:
                other = other.filter(q)
                other_keep = _and(other_keep, (lambda t: lambda row: truth(t, row) is True)(tree))
            qs = (qs & other) if kind == 'and' else (qs | other)
            keep = _and(keep, other_keep) if kind == 'and' else _or(keep, other_keep)
    return qs, keep


def _and(f, g):
    return lambda row: f(row) and g(row)


def _or(f, g):
    return lambda row: f(row) or g(row)


def sort_key(engine, ordering):
    """Orders rows as the database does: NULL sorts first ascending on
    SQLite and last on PostgreSQL; the id breaks ties."""
    nulls_first = engine == 'sqlite3'

    def key(row):
        parts = []
        for term in ordering:
            value = row[term.lstrip('-')]
            descending = term.startswith('-')
            null_rank = (0 if nulls_first else 1) if value is None else (1 if nulls_first else 0)
            if descending:
                null_rank = -null_rank
            parts.append((null_rank, _Reversed(value) if descending else value))
        parts.append(row['id'])
        return parts
    return key


class _Reversed:
    "Sorts its value backwards (None only meets None: NULLs rank apart)."

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return other.value < self.value

    def __eq__(self, other):
        return self.value == other.value


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step(), min_size=1, max_size=3), ordering=ORDERINGS, window=SLICES)
def test_querysets_match_python(engine_db, isolated_settings, steps, ordering, window):
    rows = _table(isolated_settings)
    qs, keep = build(steps)
    expected = [row for row in rows if keep(row)]
    if ordering:
        qs = qs.order_by(*(ordering + ['id']))
        expected.sort(key=sort_key(engine_db, ordering))
        if window is not None:
            start, stop = window
            qs, expected = qs[start:stop], expected[start:stop]
        assert [item.id for item in qs] == [row['id'] for row in expected], qs
    else:
        assert sorted(item.id for item in qs) == sorted(row['id'] for row in expected)
    assert qs.count() == len(expected)


def _table(isolated_settings):
    """Returns the rows of Item's table on 'rel' as dicts with their ids,
    creating and filling the table on the first call for a database (the
    fixture removes the database after the test)."""
    models = isolated_settings.OTHER_DATABASES['rel']['MODELS']
    if 'reliability' not in models:
        place(isolated_settings, 'rel', 'reliability')
    if Item._meta.db_table not in Item.objects.get_table_list():
        Item.objects.install()
        for row in ROWS:
            Item(**row).save()
    return list(Item.objects.order_by('id').values('id', 'a', 'b', 'c', 'name'))
