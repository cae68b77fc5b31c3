"""Querysets and Q objects (rebuilds django/db/models/query.py of 0.96).

A QuerySet is lazy: it builds SQL when it is first iterated, counted or
sliced by index, and runs it on ``model._default_manager.db``, the model's
own connection. Values travel only as query parameters.
"""

import datetime
import functools
import hashlib

from django_legacy.db import manager_db, transaction
from django_legacy.db.models import signals
from django_legacy.db.models.base import params_function, row_builder
from django_legacy.db.models.fields import LOOKUP_TYPES, DateField
from django_legacy.db.models.fields.related import pk_of
from django_legacy.db.models.loading import all_models
from django_legacy.dispatch import dispatcher

# How many rows iterator() fetches at a time, and how many keys go in one IN ().
CHUNK_SIZE = 100
IN_BATCH = 500
# The longest name a join's alias may have (PostgreSQL cuts names at 63).
MAX_ALIAS = 63


class Q:
    """A condition built from lookups: ``Q(name='x') | Q(name='y')``,
    ``Q(a=1) & ~Q(b=2)``."""

    AND, OR = 'AND', 'OR'
    connector = AND             # a combination or negation sets its own
    negated = False

    def __init__(self, **kwargs):
        self.children = list(kwargs.items())

    def _combine(self, other, connector):
        if not isinstance(other, Q):
            raise TypeError('Q objects combine only with Q objects, not %r' % (other,))
        q = Q()
        q.connector, q.children = connector, [self, other]
        return q

    def __and__(self, other):
        return self._combine(other, Q.AND)

    def __or__(self, other):
        return self._combine(other, Q.OR)

    def __invert__(self):
        q = Q()
        q.children, q.negated = [self], True
        return q

    def __repr__(self):
        inner = ', '.join(repr(c) if isinstance(c, Q) else '%s=%r' % c for c in self.children)
        return '%sQ(%s: %s)' % ('~' if self.negated else '', self.connector, inner)


class RawCondition(Q):
    """A condition written in SQL, as extra(where=...) gives it: ``template``
    is the SQL (or a function of quote_name returning it) and ``params``
    its parameters. It lets a queryset's raw conditions join a Q tree when
    querysets are combined with | (new: 0.96 dropped them there)."""

    def __init__(self, template, params):
        super().__init__()
        self.template, self.params = template, list(params)

    def __repr__(self):
        return '%sRawCondition(%r, %r)' % ('~' if self.negated else '', self.template, self.params)


def _field_choices(opts):
    names = [f.name for f in opts.fields + opts.many_to_many]
    names += [r.query_name for r in opts.get_all_related_objects()]
    names += [r.query_name for r in opts.get_all_related_many_to_many_objects()]
    return ', '.join(sorted(names))


def _find(opts, name, attnames=False):
    """Returns (kind, thing) for a lookup name on a model: ('field', Field),
    ('m2m', Field), ('reverse_fk', RelatedObject) or ('reverse_m2m',
    RelatedObject); None if the model has nothing of that name.

    As in 0.96, a lookup names a field by its name (``reporter``, never
    ``reporter_id`` unless ``attnames``) and a reverse relation by its
    related_name if it has one, else by the lower-cased model name."""
    if name == 'pk':
        return 'field', opts.pk
    for field in opts.fields:
        if field.name == name or (attnames and field.attname == name):
            return 'field', field
    for field in opts.many_to_many:
        if field.name == name:
            return 'm2m', field
    for related in opts.get_all_related_objects():
        if related.query_name == name:
            return 'reverse_fk', related
    for related in opts.get_all_related_many_to_many_objects():
        if related.query_name == name:
            return 'reverse_m2m', related
    return None


def _no_keyword(name):
    "The TypeError of 0.96 for a lookup name that names nothing."
    return TypeError('Cannot resolve keyword %r into field' % (name,))


