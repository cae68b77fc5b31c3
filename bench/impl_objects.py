"""Raw driver code that makes objects: the least that any layer giving rows
as objects adds to raw driver code, as a yardstick beside it.

Each inserted row is an object made from keyword arguments, whose save()
reads its attributes into the INSERT and sets its new key; each row that
get reads becomes an object; filter's rows become objects kept in a list
until the loop ends, as a queryset keeps the objects it made (its cache).
Nothing else: no conversion of what the driver returns, no transaction
bookkeeping, no routing, no signals. The other phases are raw code's."""

from bench import impl_raw
from bench.workload import artist, widget

version = impl_raw.version


def run(target, rows, clock):
    a, b, sql, insert, rows_of = impl_raw.connect(target)
    insert_artist, insert_widget = sql['insert artist'], sql['insert widget']

    class Artist:
        def __init__(self, name, alive):
            self.id = None
            self.name = name
            self.alive = alive

        def save(self):
            self.id = insert(a, insert_artist, (self.name, self.alive))

    class Widget:
        def __init__(self, code, weight):
            self.id = None
            self.code = code
            self.weight = weight

        def save(self):
            self.id = insert(b, insert_widget, (self.code, self.weight))

    def artists(rows):
        made = []
        for key, name, alive in rows:
            obj = Artist.__new__(Artist)
            obj.id = key
            obj.name = name
            obj.alive = alive
            made.append(obj)
        return made

    def widgets(rows):
        made = []
        for key, code, weight in rows:
            obj = Widget.__new__(Widget)
            obj.id = key
            obj.code = code
            obj.weight = weight
            made.append(obj)
        return made

    impl_raw.create(a, b, sql, clock)
    with clock('insert'):
        for i in range(1, rows + 1):
            Artist(**artist(i)).save()
        a.commit()
        for i in range(1, rows + 1):
            Widget(**widget(i)).save()
        b.commit()
    with clock('get'):
        statement = sql['get artist']
        for i in range(1, rows + 1):
            artists(rows_of(a.execute(statement, (i,))))
        statement = sql['get widget']
        for i in range(1, rows + 1):
            widgets(rows_of(b.execute(statement, (i,))))
    with clock('filter'):
        for obj in artists(rows_of(a.execute(sql['filter artist'], (rows // 2,)))):
            pass
        for obj in widgets(rows_of(b.execute(sql['filter widget'], (rows // 2,)))):
            pass
    impl_raw.the_rest(a, b, sql, clock)
