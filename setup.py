"""Packaging for django_legacy."""

import pathlib

from setuptools import find_packages, setup

# A modern Django for the comparison: 4.2 LTS or 5.2 LTS before Python 3.12,
# up to 6.x from 3.12 on (6.0 needs 3.12).
MODERN_DJANGO = ['Django>=4.2,<6; python_version < "3.12"',
                 'Django>=4.2,<7; python_version >= "3.12"']

setup(
    name='django_legacy',
    version='0.1.0',
    description="A working Python 3 rebuild of Django's 2006-2007 multiple-db-support branch",
    long_description=pathlib.Path(__file__).with_name('README.rst').read_text(encoding='utf-8'),
    long_description_content_type='text/x-rst',
    license='BSD-3-Clause',
    python_requires='>=3.9,<3.14',
    packages=find_packages(include=['django_legacy', 'django_legacy.*']),
    install_requires=[],
    extras_require={
        'postgresql': ['psycopg[binary]>=3.2'],
        # mysqlclient (MySQLdb) builds against libmariadb-dev with pkg-config;
        # PyMySQL, pure Python, is what the backend uses when MySQLdb is missing.
        'mysql': ['mysqlclient>=2.1', 'PyMySQL>=1.0'],
        'pymysql': ['PyMySQL>=1.0'],
        # Pillow reads an ImageField's width and height (nothing else needs it).
        'images': ['Pillow>=9'],
        'test': ['pytest>=7', 'pytest-cov>=4', 'coverage>=7', 'tox>=4', 'hypothesis>=6',
                 'ruff>=0.4', 'Pillow>=9'] + MODERN_DJANGO,
        'compare': MODERN_DJANGO,
        # fissix (lib2to3's maintained fork) translates an original Python 2
        # test tree for runtests.py --original.
        'original': ['fissix>=21.6'],
        'bench': ['SQLAlchemy>=2', 'peewee>=3'] + MODERN_DJANGO,
    },
    entry_points={
        'console_scripts': ['django-legacy-admin = django_legacy.core.management:execute_from_command_line'],
    },
    classifiers=[
        'Programming Language :: Python :: 3',
        'Programming Language :: Python :: 3.9',
        'Programming Language :: Python :: 3.10',
        'Programming Language :: Python :: 3.11',
        'Programming Language :: Python :: 3.12',
        'Programming Language :: Python :: 3.13',
        'Topic :: Database',
    ],
)