class Compiler:
    """Turns one QuerySet into SQL for one backend: a FROM clause with its
    joins, a WHERE clause and its parameters."""

    def __init__(self, queryset, backend):
        self.qs = queryset
        self.backend = backend
        self.qn = backend.quote_name
        self.table = self.qn(queryset.model._meta.db_table)
        self.joins = {}        # path -> (alias, join sql)
        self.outer = set()     # the aliases joined with LEFT OUTER JOIN
        self.params = []

    def join(self, path, table, condition_template, source, outer=False):
        """Returns the alias of ``table`` joined for ``path`` (joined once
        per path) to the alias ``source``; condition_template has {alias}
        for the new alias. The join is a LEFT OUTER JOIN when ``outer`` is
        true or ``source`` was joined that way, else an INNER JOIN."""
        key = tuple(path)
        if key not in self.joins:
            alias = self.qn(self.alias_name(path))
            if outer or source in self.outer:
                self.outer.add(alias)
            kind = 'LEFT OUTER JOIN' if alias in self.outer else 'INNER JOIN'
            self.joins[key] = (alias, '%s %s %s ON %s' % (
                kind, table, alias, condition_template.format(alias=alias)))
        return self.joins[key][0]

    def alias_name(self, path):
        """Returns the name 0.96 gave the table joined for ``path``: the
        model's table and the names crossed, joined by '__'
        (``many_to_one_article__reporter``), with ``m2m_`` in front for a
        many-to-many join table (its path ends with '+'). extra(where=...)
        may use it. A name longer than MAX_ALIAS keeps its start and ends
        with a hash of the whole, so two long names stay apart."""
        table = self.qs.model._meta.db_table
        if path[-1] == '+':
            name = 'm2m_%s__%s' % (table, '__'.join(path[:-1]))
        else:
            name = '%s__%s' % (table, '__'.join(path))
        if len(name) > MAX_ALIAS:
            digest = hashlib.md5(name.encode()).hexdigest()[:8]
            name = '%s_%s' % (name[:MAX_ALIAS - 9], digest)
        return name

    def column(self, alias, field):
        return '%s.%s' % (alias, self.qn(field.column))

    def resolve(self, key):
        """Returns (field, column SQL, lookup type) for a lookup such as
        ``artist__name__startswith``, adding the joins it needs."""
        parts = key.split('__')
        lookup_type = 'exact'
        if len(parts) > 1 and parts[-1] in LOOKUP_TYPES:
            lookup_type = parts.pop()
        model, alias = self.qs.model, self.table
        for i, name in enumerate(parts):
            found = _find(model._meta, name)
            if found is None:
                raise _no_keyword(name)
            kind, thing = found
            step = {'field': self._through_field, 'reverse_fk': self._through_reverse_fk,
                    'm2m': self._through_many, 'reverse_m2m': self._through_many}[kind]
            done, model, alias = step(kind, thing, model, alias, parts[:i + 1], parts[i + 1:])
            if done is not None:
                return done + (lookup_type,)
        raise _no_keyword(key)

    # Each step crosses one name of a lookup. It returns (field, column) when
    # the lookup ends there, else None and the model and alias to go on from.

    def _through_field(self, kind, field, model, alias, path, rest):
        if not rest:
            return (field, self.column(alias, field)), model, alias
        if field.rel is None:
            # 0.96 names the field with the next part: 'headline__starts'.
            raise _no_keyword('%s__%s' % (field.name, rest[0]))
        target_field = field.rel.get_related_field()
        if len(rest) == 1 and rest[0] in ('pk', target_field.name):
            # artist__pk compares the foreign key column itself: no join.
            return (field, self.column(alias, field)), model, alias
        target = field.rel.to
        alias = self.join(path, self.qn(target._meta.db_table), '{alias}.%s = %s' % (
            self.qn(target_field.column), self.column(alias, field)), alias)
        return None, target, alias

    def _through_reverse_fk(self, kind, related, model, alias, path, rest):
        field, rel_opts = related.field, related.model._meta
        alias = self.join(path, self.qn(rel_opts.db_table), '{alias}.%s = %s' % (
            self.qn(field.column), self.column(alias, field.rel.get_related_field())), alias)
        if not rest:
            return (rel_opts.pk, self.column(alias, rel_opts.pk)), related.model, alias
        return None, related.model, alias

    def _through_many(self, kind, thing, model, alias, path, rest):
        qn = self.qn
        if kind == 'm2m':
            field, target = thing, thing.rel.to
            near, far = field.m2m_column_name(), field.m2m_reverse_name()
        else:
            field, target = thing.field, thing.model
            near, far = field.m2m_reverse_name(), field.m2m_column_name()
        # A LEFT OUTER JOIN, as 0.96 made it, and so are the joins beyond
        # it: an OR with a condition on this model keeps the rows that have
        # no related row.
        join_alias = self.join(path + ['+'], qn(field.m2m_db_table()), '{alias}.%s = %s' % (
            qn(near), self.column(alias, model._meta.pk)), alias, outer=True)
        target_pk = target._meta.pk
        if not rest or (len(rest) == 1 and rest[0] in ('pk', target_pk.name)):
            # The join table holds the target's key: no need to join the target.
            return (target_pk, '%s.%s' % (join_alias, qn(far))), target, join_alias
        alias = self.join(path, qn(target._meta.db_table), '{alias}.%s = %s.%s' % (
            qn(target_pk.column), join_alias, qn(far)), join_alias)
        return None, target, alias

    def lookup(self, key, value):
        "Returns the SQL for one lookup and adds its parameters."
        if value is None:
            head, _, last = key.rpartition('__')
            if head and last in LOOKUP_TYPES and last != 'exact':
                raise ValueError('Cannot use None as a query value')
        field, column, lookup_type = self.resolve(key)
        if lookup_type == 'isnull':
            return '%s IS %sNULL' % (column, '' if value else 'NOT ')
        if lookup_type == 'exact' and value is None:
            return '%s IS NULL' % column
        if lookup_type in ('in', 'range'):
            value = [pk_of(v) for v in value]
        else:
            value = pk_of(value)
        params = field.get_db_prep_lookup(lookup_type, value)
        if lookup_type == 'in':
            if not params:
                return '1 = 0'
            sql = '%s IN (%s)' % (column, ', '.join(['%s'] * len(params)))
        elif lookup_type in ('range', 'year'):
            sql = '%s BETWEEN %%s AND %%s' % column
        elif lookup_type in ('month', 'day'):
            sql = '%s = %%s' % self.backend.get_date_extract_sql(lookup_type, column)
        else:
            sql = '%s %s' % (column, self.backend.OPERATOR_MAPPING[lookup_type])
        self.params.extend(params)
        return sql

    def condition(self, q):
        "Returns the SQL of a Q tree, adding its parameters."
        if isinstance(q, RawCondition):
            self.params.extend(q.params)
            sql = q.template(self.qn) if callable(q.template) else q.template
            return 'NOT (%s)' % sql if q.negated else sql
        parts = []
        for child in q.children:
            sql = self.condition(child) if isinstance(child, Q) else self.lookup(*child)
            if sql:
                parts.append(sql)
        sql = (' %s ' % q.connector).join(parts)
        if len(parts) > 1:
            sql = '(%s)' % sql
        if q.negated and sql:
            sql = 'NOT (%s)' % sql
        return sql

    def where(self):
        "Returns ' WHERE ...' (or '') for the queryset's filters."
        qs = self.qs
        parts = [sql for sql in (self.condition(q) for q in qs._filters) if sql]
        for template, params in qs._raw_where:
            parts.append(template(self.qn) if callable(template) else template)
            self.params.extend(params)
        return (' WHERE ' + ' AND '.join(parts)) if parts else ''

    def from_clause(self):
        tables = [self.table] + [self.qn(t) if '"' not in t and ' ' not in t else t
                                 for t in self.qs._extra_tables]
        return ' FROM %s%s' % (', '.join(tables),
                               ''.join(' ' + sql for alias, sql in self.joins.values()))

    def order_by(self):
        qs = self.qs
        opts = qs.model._meta
        ordering = qs._order_by if qs._order_by is not None else opts.ordering
        terms = []
        for item in ordering:
            if item == '?':
                terms.append(self.backend.get_random_function_sql())
                continue
            if not isinstance(item, str):
                raise TypeError('Cannot order by %r: order_by() takes field names as '
                                "strings ('name', '-name', '?' or 'table.column')." % (item,))
            descending = item.startswith('-')
            name = item[1:] if descending else item
            if '.' in name:
                expr = self.table_column(item, name)
            elif name in dict(qs._extra_select):
                expr = self.qn(name)
            elif name == '_order' and opts.order_with_respect_to:
                # the column order_with_respect_to adds, which is no field
                expr = '%s.%s' % (self.table, self.qn('_order'))
            else:
                found = _find(opts, name, attnames=True)
                if found is None or found[0] != 'field':
                    raise TypeError('Cannot order by %r: %s has no field of that name. '
                                    'Choices are: %s' % (item, opts.object_name,
                                                         _field_choices(opts)))
                expr = self.column(self.table, found[1])
            terms.append('%s %s' % (expr, 'DESC' if descending else 'ASC'))
        return (' ORDER BY ' + ', '.join(terms)) if terms else ''

    def table_column(self, item, name):
        """Returns the quoted SQL for 0.96's 'table.column' ordering, where
        the table is a model's db_table and the column one of its fields
        (by name or column); raises TypeError naming ``item`` otherwise."""
        table, column = name.split('.', 1)
        for model in [self.qs.model] + all_models():
            if model._meta.db_table != table:
                continue
            for field in model._meta.fields:
                if column in (field.name, field.column):
                    return '%s.%s' % (self.qn(table), self.qn(field.column))
            raise TypeError('Cannot order by %r: table %r has no column %r. Columns are: %s'
                            % (item, table, column,
                               ', '.join(sorted(f.column for f in model._meta.fields))))
        raise TypeError("Cannot order by %r: no model has the table %r. Order by a field "
                        "name, '-name', '?' or 'table.column' of a model's table."
                        % (item, table))

    def select(self, columns):
        """Returns the whole SELECT of ``columns``: DISTINCT, FROM with its
        joins, WHERE, ORDER BY and the limits (parameters in ``params``)."""
        return 'SELECT %s%s%s' % ('DISTINCT ' if self.qs._distinct else '',
                                  ', '.join(columns), self.body())

    def body(self):
        "Returns the statement from ' FROM' on: joins, WHERE, ORDER BY, limits."
        where = self.where()
        return '%s%s%s%s' % (self.from_clause(), where, self.order_by(), self.limits())

    def limits(self):
        qs = self.qs
        if qs._limit is None:
            if qs._offset:
                # As in 0.96: not every database can skip rows without a limit.
                raise AssertionError("'offset' is not allowed without 'limit'")
            return ''
        return ' ' + self.backend.get_limit_offset_sql(qs._limit, qs._offset)


