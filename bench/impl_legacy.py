"""django_legacy: Artist on connection 'a', Widget on 'b'."""

from bench.workload import COUNTS, SMALL_UPDATES, artist, widget


def version(target):
    import django_legacy
    return 'django_legacy ' + django_legacy.__version__


def entry(target, name, models):
    "Returns the OTHER_DATABASES entry of database ``name`` of ``target``."
    if not target.postgresql:
        return {'DATABASE_NAME': target.path(name), 'MODELS': models}
    host, port, user, password = target.server()
    return {'DATABASE_ENGINE': 'postgresql', 'DATABASE_NAME': target.dbname(name),
            'DATABASE_HOST': host, 'DATABASE_PORT': port, 'DATABASE_USER': user,
            'DATABASE_PASSWORD': password, 'MODELS': models}


def configure(target, **extra):
    "Configures the settings: the default in memory, 'a' for Artist, 'b' for Widget."
    from django_legacy.conf import settings
    settings.configure(
        DATABASE_ENGINE='sqlite3', DATABASE_NAME=':memory:',
        OTHER_DATABASES={'a': entry(target, 'a', ['bench.Artist']),
                         'b': entry(target, 'b', ['bench.Widget'])}, **extra)


def models():
    "Returns the models Artist and Widget."
    from django_legacy.db import models

    class Artist(models.Model):
        name = models.CharField(maxlength=50)
        alive = models.BooleanField()

        class Meta:
            app_label = 'bench'

    class Widget(models.Model):
        code = models.CharField(maxlength=10)
        weight = models.IntegerField()

        class Meta:
            app_label = 'bench'

    return Artist, Widget


def run(target, rows, clock):
    configure(target)
    from django_legacy.db import transaction
    Artist, Widget = models()

    # As the other ORMs make their engines before the clock starts: choose the
    # backends (no connection is opened until the first query).
    Artist.objects.db, Widget.objects.db
    with clock('create'):
        Artist.objects.install()
        Widget.objects.install()
    with clock('insert'):
        transaction.enter_transaction_management()
        transaction.managed(True)
        for i in range(1, rows + 1):
            Artist(**artist(i)).save()
        for i in range(1, rows + 1):
            Widget(**widget(i)).save()
        transaction.commit()
        transaction.leave_transaction_management()
    with clock('get'):
        for i in range(1, rows + 1):
            Artist.objects.get(pk=i)
        for i in range(1, rows + 1):
            Widget.objects.get(pk=i)
    with clock('filter'):
        for obj in Artist.objects.filter(id__lte=rows // 2):
            pass
        for obj in Widget.objects.filter(id__lte=rows // 2):
            pass
    with clock('count'):
        for _ in range(COUNTS):
            Artist.objects.count()
            Widget.objects.count()
    with clock('update'):
        Artist.objects.all().update(alive=False)
        Widget.objects.all().update(weight=7)
    with clock('update1'):
        for i in range(1, SMALL_UPDATES + 1):
            Artist.objects.filter(pk=i).update(alive=True)
            Widget.objects.filter(pk=i).update(weight=1)
    with clock('delete'):
        Artist.objects.all().delete()
        Widget.objects.all().delete()
    with clock('drop'):
        Artist.objects.drop()
        Widget.objects.drop()
    Artist.objects.db.close()
    Widget.objects.db.close()
