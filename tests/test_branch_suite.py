"""The historical suite of branch_tests/, app by app, inside pytest."""

import io
import unittest

import pytest

import runtests
from django_legacy.db.models import loading
from django_legacy.test.simple import build_suite


@pytest.mark.parametrize('label', list(runtests.discover_apps()))
def test_branch_app(label):
    module = loading.load_app(runtests.discover_apps()[label])
    suite = build_suite(module)
    assert suite.countTestCases() > 0, 'app %s has no tests' % label
    output = io.StringIO()
    result = unittest.TextTestRunner(stream=output, verbosity=0).run(suite)
    assert result.wasSuccessful(), output.getvalue()