class QuerySet:
    """A lazy, chainable query over one model.

    What narrows or shapes it starts as the class's value below; a
    refinement sets its own on the clone it returns (a new tuple, never a
    change to the original's), so a queryset is made and copied with only
    what it changed, and a clone shares the rest."""

    _filters = ()               # Q objects, ANDed
    _raw_where = ()             # (sql or callable(quote_name) -> sql, params)
    _order_by = None            # None: the model's Meta.ordering
    _select_related = False
    _max_related_depth = 0      # 0: follow every non-null foreign key
    _distinct = False
    _extra_select = ()          # (name, sql)
    _extra_tables = ()
    _offset = None
    _limit = None
    _result_cache = None

    def __init__(self, model=None):
        self.model = model

    # -- evaluation ---------------------------------------------------------

    def __repr__(self):
        return repr(list(self))

    def __len__(self):
        return len(self._get_data())

    def __iter__(self):
        return iter(self._get_data())

    def __bool__(self):
        return bool(self._get_data())

    def __getitem__(self, k):
        if not isinstance(k, (slice, int)):
            raise TypeError('QuerySet indices must be integers or slices, not %r' % (k,))
        if (isinstance(k, int) and k < 0) or (isinstance(k, slice) and (
                (k.start or 0) < 0 or (k.stop is not None and k.stop < 0))):
            raise AssertionError('Negative indexing is not supported.')
        if self._result_cache is not None:
            return self._result_cache[k]
        if isinstance(k, slice):
            start, stop = k.start or 0, k.stop
            offset = (self._offset or 0) + start
            limit = None if stop is None else max(0, stop - start)
            if self._limit is not None:
                limit = max(0, self._limit - start) if limit is None else \
                    max(0, min(limit, self._limit - start))
            clone = self._clone(_offset=offset or None, _limit=limit)
            return list(clone)[::k.step] if k.step else clone
        try:
            return list(self._clone(_offset=(self._offset or 0) + k, _limit=1))[0]
        except IndexError:
            raise IndexError('QuerySet index out of range: %d' % k)

    def _check_combinable(self, other, operator):
        """Raises TypeError (or AssertionError for a slice, as filter() does)
        when ``other`` cannot be combined with this queryset."""
        if not isinstance(other, QuerySet) or other.model is not self.model:
            raise TypeError('Cannot combine a QuerySet of %s with %r using %r: both sides '
                            'must be querysets of the same model.'
                            % (self.model._meta.object_name, other, operator))
        if self._is_sliced() or other._is_sliced():
            raise AssertionError('Cannot combine queries once a slice has been taken.')
        if self._distinct != other._distinct:
            raise AssertionError('Cannot combine a unique query with a non-unique query')

    def _is_sliced(self):
        return self._limit is not None or bool(self._offset)

    def _check_not_sliced(self, message):
        if self._is_sliced():
            raise AssertionError(message)

    def _conditions(self):
        "Returns a Q holding every condition of this queryset, raw ones included."
        q = Q()
        q.children = list(self._filters) + [RawCondition(t, p) for t, p in self._raw_where]
        return q

    def __and__(self, other):
        self._check_combinable(other, '&')
        combined = self._clone()
        combined._filters = combined._filters + other._filters
        combined._raw_where = combined._raw_where + other._raw_where
        combined._extra_tables = list(self._extra_tables) + [
            t for t in other._extra_tables if t not in self._extra_tables]
        return combined

    def __or__(self, other):
        """Returns a queryset of the rows either side matches: every
        condition of both sides, extra(where=...) included. Sides with
        different extra(tables=...) are refused: their FROM lists differ."""
        self._check_combinable(other, '|')
        if sorted(self._extra_tables) != sorted(other._extra_tables):
            raise TypeError('Cannot combine querysets with different extra(tables=...) '
                            'using |: %r and %r. Give both sides the same tables.'
                            % (self._extra_tables, other._extra_tables))
        combined = self._clone()
        left, right = self._conditions(), other._conditions()
        combined._filters = (left | right,) if left.children and right.children else ()
        combined._raw_where = ()
        return combined

    def _get_data(self):
        if self._result_cache is None:
            if type(self).iterator is QuerySet.iterator:
                # Every object is kept anyway: build them in one go rather
                # than one generator step each (the wrapper says how to read
                # the rows for that; see build_rows).
                connection, cursor, build = self._cursor()
                self._result_cache = connection.build_rows(cursor, build)
            else:
                self._result_cache = list(self.iterator())
        return self._result_cache

    def _db(self):
        return manager_db(self.model._default_manager)

    def _columns(self, compiler):
        """Returns the SELECT list and a function that builds the results of
        a list of rows (a list of them)."""
        opts = self.model._meta
        columns = [compiler.column(compiler.table, f) for f in opts.fields]
        model = self.model
        width = len(opts.fields)
        related = []
        if self._select_related:
            related = self._related_columns(compiler, model, compiler.table, [], columns, 0)
        extra = self._extra_select
        for name, sql in extra:
            columns.append('(%s) AS %s' % (sql, compiler.qn(name)))
        if not related and not extra:
            return columns, row_builder(model)

        def build(row):
            obj = model._from_db(row[:width])
            position = width
            for owner_index, field, rel_model, rel_width in related:
                owner = obj if owner_index is None else built[owner_index]
                values = row[position:position + rel_width]
                position += rel_width
                rel_obj = rel_model._from_db(values)
                built.append(rel_obj)
                owner.__dict__[field.get_cache_name()] = rel_obj
            for name, _ in extra:
                setattr(obj, name, row[position])
                position += 1
            built.clear()
            return obj
        built = []
        return columns, lambda rows: list(map(build, rows))

    def _related_columns(self, compiler, model, alias, path, columns, depth, owner=None,
                         out=None, seen=()):
        """Adds the columns of the tables that select_related() joins, and
        returns [(owner index or None, field, model, column count)].

        As in 0.96 it follows every non-null foreign key, ``depth`` levels
        deep when select_related(depth=N) set one; it does not join a model
        again that is already on the way from the queried model (0.96 would
        recurse without end on a non-null cycle)."""
        out = [] if out is None else out
        max_depth = self._max_related_depth
        if max_depth and depth >= max_depth:
            return out
        seen = seen + (model,)
        for field in model._meta.fields:
            if field.rel is None or field.null or field.rel.to in seen:
                continue
            target = field.rel.to
            target_path = path + [field.name]
            target_alias = compiler.join(target_path, compiler.qn(target._meta.db_table),
                                         '{alias}.%s = %s' % (
                                             compiler.qn(field.rel.get_related_field().column),
                                             compiler.column(alias, field)), alias)
            columns.extend(compiler.column(target_alias, f) for f in target._meta.fields)
            out.append((owner, field, target, len(target._meta.fields)))
            self._related_columns(compiler, target, target_alias, target_path, columns,
                                  depth + 1, len(out) - 1, out, seen)
        return out

    def _select_sql(self, backend):
        "Returns (sql, params, builder) for this queryset on ``backend``."
        compiler = Compiler(self, backend)
        columns, build = self._columns(compiler)
        return compiler.select(columns), compiler.params, build

    def _get_sql_clause(self):
        """Returns (columns, sql, params) as 0.96's private method of that
        name did: the selected columns, the statement from ' FROM' on, and
        its parameters (0.96's own tests read the joins from it)."""
        compiler = Compiler(self, self._db().backend)
        columns, build = self._columns(compiler)
        return columns, compiler.body(), compiler.params

    def _cursor(self, streamed=False):
        """Runs the SELECT; returns (connection wrapper, cursor, function
        building the results of rows). ``streamed``: the cursor is a Stream,
        which reads the rows a chunk at a time (see the wrappers' stream())."""
        db = self._db()
        sql, params, build = self._select_sql(db.backend)
        connection = db.connection
        if streamed:
            return connection, connection.stream(sql, params, CHUNK_SIZE), build
        return connection, connection.run(sql, params), build

    def iterator(self):
        """Yields the objects one by one, without caching them: the rows are
        fetched CHUNK_SIZE at a time, so memory holds one chunk (on the
        server backends too, where the server sends them as they are read)."""
        connection, stream, build = self._cursor(streamed=True)
        try:
            while True:
                rows = stream.fetchmany(CHUNK_SIZE)
                if not rows:
                    return
                yield from build(rows)
        finally:
            stream.close()      # a loop left early: the rest is not wanted

    def count(self):
        "Returns the number of matching rows (a SELECT COUNT(*))."
        if self._result_cache is not None:
            return len(self._result_cache)
        db = self._db()
        if not (self._distinct or self._offset or self._limit is not None):
            # No filter, or exact lookups on the model's own columns: SQL
            # made once per model, backend and names.
            given = self._exact_lookups()
            plan = None if given is None else _count_plan(
                self.model._meta, db.backend, tuple(given))
            if plan is not None:
                return db.connection.fetch_all(plan[0], plan[1](given))[0][0]
        compiler = Compiler(self, db.backend)
        where = compiler.where()
        what = 'COUNT(*)'
        if self._distinct:
            what = 'COUNT(DISTINCT %s)' % compiler.column(compiler.table, self.model._meta.pk)
        count = db.connection.fetch_all('SELECT %s%s%s' % (
            what, compiler.from_clause(), where), compiler.params)[0][0]
        if self._offset:
            count = max(0, count - self._offset)
        if self._limit is not None:
            count = min(self._limit, count)
        return count

    def get(self, *args, **kwargs):
        "Returns the one object matching the lookups."
        if not args and kwargs and self._is_plain():
            found = fast_get(self.model, kwargs)
            if found is not NOT_SIMPLE:
                return found
        return self._get_by_filter(args, kwargs)

    def _get_by_filter(self, args, kwargs):
        "get() by the general compiler: the one object filter(*args, **kwargs) finds."
        clone = self.filter(*args, **kwargs) if (args or kwargs) else self._clone()
        return _one(self.model, list(clone), kwargs)

    def _is_plain(self):
        "True when nothing but the model narrows or shapes this queryset."
        return not (self._filters or self._raw_where or self._extra_select or self._extra_tables
                    or self._select_related or self._distinct or self._offset
                    or self._limit is not None or self._result_cache is not None
                    or type(self) is not QuerySet)

    def create(self, **kwargs):
        "Creates, saves and returns an object."
        obj = self.model(**kwargs)
        obj.save()
        return obj

    def get_or_create(self, **kwargs):
        """Returns (object, created): looks the object up with ``kwargs``
        (less ``defaults``), creating it from them and ``defaults`` if absent."""
        defaults = kwargs.pop('defaults', {})
        try:
            return self.get(**kwargs), False
        except self.model.DoesNotExist:
            params = {k: v for k, v in kwargs.items() if '__' not in k}
            params.update(defaults)
            obj = self.model(**params)
            obj.save()
            return obj, True

    def latest(self, field_name=None):
        "Returns the object with the latest ``field_name`` (or Meta.get_latest_by)."
        latest_by = field_name or self.model._meta.get_latest_by
        if not latest_by:
            raise AssertionError('latest() requires either a field_name parameter or '
                                 "'get_latest_by' in the model")
        self._check_not_sliced('Cannot change a query once a slice has been taken.')
        return self._clone(_limit=1, _offset=None, _order_by=('-' + latest_by,)).get()

    def in_bulk(self, id_list):
        "Returns {primary key: object} for the keys in ``id_list``."
        self._check_not_sliced("Cannot use 'limit' or 'offset' with in_bulk")
        if not isinstance(id_list, (list, tuple, set)):
            raise AssertionError('in_bulk() must be provided with a list of IDs.')
        if not id_list:
            return {}
        found = {obj._get_pk_val(): obj for obj in self.filter(pk__in=list(id_list))}
        # In the order of id_list (as 0.96's doctests printed small keys);
        # a key given in another type than the column's comes last.
        place = {key: i for i, key in enumerate(id_list)}
        return dict(sorted(found.items(), key=lambda item: place.get(item[0], len(place))))

    def delete(self):
        """Deletes the matching objects, with the rows that depend on them."""
        if self._limit is not None or self._offset:
            raise AssertionError("Cannot use 'limit' or 'offset' with delete.")
        model = self.model
        if _is_leaf(model):
            db = self._db()
            given = self._exact_lookups()
            plan = None if given is None else _delete_plan(model._meta, db.backend, tuple(given))
            if plan is not None:
                # No filter, or exact lookups on the model's own columns: SQL
                # made once per model, backend and names.
                transaction.execute_committed(db.connection, plan[0], plan[1](given))
                self._result_cache = None
                return
            compiler = Compiler(self, db.backend)
            where = compiler.where()
            if compiler.joins or self._extra_tables:
                pk = compiler.column(compiler.table, model._meta.pk)
                where = ' WHERE %s IN (SELECT %s%s%s)' % (pk, pk, compiler.from_clause(), where)
            transaction.execute_committed(db.connection, 'DELETE FROM %s%s' % (
                compiler.table, where), compiler.params)
        else:
            delete_objects(model, list(self._clone(_order_by=())))
        self._result_cache = None

    delete.alters_data = True

    def update(self, **kwargs):
        """Sets fields of every matching row in one UPDATE; returns the row
        count. (New: 0.96 had no QuerySet.update.)"""
        if self._limit is not None or self._offset:
            raise AssertionError("Cannot use 'limit' or 'offset' with update.")
        db = self._db()
        count = self._fast_update(db, kwargs)
        if count is not None:
            return count
        compiler = Compiler(self, db.backend)
        opts = self.model._meta
        assignments, values = [], []
        for name, value in kwargs.items():
            found = _find(opts, name, attnames=True)
            if found is None or found[0] != 'field':
                raise TypeError('Cannot update %r: %s has no field of that name. Choices '
                                'are: %s' % (name, opts.object_name, _field_choices(opts)))
            field = found[1]
            assignments.append('%s = %%s' % compiler.qn(field.column))
            values.append(field.get_db_prep_save(value))
        where = compiler.where()
        if compiler.joins:
            pk = compiler.column(compiler.table, opts.pk)
            where = ' WHERE %s IN (SELECT %s%s%s)' % (pk, pk, compiler.from_clause(), where)
        cursor = transaction.execute_committed(db.connection, 'UPDATE %s SET %s%s' % (
            compiler.table, ', '.join(assignments), where), values + compiler.params)
        self._result_cache = None
        return cursor.rowcount

    update.alters_data = True

    def _fast_update(self, db, kwargs):
        """update() when only exact lookups on the model's own columns
        narrow the queryset (``filter(pk=...).update(...)``): the SQL the
        compiler would write, made once per model, backend and names.
        Returns the row count, or None when the general path must run."""
        given = self._exact_lookups()
        if not given:
            return None
        plan = _update_plan(self.model._meta, db.backend, tuple(kwargs), tuple(given))
        if plan is None:
            return None
        sql, values, where = plan
        params = values(kwargs) + where(given)
        cursor = transaction.execute_committed(db.connection, sql, params)
        self._result_cache = None
        return cursor.rowcount

    def _exact_lookups(self):
        """Returns {name: value} of the lookups that alone narrow this
        queryset when they are keyword lookups of one filter() call, none
        of them None ({} for no filter at all), for the short ways to check
        against the model's own columns (see _exact_where); None when
        anything else narrows it (a Q, exclude(), a raw condition, extra
        tables) or it is a subclass's queryset."""
        if self._raw_where or self._extra_tables or type(self) is not QuerySet:
            return None
        if not self._filters:
            return {}
        if len(self._filters) != 1:
            return None
        q = self._filters[0]
        if q.negated or q.connector != Q.AND or not q.children:
            return None
        lookups = q.children
        for child in lookups:
            if isinstance(child, Q) or child[1] is None:
                return None
        given = dict(lookups)
        return given if len(given) == len(lookups) else None

    # -- refinement ---------------------------------------------------------

    def _clone(self, klass=None, **changes):
        klass = klass or self.__class__
        clone = klass.__new__(klass)
        state = self.__dict__.copy()
        state['_result_cache'] = None
        if changes:
            state.update(changes)
        clone.__dict__ = state
        return clone

    def all(self):
        return self._clone()

    def filter(self, *args, **kwargs):
        "Returns a queryset narrowed by Q objects and lookups."
        return self._filter_or_exclude(False, args, kwargs)

    def exclude(self, *args, **kwargs):
        "Returns a queryset without what the Q objects and lookups match."
        return self._filter_or_exclude(True, args, kwargs)

    def _filter_or_exclude(self, negate, args, kwargs):
        if (args or kwargs) and (self._limit is not None or self._offset):
            raise AssertionError('Cannot filter a query once a slice has been taken.')
        for q in args:
            if not isinstance(q, Q):
                raise TypeError('filter() takes Q objects and lookups, not %r' % (q,))
        if kwargs:
            args += (Q(**kwargs),)
        if negate:
            args = tuple(~q for q in args)
        return self._clone(_filters=self._filters + args)

    def complex_filter(self, filter_obj):
        if isinstance(filter_obj, Q):
            return self.filter(filter_obj)
        return self.filter(**filter_obj)

    def _filter_many_to_many(self, field, target_col, source_col, key):
        "Narrows to the objects joined to ``key`` through ``field``'s table."
        pk = self.model._meta.pk

        def template(qn):
            return '%s.%s IN (SELECT %s FROM %s WHERE %s = %%s)' % (
                qn(self.model._meta.db_table), qn(pk.column), qn(target_col),
                qn(field.m2m_db_table()), qn(source_col))
        return self._clone(_raw_where=self._raw_where + ((template, [key]),))

    def order_by(self, *field_names):
        """Returns a queryset ordered by the fields ('-name' descending, '?'
        random, 'table.column' a column of a model's table). Each name is
        checked when the SQL is built, before it runs."""
        self._check_not_sliced('Cannot reorder a query once a slice has been taken.')
        return self._clone(_order_by=tuple(field_names))

    def distinct(self, true_or_false=True):
        return self._clone(_distinct=true_or_false)

    def select_related(self, true_or_false=True, depth=0):
        """Returns a queryset that fetches the objects its non-null foreign
        keys point at in the same query, ``depth`` levels deep (0: all)."""
        return self._clone(_select_related=true_or_false, _max_related_depth=depth)

    def extra(self, select=None, where=None, params=None, tables=None):
        """Adds raw SQL: ``select`` {name: sql} columns, ``where`` conditions
        (with ``params``), ``tables`` to the FROM list."""
        self._check_not_sliced('Cannot change a query once a slice has been taken')
        clone = self._clone()
        if select:
            clone._extra_select = list(self._extra_select) + list(select.items())
        if where:
            clone._raw_where = self._raw_where + (
                (' AND '.join('(%s)' % w for w in where), list(params or [])),)
        if tables:
            clone._extra_tables = list(self._extra_tables) + list(tables)
        return clone

    def values(self, *fields):
        "Returns a queryset of dicts {attname: value} instead of objects."
        return self._clone(klass=ValuesQuerySet, _fields=fields)

    def dates(self, field_name, kind, order='ASC'):
        """Returns a queryset of the dates that ``field_name`` holds among
        the matching rows, cut to ``kind`` ('year', 'month' or 'day'), each
        once, as datetimes in ``order`` ('ASC' or 'DESC')."""
        if kind not in ('year', 'month', 'day'):
            raise AssertionError("'kind' must be one of 'year', 'month' or 'day'.")
        if order not in ('ASC', 'DESC'):
            raise AssertionError("'order' must be either 'ASC' or 'DESC'.")
        field = self.model._meta.get_field(field_name, many_to_many=False)
        if not isinstance(field, DateField):
            raise AssertionError("%r isn't a DateField." % (field_name,))
        return self._clone(klass=DateQuerySet, _field=field, _kind=kind, _order=order)

    def none(self):
        "Returns a queryset that matches nothing, without asking the database."
        return self._clone(klass=EmptyQuerySet, _result_cache=[])


