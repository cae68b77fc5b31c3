"""The historical suite of branch_tests/, app by app, inside pytest."""

import io
import unittest

import pytest

import runtests


@pytest.mark.parametrize('label', list(runtests.discover_apps()))
def test_branch_app(label):
    suite = runtests.app_suite(runtests.discover_apps()[label])
    assert suite.countTestCases() > 0, 'app %s has no tests' % label
    output = io.StringIO()
    result = unittest.TextTestRunner(stream=output, verbosity=0).run(suite)
    assert result.wasSuccessful(), output.getvalue()
