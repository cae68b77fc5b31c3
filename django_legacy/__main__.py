"""``python -m django_legacy <action> ...``: the management actions."""

import sys

from django_legacy.core.management import main

if __name__ == '__main__':
    sys.exit(main(prog='python -m django_legacy'))