NOT_SIMPLE = object()


def _one(model, objects, kwargs):
    "Returns the only object of ``objects``, or raises DoesNotExist or MultipleObjectsReturned."
    if len(objects) == 1:
        return objects[0]
    if not objects:
        raise model.DoesNotExist('%s matching query does not exist.' % model._meta.object_name)
    raise model.MultipleObjectsReturned(
        'get() returned more than one %s -- it returned %s! Lookup parameters were %s'
        % (model._meta.object_name, len(objects), kwargs))


def _plan(kind):
    """Makes ``build(opts, backend, *names)`` return what it built the first
    time for those arguments: kept in ``opts._sql_cache`` under (kind,
    backend, *names), dropped when the model gains a field."""
    def decorator(build):
        @functools.wraps(build)
        def cached(opts, backend, *names):
            key = (kind, backend) + names
            try:
                return opts._sql_cache[key]
            except KeyError:
                plan = opts._sql_cache[key] = build(opts, backend, *names)
                return plan
        return cached
    return decorator


@_plan('where')
def _exact_where(opts, backend, keys):
    """Returns (' WHERE ...', [field]) for exact lookups on the model's own
    columns, ``keys`` naming them; None when the lookups need the general
    compiler."""
    fields = []
    for key in keys:
        name, _, lookup = key.partition('__')
        found = _find(opts, name) if lookup in ('', 'exact') else None
        if found is None or found[0] != 'field' or found[1].rel is not None:
            return None
        fields.append(found[1])
    qn = backend.quote_name
    table = qn(opts.db_table)
    where = ' AND '.join('%s.%s = %%s' % (table, qn(f.column)) for f in fields)
    # As the compiler writes them: several lookups of one filter() in parentheses.
    return (' WHERE ' + (where if len(fields) == 1 else '(%s)' % where), fields)


