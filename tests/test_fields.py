"""The 0.96 field classes (column types on each engine, conversion,
validation, files) and the model API built on them (get_FOO_display,
get_next_by_FOO, order_with_respect_to, unique_together, subclassing,
one-to-one reverse assignment)."""

import datetime
import os

import pytest

from django_legacy.core.exceptions import ImproperlyConfigured
from django_legacy.core.validators import ValidationError
from django_legacy.db import DatabaseError, models
from django_legacy.db.backends.ansi.sql import SchemaBuilder
from tests.fieldsapp.models import (
    Answer, Attachment, Cafe, CountedInventory, Entry, Everything, Inventory, Picture,
    Question, Seat, Stamped, Thumbnail, Venue, WithDescriptor)
from tests.helpers import installed, place_on_engine, qn

COLUMNS = {
    'sqlite3': ['smallint', 'smallint unsigned', 'bool', 'varchar(75)', 'varchar(200)',
                'varchar(20)', 'varchar(2)', 'char(15)', 'varchar(50)', 'varchar(20)',
                'varchar(100)', 'numeric(7, 3)', 'time', 'text'],
    'postgresql': ['smallint', 'smallint CHECK ("positive_small" >= 0)', 'boolean',
                   'varchar(75)', 'varchar(200)', 'varchar(20)', 'varchar(2)', 'inet',
                   'varchar(50)', 'varchar(20)', 'varchar(100)', 'numeric(7, 3)', 'time',
                   'text'],
    'mysql': ['smallint', 'smallint UNSIGNED', 'bool', 'varchar(75)', 'varchar(200)',
              'varchar(20)', 'varchar(2)', 'char(15)', 'varchar(50)', 'varchar(20)',
              'varchar(100)', 'numeric(7, 3)', 'time', 'longtext'],
}


@pytest.fixture(params=sorted(COLUMNS))
def on_engine(request, isolated_settings):
    "Places the fieldsapp models on a connection of each engine (never opened)."
    return place_on_engine(isolated_settings, request.param, 'fieldsapp')


def column_types(model):
    "Returns the type of each column of the model's CREATE TABLE, id left out."
    sql = str(SchemaBuilder().get_create_table(model)[0][0])
    lines = [line.strip().rstrip(',') for line in sql.splitlines()[2:-1]]
    return [line.split(' ', 1)[1].rsplit(' NULL', 1)[0].replace(' NOT', '') for line in lines]


def test_column_type_of_every_field_class(on_engine):
    assert column_types(Everything) == COLUMNS[on_engine]


def test_file_and_image_columns_and_the_order_column(on_engine):
    varchar = 'varchar(100)'
    assert column_types(Attachment)[1] == varchar
    assert column_types(Picture)[0] == varchar
    integer = {'sqlite3': 'integer', 'postgresql': 'integer', 'mysql': 'integer'}[on_engine]
    assert column_types(Answer)[-1] == integer
    sql = str(SchemaBuilder().get_create_table(Answer)[0][0])
    assert '_order' in sql.splitlines()[-2] and sql.splitlines()[-2].endswith(' NULL')


def test_unique_together_in_the_create_table(on_engine):
    sql = str(SchemaBuilder().get_create_table(Seat)[0][0])
    q = '`%s`' if on_engine == 'mysql' else '"%s"'
    assert 'UNIQUE (%s, %s)' % (q % 'row', q % 'number') in sql


@pytest.fixture
def fields_db(isolated_settings, tmp_path):
    isolated_settings.MEDIA_ROOT = str(tmp_path)
    isolated_settings.MEDIA_URL = 'http://media.example.com/'
    with installed(Everything, Stamped, Attachment, Picture, Thumbnail, Entry, Question,
                   Answer, Seat, Venue, Cafe, Inventory, CountedInventory, WithDescriptor):
        yield tmp_path


def test_every_field_class_round_trips(fields_db):
    e = Everything(small=-3, positive_small='7', maybe=None, email='a@b.example.org',
                   url='http://example.org/', phone='312-555-0147', state='IL',
                   ip='10.0.0.1', slug='a-slug', numbers='1,2,3', path='/tmp/x',
                   amount='12.125', alarm=datetime.time(6, 45), document='<a/>')
    e.save()
    again = Everything.objects.get(pk=e.pk)
    assert (again.small, again.positive_small, again.maybe) == (-3, 7, None)
    assert (again.email, again.url, again.phone, again.state) == (
        'a@b.example.org', 'http://example.org/', '312-555-0147', 'IL')
    assert (again.ip, again.slug, again.numbers, again.path) == ('10.0.0.1', 'a-slug',
                                                                  '1,2,3', '/tmp/x')
    assert (again.amount, again.alarm, again.document) == (12.125, datetime.time(6, 45), '<a/>')
    e.maybe = False
    e.save()
    assert Everything.objects.get(pk=e.pk).maybe is False
    assert Everything.objects.filter(maybe=False).count() == 1


def test_a_bad_value_names_its_field_on_save(fields_db):
    with pytest.raises(ValidationError) as raised:
        Everything(small='many').save()
    assert str(raised.value) == "small 'many': This value must be an integer."
    with pytest.raises(ValidationError, match='Enter a positive number'):
        Everything(positive_small=-1).save()


