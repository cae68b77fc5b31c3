"""The workload every implementation runs: two SQLite files, Artist on one
and Widget on the other, ROWS rows each, in these phases."""

PHASES = ('create', 'insert', 'get', 'filter', 'count', 'update', 'update1', 'delete', 'drop')
# Phases reported per row as well (time / (2 * rows)).
PER_ROW = ('insert', 'get')
# How many COUNT(*) queries the count phase runs on each model.
COUNTS = 100
# How many one-row UPDATEs (each committed) the update1 phase runs on each
# model: where 'update' measures SQLite rewriting every row, this measures
# what each ORM adds around one statement.
SMALL_UPDATES = 200


def artist(i):
    return {'name': 'artist %d' % i, 'alive': bool(i % 2)}


def widget(i):
    return {'code': 'w%d' % i, 'weight': i}
