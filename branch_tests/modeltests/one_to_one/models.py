"""
10. One-to-one relations

``OneToOneField`` links an object to at most one object of another model and
makes that link its primary key. Here a ``Building`` may house a
``Library``; each library has ``Librarian``s.
"""

from django_legacy.db import models


class Building(models.Model):
    name = models.CharField(maxlength=50)
    street = models.CharField(maxlength=80)

    def __str__(self):
        return 'the %s building' % self.name


class Library(models.Model):
    building = models.OneToOneField(Building)
    opens_sundays = models.BooleanField()
    has_cafe = models.BooleanField()

    def __str__(self):
        return 'the library in %s' % self.building.name


class Librarian(models.Model):
    library = models.ForeignKey(Library)
    name = models.CharField(maxlength=50)

    def __str__(self):
        return '%s of %s' % (self.name, self.library)


class Badge(models.Model):
    code = models.CharField(maxlength=10, primary_key=True)
    holder = models.CharField(maxlength=50)


class Locker(models.Model):
    badge = models.OneToOneField(Badge)
    label = models.CharField(maxlength=50)


__test__ = {'API_TESTS': """
>>> corn = Building(name='Corn Exchange', street='1 Market Square')
>>> corn.save()
>>> mill = Building(name='Old Mill', street='7 Weir Lane')
>>> mill.save()

# The library's primary key is its building's.
>>> lib = Library(building=corn, opens_sundays=True, has_cafe=False)
>>> lib.save()
>>> lib.pk == corn.pk
True

# Each side reaches the other.
>>> lib.building
<Building: the Corn Exchange building>
>>> corn.library
<Library: the library in Corn Exchange>

# A building without a library has none to give.
>>> mill.library
Traceback (most recent call last):
    ...
DoesNotExist: Library matching query does not exist.

# Pointing the library at the other building changes its primary key, so
# saving it makes a second library.
>>> lib.building = mill
>>> lib.save()
>>> mill.library
<Library: the library in Old Mill>
>>> lib.building
<Building: the Old Mill building>

# Assigning from the building's side points the library back at it.
>>> corn.library = lib
>>> lib.save()
>>> corn.library
<Library: the library in Corn Exchange>
>>> lib = Library.objects.get(pk=1)
>>> lib.building
<Building: the Corn Exchange building>

# There are two libraries now, one in each building.
>>> Library.objects.order_by('building')
[<Library: the library in Corn Exchange>, <Library: the library in Old Mill>]
>>> Building.objects.order_by('name')
[<Building: the Corn Exchange building>, <Building: the Old Mill building>]

# Every way of naming the building finds the library...
>>> Library.objects.get(building__id__exact=1)
<Library: the library in Corn Exchange>
>>> Library.objects.get(pk=1)
<Library: the library in Corn Exchange>
>>> Library.objects.get(building__exact=1)
<Library: the library in Corn Exchange>
>>> Library.objects.get(building__exact=corn)
<Library: the library in Corn Exchange>
>>> Library.objects.get(building=1)
<Library: the library in Corn Exchange>
>>> Library.objects.get(building=corn)
<Library: the library in Corn Exchange>
>>> Library.objects.get(building__pk=1)
<Library: the library in Corn Exchange>
>>> Library.objects.get(building__name__startswith='Corn')
<Library: the library in Corn Exchange>

# ... and every way of naming the library finds the building.
>>> Building.objects.get(id__exact=1)
<Building: the Corn Exchange building>
>>> Building.objects.get(pk=1)
<Building: the Corn Exchange building>
>>> Building.objects.get(library__building__exact=1)
<Building: the Corn Exchange building>
>>> Building.objects.get(library__building__exact=corn)
<Building: the Corn Exchange building>
>>> Building.objects.get(library__pk=1)
<Building: the Corn Exchange building>
>>> Building.objects.get(library=1)
<Building: the Corn Exchange building>
>>> Building.objects.get(library=lib)
<Building: the Corn Exchange building>
>>> Building.objects.get(library__exact=1)
<Building: the Corn Exchange building>
>>> Building.objects.get(library__exact=lib)
<Building: the Corn Exchange building>

# A librarian, made through the library.
>>> ida = lib.librarian_set.create(name='Ida')
>>> ida
<Librarian: Ida of the library in Corn Exchange>

# Lookups from the librarian through the library to its building.
>>> Librarian.objects.filter(library__building__pk=1)
[<Librarian: Ida of the library in Corn Exchange>]
>>> Librarian.objects.filter(library__building__exact=1)
[<Librarian: Ida of the library in Corn Exchange>]
>>> Librarian.objects.filter(library__building__exact=corn)
[<Librarian: Ida of the library in Corn Exchange>]
>>> Librarian.objects.filter(library__pk=1)
[<Librarian: Ida of the library in Corn Exchange>]
>>> Librarian.objects.filter(id__exact=1)
[<Librarian: Ida of the library in Corn Exchange>]
>>> Librarian.objects.filter(pk=1)
[<Librarian: Ida of the library in Corn Exchange>]
>>> Librarian.objects.filter(library=1)
[<Librarian: Ida of the library in Corn Exchange>]
>>> Librarian.objects.filter(library=lib)
[<Librarian: Ida of the library in Corn Exchange>]

# Deleting the library deletes its librarians.
>>> Library.objects.get(pk=1).delete()
>>> Librarian.objects.count()
0

# A one-to-one link to a model whose primary key is not an AutoField.
>>> badge = Badge(code='B-0042', holder='Ida')
>>> badge.save()
>>> locker = Locker(badge=badge, label='Staff room, left')
>>> locker.save()
>>> Locker.objects.get(pk='B-0042').label
'Staff room, left'
>>> badge.locker.label
'Staff room, left'
"""}