def test_validate_runs_validator_list_and_field_rules():
    def no_x(data, all_data):
        if 'x' in data:
            raise ValidationError('No x, please.')

    class Note(models.Model):
        text = models.CharField(maxlength=10, validator_list=[no_x])
        email = models.EmailField(blank=True)

        class Meta:
            app_label = 'fieldsapp_scratch'
    assert Note(text='yes').validate() == {}
    assert Note(text='xyz', email='nobody').validate() == {
        'text': ['No x, please.'], 'email': ['Enter a valid e-mail address.']}
    assert Note(text='').validate() == {'text': ['This field is required.']}
    assert Note(text=None).validate() == {'text': ['This field cannot be null.']}


def test_auto_now_and_auto_now_add(fields_db):
    s = Stamped(label='a')
    before = datetime.datetime.now()
    s.save()
    assert before <= s.created <= s.changed
    assert s.day == datetime.date.today() and isinstance(s.at, datetime.time)
    created = s.created
    s.label = 'b'
    s.save()
    again = Stamped.objects.get(pk=s.pk)
    # MySQL keeps whole seconds
    assert abs(again.created - created) < datetime.timedelta(seconds=1)
    assert again.changed >= again.created
    assert not Stamped._meta.get_field('created').editable


def test_file_field_saves_under_media_root(fields_db):
    a = Attachment(title='minutes')
    a.save_upload_file("meeting notes (draft).txt", b'twelve bytes')
    year = str(datetime.date.today().year)
    assert a.upload == os.path.join('docs', year, 'meeting_notes_draft.txt')
    assert a.get_upload_filename() == os.path.join(str(fields_db), a.upload)
    assert a.get_upload_url() == 'http://media.example.com/docs/%s/meeting_notes_draft.txt' % year
    assert a.get_upload_size() == 12
    assert Attachment.objects.get(pk=a.pk).upload == a.upload      # save() ran
    b = Attachment(title='copy')
    b.save_upload_file('meeting notes (draft).txt', b'other', save=False)
    assert b.upload.endswith('meeting_notes_draft_.txt') and b.pk is None
    b.save()
    first = a.get_upload_filename()
    a.delete()
    assert not os.path.exists(first)
    assert Attachment(title='none').get_upload_url() == ''


def test_file_field_needs_media_root(fields_db, isolated_settings):
    isolated_settings.MEDIA_ROOT = ''
    with pytest.raises(ImproperlyConfigured, match='MEDIA_ROOT'):
        Attachment(title='x').save_upload_file('a.txt', b'a')


PNG_2x3 = bytes.fromhex(
    '89504e470d0a1a0a0000000d4948445200000002000000030806000000b9eade81'
    '0000000f49444154789c63f8ffff3f03420200fa0ff30de5e7d6d10000000049454e44ae426082')


def pillow_installed():
    import importlib.util
    return importlib.util.find_spec('PIL') is not None


def test_image_dimensions_without_pillow_say_so(fields_db, monkeypatch):
    import importlib.util
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, 'find_spec',
                        lambda name, *args: None if name == 'PIL' else find_spec(name, *args))
    t = Thumbnail()
    t.save_image_file('dot.png', PNG_2x3)      # no width/height fields: no Pillow needed
    with pytest.raises(ImproperlyConfigured, match='pip install Pillow'):
        t.get_image_width()
    with pytest.raises(ImproperlyConfigured, match='Pillow'):
        Picture().save_image_file('dot.png', PNG_2x3)


@pytest.mark.skipif(not pillow_installed(), reason='Pillow is not installed')
def test_image_dimensions_with_pillow(fields_db):
    p = Picture()
    p.save_image_file('dot.png', PNG_2x3)
    assert (p.width, p.height) == (2, 3)
    t = Thumbnail()
    t.save_image_file('dot.png', PNG_2x3)
    assert (t.get_image_width(), t.get_image_height()) == (2, 3)


def test_choices_display_and_next_previous_by_date(fields_db):
    day = datetime.datetime(2007, 3, 23, 12, 0)
    a = Entry.objects.create(kind='n', posted=day)
    b = Entry.objects.create(kind='r', posted=day)          # same time: the pk decides
    c = Entry.objects.create(kind='n', posted=day + datetime.timedelta(days=1))
    assert (a.get_kind_display(), b.get_kind_display()) == ('News', 'Review')
    assert a.get_next_by_posted() == b
    assert b.get_next_by_posted() == c
    assert c.get_previous_by_posted() == b
    assert b.get_previous_by_posted() == a
    assert a.get_next_by_posted(kind='n') == c
    with pytest.raises(Entry.DoesNotExist, match='Entry matching query does not exist.'):
        c.get_next_by_posted()
    assert not hasattr(Entry, 'get_next_by_expires')       # a nullable date has none


