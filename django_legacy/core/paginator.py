"""Splitting a QuerySet or a list into pages (rebuilds django/core/paginator.py of 0.96).

Pages are numbered from 0, as in 0.96. A QuerySet is counted with one
COUNT query on its model's connection and each page is one sliced query;
a list is counted with len().
"""


class InvalidPage(Exception):
    "A page number that is not a number, or is outside 0 .. pages - 1."


class ObjectPaginator:
    """Pages of ``query_set`` (a QuerySet or a list), ``num_per_page`` each.

    ``orphans``: a last page of that many objects or fewer is joined to the
    page before it. ``hits`` (the number of objects) and ``pages`` are
    counted once, when first read.
    """

    def __init__(self, query_set, num_per_page, orphans=0):
        self.query_set = query_set
        self.num_per_page = num_per_page
        self.orphans = orphans
        self._hits = None
        self._pages = None

    def validate_page_number(self, page_number):
        "Returns ``page_number`` as an int; raises InvalidPage if there is no such page."
        try:
            number = int(page_number)
        except (TypeError, ValueError):
            raise InvalidPage('%r is not a page number' % (page_number,))
        if not 0 <= number < self.pages:
            raise InvalidPage('page %d does not exist; pages are 0 to %d'
                              % (number, self.pages - 1))
        return number

    def get_page(self, page_number):
        "Returns the objects of one page (a sliced QuerySet, or a list)."
        number = self.validate_page_number(page_number)
        bottom = number * self.num_per_page
        top = bottom + self.num_per_page
        if top + self.orphans >= self.hits:
            top = self.hits
        return self.query_set[bottom:top]

    def has_next_page(self, page_number):
        return page_number < self.pages - 1

    def has_previous_page(self, page_number):
        return page_number > 0

    def first_on_page(self, page_number):
        "Returns the 1-based position, among all hits, of the page's first object."
        return self.validate_page_number(page_number) * self.num_per_page + 1

    def last_on_page(self, page_number):
        "Returns the 1-based position, among all hits, of the page's last object."
        number = self.validate_page_number(page_number) + 1
        if number == self.pages:
            return self.hits
        return number * self.num_per_page

    @property
    def hits(self):
        if self._hits is None:
            count = getattr(self.query_set, 'count', None)
            # A list's count() takes an argument: a list is measured with len().
            self._hits = len(self.query_set) if isinstance(self.query_set, (list, tuple)) \
                or count is None else int(count())
        return self._hits

    @property
    def pages(self):
        if self._pages is None:
            beyond_first = max(self.hits - 1 - self.orphans, 0)
            self._pages = beyond_first // self.num_per_page + 1
        return self._pages
