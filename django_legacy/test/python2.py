"""Python 2 test code on Python 3 (new: not in 2007).

What ``runtests.py --original`` needs to load a 2007 test app unchanged:

- ``translate(source, path)``: the module's code and the source lines of
  its doctests (``>>>`` and ``...``), translated with fissix (the
  maintained fork of lib2to3); expected output is left as written.
- ``Python2Importer``: an import hook that loads the apps of a test tree
  through ``translate``, makes ``django`` and ``django.x`` the very module
  objects of ``django_legacy`` and ``django_legacy.x``, and gives the one
  Python 2 module fissix cannot rename (``sets``).
- ``Python2OutputChecker``: doctest output as Python 2 printed it (see
  docs/original_tests.txt for each normalisation and why it is safe).
"""

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import re
import sys
import types

from django_legacy.test.simple import OutputChecker as _BranchOutputChecker

FISSIX_MISSING = ("--original needs fissix to translate Python 2 code: "
                  "pip install -e '.[original]' (or: pip install fissix)")


class TranslationUnavailable(Exception):
    "fissix is not installed."


class Translator:
    """fissix with every fixer of its standard set; built once per run,
    since collecting the fixers costs more than translating an app."""

    def __init__(self):
        if importlib.util.find_spec('fissix') is None:
            raise TranslationUnavailable(FISSIX_MISSING)
        from fissix import refactor
        names = refactor.get_fixers_from_package('fissix.fixes')
        self.tool = refactor.RefactoringTool(names)

    def translate(self, source, path='<original>'):
        """Returns ``source`` (Python 2 text) as Python 3 text: first its
        code, then every doctest source line, wherever it stands."""
        if not source.endswith('\n'):
            source += '\n'
        code = str(self.tool.refactor_string(source, path))
        return self.tool.refactor_docstring(code, path)


class _TranslatingLoader(importlib.machinery.SourceFileLoader):
    "Loads a Python 2 source file through the Translator, never from bytecode."

    def __init__(self, fullname, path, translator):
        super().__init__(fullname, path)
        self.translator = translator

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        source = importlib.util.decode_source(self.get_data(path))
        return compile(self.translator.translate(source, path), path, 'exec', dont_inherit=True)


class _ExistingModule(importlib.abc.Loader):
    "Hands out a module that exists already (``django.x`` is ``django_legacy.x``)."

    def __init__(self, module):
        self.module = module

    def create_module(self, spec):
        return self.module

    def exec_module(self, module):
        pass


def _sets_module():
    "Python 2's ``sets`` module, gone in Python 3: Set is set, ImmutableSet frozenset."
    module = types.ModuleType('sets', 'Python 2 sets, as the builtin set types.')
    module.Set, module.ImmutableSet = set, frozenset
    return module