@_plan('count')
def _count_plan(opts, backend, keys):
    """Returns (sql, params) for count() narrowed by exact lookups on the
    model's own columns, ``keys`` naming them (none: every row), where
    params(lookups) returns the query parameters; None when the lookups
    need the general compiler."""
    return _whole_table_plan('SELECT COUNT(*) FROM', opts, backend, keys)


@_plan('delete')
def _delete_plan(opts, backend, keys):
    "Returns (sql, params) for delete() as _count_plan does for count()."
    return _whole_table_plan('DELETE FROM', opts, backend, keys)


def _whole_table_plan(head, opts, backend, keys):
    """Returns (sql, params): ``head`` ('DELETE FROM', ...) on the model's
    table, narrowed by exact lookups on its own columns that ``keys`` name
    (none: every row); None when the lookups need the general compiler."""
    table = backend.quote_name(opts.db_table)
    if not keys:
        return '%s %s' % (head, table), _no_params
    where = _exact_where(opts, backend, keys)
    if where is None:
        return None
    return '%s %s%s' % (head, table, where[0]), params_function(where[1], keys)


def _no_params(lookups):
    "The parameters of a statement that no lookup narrows."
    return []


@_plan('get')
def _get_plan(opts, backend, keys):
    """Returns (sql, params) for get() by exact lookups on the model's own
    columns, ``keys`` naming them, where params(kwargs) returns the query
    parameters, or None for a lookup of None (IS NULL, the general path's);
    None when the lookups need the general compiler."""
    where = _exact_where(opts, backend, keys)
    if where is None:
        return None
    qn = backend.quote_name
    table = qn(opts.db_table)
    return ('SELECT %s FROM %s%s' % (
        ', '.join('%s.%s' % (table, qn(f.column)) for f in opts.fields), table, where[0]),
        params_function(where[1], keys, refuse_none=True))


