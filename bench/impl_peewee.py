"""peewee: two SqliteDatabase (or PostgresqlDatabase) objects, one model on each."""

from bench.workload import COUNTS, SMALL_UPDATES, artist, widget


def version(target):
    import peewee
    return 'peewee ' + peewee.__version__


def run(target, rows, clock):
    import peewee
    if target.postgresql:
        params = {n: target.psycopg_params(n) for n in 'ab'}
        a, b = (peewee.PostgresqlDatabase(params[n].pop('dbname'), **params[n]) for n in 'ab')
    else:
        a, b = (peewee.SqliteDatabase(target.path(n)) for n in 'ab')

    class Artist(peewee.Model):
        name = peewee.CharField(max_length=50)
        alive = peewee.BooleanField()

        class Meta:
            database = a

    class Widget(peewee.Model):
        code = peewee.CharField(max_length=10)
        weight = peewee.IntegerField()

        class Meta:
            database = b

    with clock('create'):
        a.create_tables([Artist])
        b.create_tables([Widget])
    with clock('insert'):
        with a.atomic():
            for i in range(1, rows + 1):
                Artist(**artist(i)).save()
        with b.atomic():
            for i in range(1, rows + 1):
                Widget(**widget(i)).save()
    with clock('get'):
        for i in range(1, rows + 1):
            Artist.get_by_id(i)
        for i in range(1, rows + 1):
            Widget.get_by_id(i)
    with clock('filter'):
        for obj in Artist.select().where(Artist.id <= rows // 2):
            pass
        for obj in Widget.select().where(Widget.id <= rows // 2):
            pass
    with clock('count'):
        for _ in range(COUNTS):
            Artist.select().count()
            Widget.select().count()
    with clock('update'):
        Artist.update(alive=False).execute()
        Widget.update(weight=7).execute()
    with clock('update1'):
        for i in range(1, SMALL_UPDATES + 1):
            Artist.update(alive=True).where(Artist.id == i).execute()
            Widget.update(weight=1).where(Widget.id == i).execute()
    with clock('delete'):
        Artist.delete().execute()
        Widget.delete().execute()
    with clock('drop'):
        a.drop_tables([Artist])
        b.drop_tables([Widget])
    a.close()
    b.close()
