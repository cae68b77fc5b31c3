"""
25. Lookups across a relation, from its far side

A lookup can cross a foreign key backwards: from the model pointed at, by
the lower-cased name of the model that points. A ``related_name`` on the
foreign key replaces that name: the model's name then finds nothing.
"""

from django_legacy.db import models


class Teacher(models.Model):
    name = models.CharField(maxlength=200)

    def __str__(self):
        return self.name


class Quiz(models.Model):
    topic = models.CharField(maxlength=200)
    setter = models.ForeignKey(Teacher)

    def __str__(self):
        return self.topic


class Answer(models.Model):
    text = models.CharField(maxlength=100)
    quiz = models.ForeignKey(Quiz, related_name='quiz_answers')
    see_also = models.ForeignKey(Quiz, related_name='cross_references')

    def __str__(self):
        return self.text


__test__ = {'API_TESTS': """
>>> ruth = Teacher(name='Ruth Lane')
>>> ruth.save()
>>> omar = Teacher(name='Omar Diaz')
>>> omar.save()
>>> rivers = Quiz(topic='Rivers of Europe', setter=ruth)
>>> rivers.save()
>>> capitals = Quiz(topic='Capital cities', setter=omar)
>>> capitals.save()
>>> Answer(quiz=rivers, see_also=capitals, text='The Danube').save()

# Backwards by the model's name.
>>> Teacher.objects.get(quiz__topic__exact='Rivers of Europe')
<Teacher: Ruth Lane>
>>> Teacher.objects.get(quiz__topic__exact='Capital cities')
<Teacher: Omar Diaz>

# Backwards by the related_name of each foreign key.
>>> Quiz.objects.get(quiz_answers__text__exact='The Danube')
<Quiz: Rivers of Europe>
>>> Quiz.objects.get(cross_references__text__exact='The Danube')
<Quiz: Capital cities>

# Where a related_name is set, the model's name is no lookup keyword.
>>> Quiz.objects.get(answer__text__exact='The Danube')
Traceback (most recent call last):
    ...
TypeError: Cannot resolve keyword 'answer' into field

# Nor is the column of a foreign key: lookups name the field.
>>> Answer.objects.filter(quiz_id=rivers.id)
Traceback (most recent call last):
    ...
TypeError: Cannot resolve keyword 'quiz_id' into field
>>> Answer.objects.filter(quiz=rivers.id)
[<Answer: The Danube>]
"""}