@_plan('update')
def _update_plan(opts, backend, names, keys):
    """Returns (sql, values, where) for update(**values) of the fields
    ``names`` narrowed by exact lookups ``keys`` on the model's own columns,
    where values(kwargs) and where(lookups) return the query parameters of
    the dict of values and of lookups (see params_function); None when the
    general path must write it (or raise its error)."""
    targets = [_find(opts, name, attnames=True) for name in names]
    where = _exact_where(opts, backend, keys)
    if where is None or not all(t is not None and t[0] == 'field' for t in targets):
        return None
    qn = backend.quote_name
    fields = [t[1] for t in targets]
    return ('UPDATE %s SET %s%s' % (
        qn(opts.db_table), ', '.join('%s = %%s' % qn(f.column) for f in fields), where[0]),
        params_function(fields, names), params_function(where[1], keys))


def fast_get(model, kwargs):
    """get() for exact lookups on the model's own columns, without building a
    queryset: SQL made once per model and lookup names. Returns NOT_SIMPLE
    when the lookups need the general path."""
    db = manager_db(model._default_manager)
    opts = model._meta
    plan = _get_plan(opts, db.backend, tuple(kwargs))
    if plan is None:
        return NOT_SIMPLE
    sql, params = plan
    params = params(kwargs)
    if params is None:
        return NOT_SIMPLE       # IS NULL: the general path writes it
    rows = db.connection.fetch_all(sql, params)
    if len(rows) == 1:
        return model._from_db(rows[0])
    return _one(model, row_builder(model)(rows), kwargs)


