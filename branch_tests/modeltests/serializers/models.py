"""
41. Serialization

``django_legacy.core.serializers`` turns model objects into text (or plain
Python data) and back. ``serialize(format, objects)`` writes; 
``deserialize(format, text)`` yields ``DeserializedObject`` instances, each
holding an unsaved object, which ``save()`` writes to the object's own
connection.
"""

from django_legacy.db import models


class Category(models.Model):
    name = models.CharField(maxlength=20)

    class Meta:
        ordering = ('name',)

    def __str__(self):
        return self.name


class Author(models.Model):
    name = models.CharField(maxlength=20)

    class Meta:
        ordering = ('name',)

    def __str__(self):
        return self.name


class Article(models.Model):
    author = models.ForeignKey(Author)
    headline = models.CharField(maxlength=50)
    pub_date = models.DateTimeField()
    categories = models.ManyToManyField(Category)

    class Meta:
        ordering = ('pub_date',)

    def __str__(self):
        return self.headline


class AuthorProfile(models.Model):
    author = models.OneToOneField(Author)
    date_of_birth = models.DateField()

    def __str__(self):
        return 'Profile of %s' % self.author


__test__ = {'API_TESTS': """
>>> from datetime import datetime, date
>>> weather = Category.objects.create(name='Weather')
>>> science = Category.objects.create(name='Science')
>>> letters = Category.objects.create(name='Letters')
>>> ada = Author.objects.create(name='Ada')
>>> ben = Author.objects.create(name='Ben')
>>> a1 = Article.objects.create(author=ben, headline='Fog rolls in over the bay',
...                             pub_date=datetime(2006, 3, 2, 9, 30))
>>> a2 = Article.objects.create(author=ada, headline='Why the sky is blue',
...                             pub_date=datetime(2006, 3, 2, 17, 0))
>>> a1.categories = [weather, letters]
>>> a2.categories = [science, letters]

# The xml format gives a well-formed document.
>>> from django_legacy.core import serializers
>>> text = serializers.serialize('xml', Article.objects.all())
>>> from xml.dom import minidom
>>> document = minidom.parseString(text)
>>> [node.getAttribute('model') for node in document.getElementsByTagName('object')
...  if node.hasAttribute('model')]
['serializers.article', 'serializers.article']

# Deserializing yields DeserializedObject instances, not model objects: the
# rows may have changed since the text was written.
>>> for obj in serializers.deserialize('xml', text):
...     print(obj)
<DeserializedObject: Fog rolls in over the bay>
<DeserializedObject: Why the sky is blue>

# Edit the text; deserializing alone changes nothing in the database...
>>> text = text.replace('Fog rolls in over the bay', 'Fog lifts by noon')
>>> objects = list(serializers.deserialize('xml', text))
>>> Article.objects.all()
[<Article: Fog rolls in over the bay>, <Article: Why the sky is blue>]

# ... until the object is saved.
>>> objects[0].save()
>>> Article.objects.all()
[<Article: Fog lifts by noon>, <Article: Why the sky is blue>]

# The relations came back with it.
>>> objects[0].object.author
<Author: Ben>
>>> objects[0].object.categories.all()
[<Category: Letters>, <Category: Weather>]

# The json format. The primary key is the object's "pk", written as text.
>>> serializers.serialize('json', Category.objects.filter(pk=2))
'[{"pk": "2", "model": "serializers.category", "fields": {"name": "Science"}}]'

# An object with a null "pk" is a new one: saving inserts it.
>>> newcomer = '[{"pk": null, "model": "serializers.author", "fields": {"name": "Cleo"}}]'
>>> for obj in serializers.deserialize('json', newcomer):
...     obj.save()
>>> Author.objects.all()
[<Author: Ada>, <Author: Ben>, <Author: Cleo>]

# Every format works the same way.
>>> text = serializers.serialize('json', Article.objects.all())
>>> for obj in serializers.deserialize('json', text):
...     print(obj)
<DeserializedObject: Fog lifts by noon>
<DeserializedObject: Why the sky is blue>
>>> text = text.replace('Fog lifts by noon', 'Fog is back')
>>> for obj in serializers.deserialize('json', text):
...     obj.save()
>>> Article.objects.all()
[<Article: Fog is back>, <Article: Why the sky is blue>]

# The python format is the same data as lists and dicts, values unconverted.
>>> data = serializers.serialize('python', Article.objects.filter(pk=2))
>>> data[0]['model'], data[0]['pk']
('serializers.article', '2')
>>> sorted(data[0]['fields'].items())
[('author', 1), ('categories', [3, 2]), ('headline', 'Why the sky is blue'), ('pub_date', datetime.datetime(2006, 3, 2, 17, 0))]
>>> [obj.object.headline for obj in serializers.deserialize('python', data)]
['Why the sky is blue']

# fields= writes only the fields named.
>>> serializers.serialize('json', Article.objects.filter(pk=2), fields=('headline',))
'[{"pk": "2", "model": "serializers.article", "fields": {"headline": "Why the sky is blue"}}]'

# A primary key of one's own, such as a OneToOneField, is not written among
# the fields: it is the "pk".
>>> AuthorProfile.objects.create(author=ada, date_of_birth=date(1815, 12, 10)).author
<Author: Ada>
>>> text = serializers.serialize('json', AuthorProfile.objects.all())
>>> text
'[{"pk": "1", "model": "serializers.authorprofile", "fields": {"date_of_birth": "1815-12-10"}}]'
>>> for obj in serializers.deserialize('json', text):
...     print(obj)
<DeserializedObject: Profile of Ada>

# An object may name keys of objects that come later in the text; saved
# inside one transaction, the references are complete by the time it ends.
>>> text = ('[{"pk": "3", "model": "serializers.article", "fields": {"headline": "Comets, '
...         'explained", "pub_date": "2006-03-04 08:15:00", "categories": [4, 2], "author": 4}}, '
...         '{"pk": "4", "model": "serializers.category", "fields": {"name": "Astronomy"}}, '
...         '{"pk": "4", "model": "serializers.author", "fields": {"name": "Dora"}}]')
>>> from django_legacy.db import transaction
>>> transaction.enter_transaction_management()
>>> transaction.managed(True)
>>> for obj in serializers.deserialize('json', text):
...     obj.save()
>>> transaction.commit()
>>> transaction.leave_transaction_management()
>>> comets = Article.objects.get(pk=3)
>>> comets, comets.author, comets.pub_date
(<Article: Comets, explained>, <Author: Dora>, datetime.datetime(2006, 3, 4, 8, 15))
>>> comets.categories.all()
[<Category: Astronomy>, <Category: Science>]

# What cannot be read is a DeserializationError naming what is wrong.
>>> list(serializers.deserialize('json', '[{"pk": "1", "model": "serializers.poem", "fields": {}}]'))
Traceback (most recent call last):
...
DeserializationError: Invalid model identifier: 'serializers.poem'
>>> list(serializers.deserialize('json', '[{"pk": "1", "model": "serializers.author", "fields": {"age": 3}}]'))
Traceback (most recent call last):
...
DeserializationError: serializers.author has no field named 'age'
>>> serializers.serialize('csv', Author.objects.all())
Traceback (most recent call last):
...
SerializationError: Unknown serialization format 'csv'; choose from: json, python, xml
"""}
