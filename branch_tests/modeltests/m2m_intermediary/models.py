"""
9. A many-to-many relation through a model of its own

When the link between two models carries data of its own, make the link a
model with a foreign key to each side. Here a ``Paper`` has several
``Author``s, and each ``Credit`` (one author on one paper) records the
author's ``role`` on that paper.
"""

from django_legacy.db import models


class Author(models.Model):
    first_name = models.CharField(maxlength=30)
    last_name = models.CharField(maxlength=30)

    def __str__(self):
        return '%s %s' % (self.first_name, self.last_name)


class Paper(models.Model):
    title = models.CharField(maxlength=100)
    published = models.DateField()

    def __str__(self):
        return self.title


class Credit(models.Model):
    author = models.ForeignKey(Author)
    paper = models.ForeignKey(Paper)
    role = models.CharField(maxlength=100)

    def __str__(self):
        return '%s (%s)' % (self.author, self.role)


__test__ = {'API_TESTS': """
>>> from datetime import date
>>> grace = Author(first_name='Grace', last_name='Hopper')
>>> grace.save()
>>> alan = Author(first_name='Alan', last_name='Turing')
>>> alan.save()
>>> paper = Paper(title='On compiling', published=date(1952, 5, 1))
>>> paper.save()

# Each credit links one author to the paper, with a role.
>>> c1 = Credit(author=grace, paper=paper, role='Lead author')
>>> c1.save()
>>> c2 = Credit(author=alan, paper=paper, role='Editor')
>>> c2.save()

# The paper's credits, their authors fetched in the same query.
>>> paper.credit_set.select_related().order_by('-role')
[<Credit: Grace Hopper (Lead author)>, <Credit: Alan Turing (Editor)>]

# Each credit reaches both sides...
>>> c1.author, c2.author
(<Author: Grace Hopper>, <Author: Alan Turing>)
>>> c1.paper, c2.paper
(<Paper: On compiling>, <Paper: On compiling>)

# ... and each author reaches the credits.
>>> grace.credit_set.all()
[<Credit: Grace Hopper (Lead author)>]
>>> Paper.objects.filter(credit__role='Editor')
[<Paper: On compiling>]
"""}
