"""The serializers: each format's details, errors, and saving on each model's connection."""

import datetime
import io

import pytest

from django_legacy.core import serializers
from django_legacy.db import connections, _default
from tests.helpers import installed, qn
from tests.testapp.models import Author, Book, Tag


@pytest.fixture
def library(isolated_settings):
    with installed(Author, Book, Tag):
        yield


def rows(name, table, column):
    "Returns the values of ``column`` in ``table`` on connection ``name``, sorted."
    cursor = connections[name].connection.cursor()
    cursor.execute('SELECT %s FROM %s' % (qn(column), qn(table)))
    return sorted(row[0] for row in cursor.fetchall())


def test_each_format_round_trips_every_kind_of_value(library):
    author = Author.objects.create(name='Mary', born=None)
    book = Book.objects.create(title='Frankenstein', author=author, pages=280, price=12.5,
                               in_print=False)
    Tag.objects.create(label='gothic').books = [book]
    for format in ('python', 'json', 'xml'):
        text = serializers.serialize(format, Book.objects.all())
        (restored,) = serializers.deserialize(format, text)
        obj = restored.object
        assert (obj.id, obj.title, obj.author_id, obj.pages, obj.price, obj.in_print) == (
            book.id, 'Frankenstein', author.id, 280, 12.5, False), format
        (restored_author,) = serializers.deserialize(
            format, serializers.serialize(format, Author.objects.all()))
        assert restored_author.object.born is None, format


def test_xml_writes_none_relations_and_indents(library):
    author = Author.objects.create(name='Mary', born=datetime.date(1797, 8, 30))
    Book.objects.create(title='The Last Man', author=author)
    text = serializers.serialize('xml', Author.objects.all(), indent=2)
    assert '\n  <object pk="%d" model="testapp.author">' % author.id in text
    assert '<field type="DateField" name="born">1797-08-30</field>' in text
    author.born = None
    author.save()
    text = serializers.serialize('xml', Author.objects.all())
    assert '<field type="DateField" name="born"><None/></field>' in text
    book_xml = serializers.serialize('xml', Book.objects.all())
    assert ('<field to="testapp.author" name="author" rel="ManyToOneRel">%d</field>'
            % author.id) in book_xml


def test_deserializers_read_bytes_and_streams(library):
    author = Author.objects.create(name='Percy')
    text = serializers.serialize('json', Author.objects.all())
    for source in (text.encode('utf-8'), io.StringIO(text)):
        (obj,) = serializers.deserialize('json', source)
        assert obj.object.id == author.id


def test_second_save_does_not_set_many_to_many_again(library):
    author = Author.objects.create(name='Mary')
    book = Book.objects.create(title='Mathilda', author=author)
    tag = Tag.objects.create(label='novella')
    tag.books = [book]
    text = serializers.serialize('json', Tag.objects.all())
    tag.books.clear()
    (obj,) = serializers.deserialize('json', text)
    assert obj.m2m_data == {'books': [book.id]}
    obj.save(save_m2m=False)
    assert list(tag.books.all()) == []
    obj.save()      # the relations were dropped by the first save
    assert list(tag.books.all()) == []
    (obj,) = serializers.deserialize('json', text)
    obj.save()
    assert list(tag.books.all()) == [book]
    assert obj.m2m_data is None


def test_errors_name_what_is_wrong(library):
    with pytest.raises(serializers.DeserializationError, match='not valid JSON'):
        list(serializers.deserialize('json', '[{'))
    with pytest.raises(serializers.DeserializationError, match="missing the 'pk'"):
        list(serializers.deserialize('xml', '<django-objects><object model="testapp.author">'
                                            '</object></django-objects>'))
    with pytest.raises(serializers.DeserializationError, match='Invalid model identifier'):
        list(serializers.deserialize('python', [{'pk': 1, 'model': 'nolabel', 'fields': {}}]))
    with pytest.raises(serializers.SerializationError, match='Non-model object'):
        serializers.serialize('json', ['a string'])


def test_registered_and_configured_formats(isolated_settings):
    isolated_settings.SERIALIZATION_MODULES = {'pyish': 'django_legacy.core.serializers.python'}
    assert serializers.get_serializer_formats() == ['json', 'pyish', 'python', 'xml']
    serializers.register_serializer('again', 'django_legacy.core.serializers.json')
    try:
        assert 'again' in serializers.get_serializer_formats()
    finally:
        serializers.unregister_serializer('again')
    assert 'again' not in serializers.get_serializer_formats()


def test_each_object_is_saved_on_its_own_models_connection():
    from modeltests.multiple_databases.models import Artist, Vehicle, Widget
    objects = [Artist(name='Hokusai'), Widget(code='W-9', weight=3),
               Vehicle(make='Tatra', model='T87', year=1936)]
    text = serializers.serialize('json', objects)   # unsaved: pk None
    places = [('_a', 'multiple_databases_artist', 'name', 'Hokusai'),
              ('_b', 'multiple_databases_widget', 'code', 'W-9'),
              (_default, 'multiple_databases_vehicle', 'make', 'Tatra')]
    before = [rows(name, table, column).count(value) for name, table, column, value in places]
    saved = list(serializers.deserialize('json', text))
    try:
        for obj in saved:
            obj.save()
        after = [rows(name, table, column).count(value) for name, table, column, value in places]
        assert after == [n + 1 for n in before]
    finally:
        for obj in saved:
            if obj.object.pk is not None:
                obj.object.delete()


def test_a_field_with_serialize_false_is_not_written(library):
    field = Book._meta.get_field('pages')
    author = Author.objects.create(name='Mary')
    Book.objects.create(title='Valperga', author=author, pages=400)
    field.serialize = False
    try:
        (data,) = serializers.serialize('python', Book.objects.all())
    finally:
        field.serialize = True
    assert 'pages' not in data['fields'] and 'title' in data['fields']