def test_choices_may_be_a_generator():
    class Coin(models.Model):
        side = models.CharField(maxlength=1, choices=((c, c.upper() * 2) for c in 'ht'))

        class Meta:
            app_label = 'fieldsapp_scratch'
    coin = Coin(side='t')
    assert coin.get_side_display() == 'TT' and coin.get_side_display() == 'TT'
    assert Coin._meta.get_field('side').value_from_object(coin) == 't'


def test_order_with_respect_to(fields_db):
    q = Question.objects.create(text='Which opening?')
    other = Question.objects.create(text='Which colour?')
    e4 = Answer.objects.create(question=q, text='e4')
    d4 = Answer.objects.create(question=q, text='d4')
    c4 = Answer.objects.create(question=q, text='c4')
    Answer.objects.create(question=other, text='white')
    assert q.get_answer_order() == [e4.pk, d4.pk, c4.pk]
    assert list(Answer.objects.filter(question=q)) == [e4, d4, c4]
    assert d4.get_next_in_order() == c4 and d4.get_previous_in_order() == e4
    with pytest.raises(Answer.DoesNotExist):
        c4.get_next_in_order()
    q.set_answer_order([c4.pk, e4.pk, d4.pk])
    assert q.get_answer_order() == [c4.pk, e4.pk, d4.pk]
    assert list(Answer.objects.filter(question=q)) == [c4, e4, d4]
    sql = Answer.objects.filter(question=q)._select_sql(Answer.objects.db.backend)[0]
    assert sql.endswith('ORDER BY %s.%s ASC' % (qn('fieldsapp_answer'), qn('_order')))
    assert [a.text for a in other.answer_set.all()] == ['white']


def test_unique_together_is_enforced(fields_db):
    Seat.objects.create(row='A', number=1)
    Seat.objects.create(row='A', number=2)
    Seat.objects.create(row='B', number=1)
    with pytest.raises(DatabaseError):
        Seat.objects.create(row='A', number=1)


def test_one_to_one_reverse_assignment(fields_db):
    first, second = Venue.objects.create(name='Mill'), Venue.objects.create(name='Quay')
    cafe = Cafe.objects.create(venue=first)
    assert first.cafe == cafe
    second.cafe = cafe
    assert cafe.venue_id == second.pk and cafe.venue == second
    cafe.save()
    assert second.cafe.venue == second
    with pytest.raises(ValueError, match='must be a "Cafe" instance'):
        first.cafe = second


def test_subclass_has_its_own_table_fields_and_managers(fields_db):
    assert [f.name for f in CountedInventory._meta.fields] == ['id', 'label', 'venue', 'count']
    assert [f.name for f in CountedInventory._meta.many_to_many] == ['stamped']
    parent_field = Inventory._meta.get_field('label')
    assert CountedInventory._meta.get_field('label') is not parent_field
    assert parent_field.model is Inventory
    assert CountedInventory.objects.model is CountedInventory
    assert CountedInventory.by_label.model is CountedInventory
    assert CountedInventory._default_manager is CountedInventory.objects
    venue = Venue.objects.create(name='Mill')
    Inventory.objects.create(label='parent', venue=venue)
    child = CountedInventory.objects.create(label='child', venue=venue, count=3)
    child.stamped.add(Stamped.objects.create(label='s'))
    assert [i.label for i in Inventory.objects.all()] == ['parent']
    assert [i.label for i in CountedInventory.objects.all()] == ['child']
    assert CountedInventory._meta.get_field('stamped').m2m_db_table() == \
        'fieldsapp_countedinventory_stamped'
    assert [s.label for s in child.stamped.all()] == ['s']
    assert [i.label for i in venue.countedinventory_set.all()] == ['child']


def test_python3_class_protocols():
    assert WithDescriptor.value == 'lazy value'           # __set_name__ ran

    class Hooked(models.Model):
        name = models.CharField(maxlength=5)

        def save(self):
            self.name = self.name.upper()
            super().save()                                  # __classcell__ kept

        class Meta:
            app_label = 'fieldsapp_scratch'
    assert Hooked.__qualname__.endswith('<locals>.Hooked')
    assert Hooked.save.__qualname__.endswith('Hooked.save')
    assert Everything.__doc__.startswith('One field of each')
    assert Stamped.__doc__ == 'auto_now and auto_now_add.'
    assert Venue.__doc__ == 'Venue(id, name)'


def test_get_absolute_url_and_its_override(isolated_settings):
    class Page(models.Model):
        slug = models.SlugField()

        def get_absolute_url(self):
            "The page's own address."
            return '/pages/%s/' % self.slug

        class Meta:
            app_label = 'fieldsapp_scratch'

    class DraftPage(Page):
        class Meta:
            app_label = 'fieldsapp_scratch'
    page, draft = Page(slug='about'), DraftPage(slug='todo')
    assert page.get_absolute_url() == '/pages/about/' == Page.get_absolute_url(page)
    assert Page.get_absolute_url.__doc__ == "The page's own address."
    isolated_settings.ABSOLUTE_URL_OVERRIDES = {
        'fieldsapp_scratch.draftpage': lambda obj: '/drafts/%s/' % obj.slug}
    assert page.get_absolute_url() == '/pages/about/'
    assert draft.get_absolute_url() == '/drafts/todo/'