class ValuesQuerySet(QuerySet):
    "The dictionaries of values() (rebuilds 0.96's ValuesQuerySet)."

    def iterator(self):
        opts = self.model._meta
        if self._fields:
            fields = []
            for name in self._fields:
                found = _find(opts, name, attnames=True)
                if found is None or found[0] != 'field':
                    raise TypeError('Cannot resolve keyword %r into field. Choices are: %s'
                                    % (name, _field_choices(opts)))
                fields.append(found[1])
        else:
            fields = opts.fields
        db = self._db()
        compiler = Compiler(self, db.backend)
        columns = [compiler.column(compiler.table, f) for f in fields]
        names = [f.attname for f in fields]
        for name, sql in self._extra_select:
            columns.append('(%s) AS %s' % (sql, compiler.qn(name)))
            names.append(name)
        sql = compiler.select(columns)
        cursor = db.connection.cursor()
        cursor.execute(sql, compiler.params)
        # Each row's dict made at once (in C), then only the values of the
        # fields that convert what the database gives are converted.
        converted = [(f.attname, f.to_python) for f in fields if f.converts_db_values]
        for row in cursor.fetchall():
            values = dict(zip(names, row))
            for name, convert in converted:
                value = values[name]
                if value is not None:
                    values[name] = convert(value)
            yield values


