"""Names never reach SQL unescaped, and combined or sliced querysets never
change more rows than they show.

Run on the engine of DJANGO_SETTINGS_MODULE (SQLite by default, PostgreSQL
and MySQL in CI).
"""

import importlib

import pytest

from django_legacy.db import models
from tests.helpers import installed, qn
from tests.testapp.models import Author, Book


class Odd(models.Model):
    "A table, a column and an index whose names hold every quote character."
    label = models.CharField(maxlength=20, db_column='la"b`el', db_index=True)
    rank = models.IntegerField(default=0)

    class Meta:
        app_label = 'reliability'
        db_table = 'odd"table`'


@pytest.fixture
def authors(isolated_settings):
    with installed(Author, Book):
        for name in ('ann', 'bob', 'cid', 'dee', 'eve'):
            Author(name=name).save()
        yield


@pytest.mark.parametrize('engine', ['sqlite3', 'postgresql', 'mysql'])
def test_quote_name_doubles_its_quote_character(engine):
    quote_name = importlib.import_module('django_legacy.db.backends.%s.base' % engine).quote_name
    mark = '`' if engine == 'mysql' else '"'
    assert quote_name('plain') == mark + 'plain' + mark
    assert quote_name('a%sb' % mark) == '%sa%s%sb%s' % (mark, mark, mark, mark)
    # Looks quoted, but holds a quote inside: quoted again, not passed through.
    sneaky = '%sx%s; DROP TABLE t; --%s' % (mark, mark, mark)
    assert quote_name(sneaky) == mark + sneaky.replace(mark, mark * 2) + mark
    assert quote_name(mark + 'already' + mark) == mark + 'already' + mark


def test_order_by_refuses_sql_in_a_table_column_term(authors):
    term = 'testapp_author.name" ; DROP TABLE testapp_book; --'
    with pytest.raises(TypeError) as raised:
        list(Author.objects.order_by(term))
    assert repr(term) in str(raised.value)
    assert Book.objects.count() == 0        # the table is still there
    with pytest.raises(TypeError, match="no model has the table 'nosuch'"):
        list(Author.objects.order_by('nosuch.name'))
    with pytest.raises(TypeError, match="has no column 'nope'"):
        list(Author.objects.order_by('-testapp_author.nope'))
    with pytest.raises(TypeError, match="Cannot order by 'name; DROP'"):
        list(Author.objects.order_by('name; DROP'))
    with pytest.raises(TypeError, match='Cannot order by 3'):
        list(Author.objects.order_by(3))
    with pytest.raises(TypeError, match="Cannot order by '--name'"):
        list(Author.objects.order_by('--name'))


def test_order_by_accepts_the_forms_of_0_96(authors):
    names = [a.name for a in Author.objects.order_by('-name')]
    assert names == ['eve', 'dee', 'cid', 'bob', 'ann']
    assert [a.name for a in Author.objects.order_by('-testapp_author.name')] == names
    assert [a.name for a in Author.objects.order_by('testapp_author.id')][0] == 'ann'
    assert len(list(Author.objects.order_by('?'))) == 5
    extra = Author.objects.extra(select={'up': 'UPPER(name)'}).order_by('-up')
    assert [a.up for a in extra] == ['EVE', 'DEE', 'CID', 'BOB', 'ANN']


def test_names_with_quotes_work_everywhere(isolated_settings):
    with installed(Odd):
        for rank, label in enumerate(['x"y', "it's", 'back`tick']):
            Odd(label=label, rank=rank).save()
        assert [o.label for o in Odd.objects.order_by('-rank')] == ['back`tick', "it's", 'x"y']
        assert [o.label for o in Odd.objects.order_by('odd"table`.la"b`el')] == [
            'back`tick', "it's", 'x"y']
        assert list(Odd.objects.filter(label="it's").values('label')) == [{'label': "it's"}]
        odd = Odd.objects.extra(select={'a"b`c': 'rank + 1'}).order_by('rank')
        assert [getattr(o, 'a"b`c') for o in odd] == [1, 2, 3]
        Odd.objects.filter(rank=0).update(label='new')
        Odd.objects.filter(rank=1).delete()
        assert sorted(o.label for o in Odd.objects.all()) == ['back`tick', 'new']


def test_index_names_are_quoted_unless_one_word():
    from django_legacy.db.backends.ansi.sql import index_name
    assert index_name(qn, 'app_table', 'col') == 'app_table_col'
    assert index_name(qn, 'odd"t', 'c') == qn('odd"t_c')


def test_or_keeps_the_extra_where_of_both_sides(authors):
    either = Author.objects.filter(name='ann') | Author.objects.extra(where=["name = 'cid'"])
    assert sorted(a.name for a in either) == ['ann', 'cid']
    either = Author.objects.extra(where=['name = %s'], params=['bob']) | \
        Author.objects.filter(name='eve')
    assert sorted(a.name for a in either) == ['bob', 'eve']
    (Author.objects.filter(name='ann') | Author.objects.extra(where=["name = 'dee'"])).delete()
    assert sorted(a.name for a in Author.objects.all()) == ['bob', 'cid', 'eve']
    both = Author.objects.filter(name__gt='b') & Author.objects.extra(where=["name < 'd'"])
    assert sorted(a.name for a in both) == ['bob', 'cid']


def test_combining_refuses_what_it_cannot_keep(authors):
    with pytest.raises(TypeError, match='same model'):
        Author.objects.all() | Book.objects.all()
    with pytest.raises(TypeError, match='extra.tables'):
        Author.objects.all() | Author.objects.extra(tables=['testapp_book'])
    with pytest.raises(AssertionError, match='slice'):
        Author.objects.all()[:2] | Author.objects.all()


def test_update_refuses_a_slice_as_delete_does(authors):
    with pytest.raises(AssertionError, match="Cannot use 'limit' or 'offset' with update"):
        Author.objects.order_by('name')[:2].update(name='x')
    with pytest.raises(AssertionError, match="Cannot use 'limit' or 'offset' with update"):
        Author.objects.order_by('name')[2:].update(name='x')
    assert sorted(a.name for a in Author.objects.all()) == ['ann', 'bob', 'cid', 'dee', 'eve']


def test_values_and_dates_take_only_real_fields_and_kinds(authors):
    from django_legacy.db.models.fields import FieldDoesNotExist
    with pytest.raises(TypeError, match='Cannot resolve keyword'):
        list(Author.objects.values('name", 1 FROM testapp_book; --'))
    with pytest.raises(FieldDoesNotExist):
        Author.objects.dates('born" FROM testapp_book; --', 'year')
    with pytest.raises(AssertionError, match="'kind' must be one of"):
        Author.objects.dates('born', "year' FROM testapp_book; --")
    with pytest.raises(AssertionError, match="'order' must be either"):
        Author.objects.dates('born', 'year', order='ASC; DROP TABLE testapp_book')
    assert Book.objects.count() == 0
