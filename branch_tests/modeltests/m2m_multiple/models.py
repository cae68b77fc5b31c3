"""
20. Two many-to-many relations between the same two models

A ``Story`` has main topics and side topics, both of them ``Topic``s. Each
relation names its reverse side with ``related_name``.
"""

from django_legacy.db import models


class Topic(models.Model):
    name = models.CharField(maxlength=20)

    class Meta:
        ordering = ('name',)

    def __str__(self):
        return self.name


class Story(models.Model):
    title = models.CharField(maxlength=50)
    published = models.DateTimeField()
    main_topics = models.ManyToManyField(Topic, related_name='main_story_set')
    side_topics = models.ManyToManyField(Topic, related_name='side_story_set')

    class Meta:
        ordering = ('published',)

    def __str__(self):
        return self.title


__test__ = {'API_TESTS': """
>>> from datetime import datetime
>>> weather = Topic(name='Weather')
>>> weather.save()
>>> farming = Topic(name='Farming')
>>> farming.save()
>>> traffic = Topic(name='Traffic')
>>> traffic.save()
>>> schools = Topic(name='Schools')
>>> schools.save()

>>> s1 = Story(title='Hail flattens wheat', published=datetime(2006, 6, 1, 8, 0))
>>> s1.save()
>>> s1.main_topics.add(weather, farming)
>>> s1.side_topics.add(schools)
>>> s2 = Story(title='Snow shuts bypass', published=datetime(2006, 6, 2, 8, 0))
>>> s2.save()
>>> s2.main_topics.add(weather, traffic)
>>> s2.side_topics.add(schools)

# Forwards, each relation keeps its own topics.
>>> s1.main_topics.all()
[<Topic: Farming>, <Topic: Weather>]
>>> s2.main_topics.all()
[<Topic: Traffic>, <Topic: Weather>]
>>> s1.side_topics.all()
[<Topic: Schools>]

# Backwards, each related_name reaches only its own relation.
>>> weather.main_story_set.all()
[<Story: Hail flattens wheat>, <Story: Snow shuts bypass>]
>>> weather.side_story_set.all()
[]
>>> farming.main_story_set.all()
[<Story: Hail flattens wheat>]
>>> farming.side_story_set.all()
[]
>>> traffic.main_story_set.all()
[<Story: Snow shuts bypass>]
>>> traffic.side_story_set.all()
[]
>>> schools.main_story_set.all()
[]
>>> schools.side_story_set.all()
[<Story: Hail flattens wheat>, <Story: Snow shuts bypass>]
"""}
