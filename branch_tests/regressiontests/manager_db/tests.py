"""Every manager reaches its model's connection through ``db``."""

import unittest

from django_legacy.db import connections, model_connection_name
from regressiontests.manager_db.models import Insect


class TestManagerDBAccess(unittest.TestCase):

    def test_db_property(self):
        db = Insect.objects.db
        self.assertTrue(db)
        self.assertTrue(db.connection)
        self.assertTrue(callable(db.connection.cursor))
        self.assertTrue(db.backend)
        self.assertTrue(callable(db.backend.quote_name))
        self.assertTrue(callable(db.get_creation_module))
        self.assertIs(db, connections[model_connection_name(Insect)])

    def test_db_is_cached_per_manager(self):
        self.assertIs(Insect.objects.db, Insect.objects.db)

    def test_db_on_class_is_an_error(self):
        from django_legacy.db.models import Manager
        with self.assertRaises(AttributeError) as raised:
            Manager.db
        self.assertEqual(str(raised.exception),
                         'ConnectionInfo is accessible only through an instance')

    def test_db_can_be_assigned_and_deleted(self):
        # The branch's setter referred to an undefined name; here it works.
        other = connections['_a']
        try:
            Insect.objects.db = other
            self.assertIs(Insect.objects.db, other)
        finally:
            del Insect.objects.db
        self.assertIs(Insect.objects.db, connections[model_connection_name(Insect)])


if __name__ == '__main__':
    unittest.main()
