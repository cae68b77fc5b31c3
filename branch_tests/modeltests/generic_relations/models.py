"""
34. Generic relations

A generic foreign key points at an object of any model: it is a foreign
key to ``ContentType`` (which model) and an object id (which row), read
together as one object. ``GenericRelation`` is the other end, a manager of
the objects that point at an instance.

The example is labels stuck on things of every kind: creatures, crops and
rocks.
"""

from django_legacy.contrib.contenttypes import generic
from django_legacy.contrib.contenttypes.models import ContentType
from django_legacy.db import models


class Label(models.Model):
    "A label stuck on something."
    text = models.SlugField()
    content_type = models.ForeignKey(ContentType)
    object_id = models.PositiveIntegerField()

    content_object = generic.GenericForeignKey()

    class Meta:
        ordering = ['text']

    def __str__(self):
        return self.text


class Creature(models.Model):
    common_name = models.CharField(maxlength=150)
    latin_name = models.CharField(maxlength=150)

    labels = generic.GenericRelation(Label)

    def __str__(self):
        return self.common_name


class Crop(models.Model):
    name = models.CharField(maxlength=150)
    is_bitter = models.BooleanField(default=True)

    labels = generic.GenericRelation(Label)

    def __str__(self):
        return self.name


class Rock(models.Model):
    name = models.CharField(maxlength=150)
    hardness = models.PositiveIntegerField()

    # No GenericRelation here: labels can still point at rocks.

    def __str__(self):
        return self.name


__test__ = {'API_TESTS': """
>>> otter = Creature(common_name='Otter', latin_name='Lutra lutra')
>>> axolotl = Creature(common_name='Axolotl', latin_name='Ambystoma mexicanum')
>>> kale = Crop(name='Kale', is_bitter=True)
>>> pumpkin = Crop(name='Pumpkin', is_bitter=False)
>>> granite = Rock(name='Granite', hardness=6)
>>> for thing in (otter, axolotl, kale, pumpkin, granite):
...     thing.save()

# A model with a GenericRelation labels its objects directly, the way a
# many-to-many relation adds objects.
>>> pumpkin.labels.create(text='orange')
<Label: orange>
>>> pumpkin.labels.create(text='round')
<Label: round>
>>> otter.labels.create(text='whiskered')
<Label: whiskered>
>>> otter.labels.create(text='aquatic')
<Label: aquatic>
>>> otter.labels.all()
[<Label: aquatic>, <Label: whiskered>]
>>> pumpkin.labels.all()
[<Label: orange>, <Label: round>]

# The generic foreign key reads like a foreign key.
>>> Label.objects.get(text='round').content_object
<Crop: Pumpkin>

# Rock has no GenericRelation, but a Label can be made for a rock by
# passing the object itself.
>>> speckled = Label(content_object=granite, text='speckled')
>>> grey = Label(content_object=granite, text='grey')
>>> speckled.save()
>>> grey.save()

# Without the relation, finding a rock's labels means naming the content
# type and the id.
>>> rock_type = ContentType.objects.get_for_model(granite)
>>> rock_type
<ContentType: rock>
>>> Label.objects.filter(content_type__pk=rock_type.id, object_id=granite.id)
[<Label: grey>, <Label: speckled>]

# Assigning the generic foreign key moves the label.
>>> speckled.content_object = axolotl
>>> speckled.save()
>>> axolotl.labels.all()
[<Label: speckled>]
>>> Label.objects.filter(content_type__pk=rock_type.id, object_id=granite.id)
[<Label: grey>]

# The content type of each label, and the id it points at.
>>> [(l.text, l.content_type, l.object_id) for l in Label.objects.all()]
[('aquatic', <ContentType: creature>, 1), ('grey', <ContentType: rock>, 1), ('orange', <ContentType: crop>, 2), ('round', <ContentType: crop>, 2), ('speckled', <ContentType: creature>, 2), ('whiskered', <ContentType: creature>, 1)]

# Deleting an object with a GenericRelation deletes its labels, and only
# its own: the rock with the same id keeps its label.
>>> otter.delete()
>>> [(l.text, l.content_type, l.object_id) for l in Label.objects.all()]
[('grey', <ContentType: rock>, 1), ('orange', <ContentType: crop>, 2), ('round', <ContentType: crop>, 2), ('speckled', <ContentType: creature>, 2)]

# Without a GenericRelation, the labels stay behind.
>>> granite.delete()
>>> [(l.text, l.content_type, l.object_id) for l in Label.objects.all()]
[('grey', <ContentType: rock>, 1), ('orange', <ContentType: crop>, 2), ('round', <ContentType: crop>, 2), ('speckled', <ContentType: creature>, 2)]

# ... pointing at nothing.
>>> print(Label.objects.get(text='grey').content_object)
None

# Deleting a label leaves the labelled object alone.
>>> Label.objects.get(text='orange').delete()
>>> pumpkin.labels.all()
[<Label: round>]
>>> Crop.objects.get(name='Pumpkin')
<Crop: Pumpkin>

# A content type knows its model, and fetches objects of it.
>>> crop_type = ContentType.objects.get_for_model(Crop)
>>> crop_type.model_class() is Crop, crop_type.app_label, crop_type.model
(True, 'generic_relations', 'crop')
>>> crop_type.get_object_for_this_type(name='Kale')
<Crop: Kale>

# get_for_model reads each type once and keeps it: asking again gives the
# same object.
>>> ContentType.objects.get_for_model(Crop) is crop_type
True
"""}
