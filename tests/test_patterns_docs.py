"""docs/patterns.txt runs, on the primary, replica and PgBouncer of
.ci/pgcluster (tests/test_docs.py runs the other documents anywhere)."""

import importlib.util

import pytest

from tests.cluster import servers
from tests.test_docs import SERVER_DOCUMENTS, run_examples


@pytest.mark.skipif(importlib.util.find_spec('django') is None,
                    reason="modern Django is not installed (pip install 'django_legacy[compare]')")
@pytest.mark.parametrize('document', SERVER_DOCUMENTS)
def test_examples_run_on_the_servers(document, tmp_path):
    servers()
    result = run_examples(document, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.split('examples: ')[1]) > 40
