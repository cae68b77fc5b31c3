"""contrib.contenttypes across connections: where ContentType rows live,
generic relations to objects on other connections, the manager's cache."""

import pytest

from django_legacy.contrib.contenttypes import generic
from django_legacy.contrib.contenttypes.models import ContentType
from django_legacy.core.management.validation import model_errors
from django_legacy.db import _default, connections, model_connection_name, models
from modeltests.generic_relations.models import Label
from modeltests.multiple_databases.models import Artist, Widget
from tests.helpers import installed


class Pebble(models.Model):
    "A model on connection _a with a generic relation to labels on the default one."
    name = models.CharField(maxlength=20)
    labels = generic.GenericRelation(Label)

    class Meta:
        app_label = 'contenttypes_tests'
        db_connection = '_a'

    def __str__(self):
        return self.name


@pytest.fixture
def clean():
    yield
    Label.objects.all().delete()
    Artist.objects.filter(name='Turner').delete()
    Widget.objects.filter(code='CT-1').delete()


def test_content_types_live_on_their_own_connection_the_default():
    assert model_connection_name(ContentType) is _default
    ContentType.objects.get_for_model(Artist)
    cursor = connections[_default].connection.cursor()
    cursor.execute("SELECT model FROM django_content_type WHERE model = 'artist'")
    assert [tuple(row) for row in cursor.fetchall()] == [('artist',)]


def test_generic_foreign_keys_read_each_object_on_its_connection(clean):
    turner = Artist.objects.create(name='Turner')
    widget = Widget.objects.create(code='CT-1', weight=1)
    Label(content_object=turner, text='painter').save()
    Label(content_object=widget, text='part').save()
    painter = Label.objects.get(text='painter')
    assert painter.content_object == turner
    assert painter.content_type == ContentType.objects.get_for_model(Artist)
    assert Label.objects.get(text='part').content_object == widget


def test_a_generic_relation_from_another_connection(clean):
    with installed(Pebble):
        pebble = Pebble.objects.create(name='flint')
        pebble.labels.create(text='sharp')
        pebble.labels.add(Label(text='grey'))
        assert [str(label) for label in pebble.labels.all()] == ['grey', 'sharp']
        assert Label.objects.get(text='sharp').content_object == pebble
        pebble.labels = [Label(text='new')]
        assert [str(label) for label in pebble.labels.all()] == ['new']
        pebble.delete()
        assert Label.objects.filter(text='new').count() == 0


def test_the_cache_is_forgotten_when_tables_are_flushed_or_connections_reset(clean):
    from django_legacy.core.management.fixtures import flush
    first = ContentType.objects.get_for_model(Widget)
    assert ContentType.objects.get_for_model(Widget) is first
    assert ContentType.objects.get_for_id(first.id) is first
    flush(verbosity=0, interactive=False)
    again = ContentType.objects.get_for_model(Widget)
    assert again is not first
    assert ContentType.objects.filter(model='widget').count() == 1


def test_a_foreign_key_to_content_type_from_another_connection_fails_validation():
    class Sticker(models.Model):
        content_type = models.ForeignKey(ContentType)
        object_id = models.PositiveIntegerField()
        content_object = generic.GenericForeignKey()

        class Meta:
            app_label = 'contenttypes_tests'
            db_connection = '_b'

    assert list(model_errors(Sticker)) == ["'Sticker' is configured to use connection '_b' but has relation "
                        "with 'ContentType', which is configured to use connection '<default>'"]


def test_generic_fields_are_not_columns_and_not_serialized(clean):
    from django_legacy.core import serializers
    assert 'content_object' not in [f.name for f in Label._meta.fields]
    assert 'labels' not in [f.name for f in Pebble._meta.fields + Pebble._meta.many_to_many]
    turner = Artist.objects.create(name='Turner')
    Label(content_object=turner, text='painter').save()
    (data,) = serializers.serialize('python', Label.objects.all())
    assert sorted(data['fields']) == ['content_type', 'object_id', 'text']