class DateQuerySet(QuerySet):
    "The datetimes of dates() (rebuilds 0.96's DateQuerySet)."

    def iterator(self):
        db = self._db()
        compiler = Compiler(self._clone(_order_by=()), db.backend)
        column = compiler.column(compiler.table, self._field)
        where = compiler.where()
        if self._field.null:
            where += '%s %s IS NOT NULL' % (' AND' if where else ' WHERE', column)
        sql = 'SELECT %s%s%s GROUP BY 1 ORDER BY 1 %s%s' % (
            db.backend.get_date_trunc_sql(self._kind, column), compiler.from_clause(), where,
            self._order, compiler.limits())
        cursor = db.connection.cursor()
        cursor.execute(sql, compiler.params)
        return iter([_as_datetime(row[0]) for row in cursor.fetchall()])


def _as_datetime(value):
    """Returns a database's truncated date as a datetime: drivers give a
    datetime, a date or (SQLite) the text 'YYYY-MM-DD 00:00:00'."""
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    return datetime.datetime.strptime(str(value)[:10], '%Y-%m-%d')


class EmptyQuerySet(QuerySet):
    """What none() returns: a queryset that matches nothing and never asks
    the database (0.96's EmptyQuerySet); refining it keeps it empty."""

    def __init__(self, model=None):
        super().__init__(model)
        self._result_cache = []

    def _clone(self, klass=None, **changes):
        clone = super()._clone(klass, **changes)
        clone._result_cache = []
        return clone

    def iterator(self):
        return iter(())

    def count(self):
        return 0

    def values(self, *fields):
        return self._clone()

    def delete(self):
        pass

    def update(self, **kwargs):
        return 0


def _is_leaf(model):
    """True when deleting the model's rows touches no other table and no
    one listens for this model (a GenericRelation or FileField listens for
    its own model only)."""
    opts = model._meta
    return not (opts.many_to_many or opts.get_all_related_objects()
                or opts.get_all_related_many_to_many_objects()
                or dispatcher.heard(signals.pre_delete, model)
                or dispatcher.heard(signals.post_delete, model))


def _batches(keys):
    keys = list(keys)
    for start in range(0, len(keys), IN_BATCH):
        yield keys[start:start + IN_BATCH]


def _collect(model, objects, collected, nullify):
    """Adds ``objects`` and the objects that depend on them to ``collected``
    ({model: {pk: obj}}, parents before children); nullable foreign keys
    that point at them go to ``nullify`` as (model, field, keys)."""
    found = collected.setdefault(model, {})
    new = [obj for obj in objects if obj._get_pk_val() not in found]
    for obj in new:
        found[obj._get_pk_val()] = obj
    if not new:
        return
    for related in model._meta.get_all_related_objects():
        field = related.field
        keys = [getattr(obj, field.rel.get_related_field().attname) for obj in new]
        for batch in _batches(keys):
            if field.null:
                nullify.append((related.model, field, batch))
            else:
                children = list(related.model._default_manager.filter(
                    **{'%s__in' % field.name: batch}).order_by())
                _collect(related.model, children, collected, nullify)


def _in_batches(db, statement, column, keys):
    """Runs ``statement`` followed by ``WHERE <column> IN (...)`` on ``db``
    once for every batch of ``keys``."""
    qn = db.backend.quote_name
    cursor = db.connection.cursor()
    for batch in _batches(keys):
        cursor.execute('%s WHERE %s IN (%s)' % (
            statement, qn(column), ', '.join(['%s'] * len(batch))), batch)


def delete_objects(model, objects):  # noqa: C901 -- 0.96's delete order in one place: collect, signal, clear, delete
    """Deletes ``objects`` and what depends on them, each model on its own
    connection; commits those connections unless transactions are managed."""
    collected, nullify = {}, []
    _collect(model, objects, collected, nullify)
    if dispatcher.has_receivers(signals.pre_delete):
        for cls, instances in collected.items():
            for obj in instances.values():
                dispatcher.send(signal=signals.pre_delete, sender=cls, instance=obj)
    used = {}      # the ConnectionInfo of every model touched, to commit at the end

    def db_of(cls):
        db = used[cls] = cls._default_manager.db
        return db

    def delete_from(db, table, column, keys):
        _in_batches(db, 'DELETE FROM %s' % db.backend.quote_name(table), column, keys)

    for cls, instances in collected.items():
        db = db_of(cls)
        for field in cls._meta.many_to_many:
            delete_from(db, field.m2m_db_table(), field.m2m_column_name(), instances)
        for related in cls._meta.get_all_related_many_to_many_objects():
            field = related.field
            delete_from(db_of(related.model), field.m2m_db_table(), field.m2m_reverse_name(),
                        instances)
    for cls, field, keys in nullify:
        db = db_of(cls)
        qn = db.backend.quote_name
        _in_batches(db, 'UPDATE %s SET %s = NULL' % (qn(cls._meta.db_table), qn(field.column)),
                    field.column, keys)
    for cls, instances in reversed(list(collected.items())):
        delete_from(used[cls], cls._meta.db_table, cls._meta.pk.column, instances)
        for obj in instances.values():
            setattr(obj, cls._meta.pk.attname, None)
            if dispatcher.has_receivers(signals.post_delete):
                dispatcher.send(signal=signals.post_delete, sender=cls, instance=obj)
    transaction.commit_unless_managed(list({id(db): db for db in used.values()}.values()))
