"""Modern Django: DATABASES 'a' and 'b' and a router, as a project would."""

from bench.workload import COUNTS, SMALL_UPDATES, artist, widget


def version(target):
    import django
    return 'Django ' + django.get_version()


class Router:
    def db_for_read(self, model, **hints):
        return 'a' if model.__name__ == 'Artist' else 'b'

    db_for_write = db_for_read


def run(target, rows, clock):
    import django
    from django.conf import settings
    databases = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}
    for name in 'ab':
        if target.postgresql:
            host, port, user, password = target.server()
            databases[name] = {'ENGINE': 'django.db.backends.postgresql',
                               'NAME': target.dbname(name), 'HOST': host, 'PORT': port,
                               'USER': user, 'PASSWORD': password}
        else:
            databases[name] = {'ENGINE': 'django.db.backends.sqlite3',
                               'NAME': target.path(name)}
    settings.configure(
        DATABASES=databases,
        DATABASE_ROUTERS=['bench.impl_django.Router'], INSTALLED_APPS=[], USE_TZ=False,
        DEFAULT_AUTO_FIELD='django.db.models.AutoField')
    django.setup()
    from django.db import connections, models, transaction

    class Artist(models.Model):
        name = models.CharField(max_length=50)
        alive = models.BooleanField()

        class Meta:
            app_label = 'bench'

    class Widget(models.Model):
        code = models.CharField(max_length=10)
        weight = models.IntegerField()

        class Meta:
            app_label = 'bench'

    with clock('create'):
        with connections['a'].schema_editor() as editor:
            editor.create_model(Artist)
        with connections['b'].schema_editor() as editor:
            editor.create_model(Widget)
    with clock('insert'):
        with transaction.atomic(using='a'), transaction.atomic(using='b'):
            for i in range(1, rows + 1):
                Artist(**artist(i)).save()
            for i in range(1, rows + 1):
                Widget(**widget(i)).save()
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
        with connections['a'].schema_editor() as editor:
            editor.delete_model(Artist)
        with connections['b'].schema_editor() as editor:
            editor.delete_model(Widget)
    connections.close_all()