class Python2Importer(importlib.abc.MetaPathFinder):
    """The import hook of one run; ``install()`` and ``uninstall()`` put it
    on ``sys.meta_path`` and take it (and every module it made) off again.

    ``packages`` are the top-level names of the test tree (``modeltests``,
    ``regressiontests``), found on ``path`` and translated as loaded.
    """

    def __init__(self, packages, path, translator):
        self.packages = tuple(packages)
        self.path = [path]
        self.translator = translator

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.split('.')[0]
        if top == 'django':
            return self._django_spec(fullname)
        if fullname == 'sets':
            return importlib.util.spec_from_loader('sets', _ExistingModule(_sets_module()))
        if top not in self.packages:
            return None
        spec = importlib.machinery.PathFinder.find_spec(
            fullname, self.path if path is None else path)
        if spec is None or not spec.origin or not spec.origin.endswith('.py'):
            return spec
        spec.loader = _TranslatingLoader(fullname, spec.origin, self.translator)
        return spec

    def _django_spec(self, fullname):
        """``django.x`` as ``django_legacy.x``; raises ModuleNotFoundError
        naming both when django_legacy has no such module."""
        legacy = 'django_legacy' + fullname[len('django'):]
        try:
            module = importlib.import_module(legacy)
        except ModuleNotFoundError as e:
            if e.name is None or not legacy.startswith(e.name):
                raise
            raise ModuleNotFoundError(
                'No module named %r: django_legacy has no %s (the 2007 tests import it)'
                % (fullname, legacy), name=fullname) from None
        spec = importlib.util.spec_from_loader(fullname, _ExistingModule(module),
                                               is_package=hasattr(module, '__path__'))
        return spec

    def _own(self, name):
        return name.split('.')[0] in self.packages + ('django', 'sets')

    def install(self):
        """Puts the hook first on sys.meta_path; modules of the same names
        imported before (a modern Django, say) are set aside until uninstall()."""
        self.set_aside = {name: sys.modules.pop(name) for name in list(sys.modules)
                          if self._own(name)}
        sys.meta_path.insert(0, self)

    def uninstall(self):
        """Removes the hook and the modules it loaded or aliased from this
        process, and puts back what install() set aside."""
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        for name in list(sys.modules):
            if self._own(name):
                del sys.modules[name]
        sys.modules.update(getattr(self, 'set_aside', {}))


# Python 2's printed forms, each turned into Python 3's (see docs/original_tests.txt).
_LONG = re.compile(r'(?<![\w.])(\d+)L\b')
_UNICODE = re.compile(r'''(?<![\w'"])u(?=['"])''')
_SET = re.compile(r'\b(?:Set|set)\(\[([^\[\]]*)\]\)')
_QUALIFIED_ERROR = re.compile(r'^(?:[A-Za-z_]\w*\.)+([A-Za-z_]\w*(?::|$))', re.M)
_PACKAGE = re.compile(r'\bdjango_legacy\.')
_BRACES = re.compile(r'\{([^{}]*)\}')


def python3_form(want):
    "Returns expected output with Python 2's longs, u'' and Set([...]) written as Python 3 prints them."
    text = _LONG.sub(r'\1', want)
    text = _UNICODE.sub('', text)
    return _SET.sub(lambda m: '{%s}' % m.group(1) if m.group(1).strip() else 'set()', text)


def python2_names(got):
    """Returns output with an exception's name unqualified and django_legacy's
    modules named django, as the 2007 run printed them."""
    return _PACKAGE.sub('django.', _QUALIFIED_ERROR.sub(r'\1', got))


def _split_items(body):
    "Splits a printed dict's or set's body at its top-level commas."
    items, depth, start = [], 0, 0
    for i, char in enumerate(body):
        if char in '([{':
            depth += 1
        elif char in ')]}':
            depth -= 1
        elif char == ',' and depth == 0:
            items.append(body[start:i].strip())
            start = i + 1
    items.append(body[start:].strip())
    return items


def sorted_items(text):
    "Returns ``text`` with the items inside each innermost {...} sorted."
    return _BRACES.sub(lambda m: '{%s}' % ', '.join(sorted(_split_items(m.group(1)))), text)


class Python2OutputChecker(_BranchOutputChecker):
    """Compares a 2007 example's output with ELLIPSIS, accepting Python 2's
    artefacts only: ``1L`` for ``1``, ``u'x'`` for ``'x'``, ``Set([..])``
    and ``set([..])`` for ``{..}``, an exception's name without the module
    path Python 3 adds, ``django.`` where django_legacy's modules print
    ``django_legacy.``, and another order of the items in a dict or set.
    Backtick-quoted SQL matches ANSI-quoted SQL, as in the branch's checker."""

    def check_output(self, want, got, optionflags):
        if super().check_output(want, got, optionflags):
            return True
        want3, got2 = python3_form(want), python2_names(got)
        if super().check_output(want3, got2, optionflags):
            return True
        return super().check_output(sorted_items(want3), sorted_items(got2), optionflags)
