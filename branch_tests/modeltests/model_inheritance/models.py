"""
XX. Subclassing a model

In 0.96 a model may subclass another concrete model: the child copies the
parent's fields (its own come after them), has its own table and its own
manager. Rows are not shared: a child's row is not a parent's row.
"""

from django_legacy.db import models


class Shop(models.Model):
    name = models.CharField(maxlength=50)
    street = models.CharField(maxlength=80)

    def __str__(self):
        return '%s the shop' % self.name


class Bakery(Shop):
    sells_bread = models.BooleanField()
    sells_cake = models.BooleanField()

    def __str__(self):
        return '%s the bakery' % self.name


class FrenchBakery(Bakery):
    sells_croissants = models.BooleanField()

    def __str__(self):
        return '%s the french bakery' % self.name


__test__ = {'API_TESTS': """
# The child has the parent's fields, then its own, in that order.
>>> [f.name for f in Bakery._meta.fields]
['id', 'name', 'street', 'sells_bread', 'sells_cake']
>>> [f.name for f in FrenchBakery._meta.fields]
['id', 'name', 'street', 'sells_bread', 'sells_cake', 'sells_croissants']

# Each model has its own table...
>>> Shop._meta.db_table, Bakery._meta.db_table, FrenchBakery._meta.db_table
('model_inheritance_shop', 'model_inheritance_bakery', 'model_inheritance_frenchbakery')

# ...and its own manager, of its own model.
>>> Bakery.objects is Shop.objects
False
>>> Bakery.objects.model is Bakery
True

>>> Shop(name='Corner Hardware', street='12 Mill Lane').save()
>>> Shop(name='Fresh Fish', street='3 Quay Street').save()

# The constructors take the inherited fields by keyword.
>>> b = Bakery(name='Crumbs', street='7 Oven Row', sells_bread=True, sells_cake=False)
>>> b.save()
>>> f = FrenchBakery(name='Chez Paul', street='1 Rue Haute', sells_bread=True,
...                  sells_cake=True, sells_croissants=True)
>>> f.save()

# Each manager sees only the rows of its own table.
>>> Shop.objects.order_by('name')
[<Shop: Corner Hardware the shop>, <Shop: Fresh Fish the shop>]
>>> Bakery.objects.all()
[<Bakery: Crumbs the bakery>]
>>> FrenchBakery.objects.filter(sells_croissants=True)
[<FrenchBakery: Chez Paul the french bakery>]
>>> FrenchBakery.objects.get(name='Chez Paul').street
'1 Rue Haute'
"""}
