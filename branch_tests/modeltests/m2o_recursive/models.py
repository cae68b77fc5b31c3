"""
11. A foreign key from a model to itself

``ForeignKey('self')`` relates a model to itself. Here each ``Folder`` may
sit in a parent ``Folder``; the top one has none. ``related_name`` names the
reverse side (``subfolders``).
"""

from django_legacy.db import models


class Folder(models.Model):
    name = models.CharField(maxlength=20)
    parent = models.ForeignKey('self', null=True, related_name='subfolders')

    def __str__(self):
        return self.name


__test__ = {'API_TESTS': """
>>> top = Folder(id=None, name='Home', parent=None)
>>> top.save()
>>> docs = Folder(id=None, name='Documents', parent=top)
>>> docs.save()

>>> top.subfolders.all()
[<Folder: Documents>]
>>> top.subfolders.get(name__startswith='Doc')
<Folder: Documents>
>>> print(top.parent)
None

>>> docs.subfolders.all()
[]
>>> docs.parent
<Folder: Home>
>>> Folder.objects.filter(parent__name='Home')
[<Folder: Documents>]
>>> Folder.objects.filter(subfolders__name='Documents')
[<Folder: Home>]
"""}
