"""The validation error and the field validators of the 0.96 model layer
(rebuilds part of django/core/validators.py)."""

import re


class ValidationError(Exception):
    """A value could not be turned into what its field stores.

    ``messages`` is the list of messages; str() joins them.
    """

    def __init__(self, message):
        if isinstance(message, (list, tuple)):
            self.messages = [str(m) for m in message]
        else:
            self.messages = [str(message)]
        super().__init__(*self.messages)

    def __str__(self):
        return '; '.join(self.messages)


# The validators below keep 0.96's names and messages. Each takes
# (field_data, all_data), as a field's validator_list entries do, and raises
# ValidationError when field_data is not acceptable.

# A dot-atom or a quoted local part, then a domain with a 2-6 letter top level.
_EMAIL = re.compile(
    r"(^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
    r'|^"([\001-\010\013\014\016-\037!#-\[\]-\177]|\\[\001-\011\013\014\016-\177])*"'
    r')@(?:[A-Z0-9-]+\.)+[A-Z]{2,6}$', re.IGNORECASE)
_OCTET = r'(25[0-5]|2[0-4]\d|[0-1]?\d?\d)'
_IP4 = re.compile(r'^%s(\.%s){3}$' % (_OCTET, _OCTET))
_PHONE = re.compile(r'^[A-PR-Y0-9]{3}-[A-PR-Y0-9]{3}-[A-PR-Y0-9]{4}$', re.IGNORECASE)
_SLUG = re.compile(r'^[-\w]+$')
_ANSI_DATE = re.compile(r'^\d{4}-\d{1,2}-\d{1,2}$')
US_STATES = frozenset((
    'AA AE AK AL AP AR AS AZ CA CO CT DC DE FL FM GA GU HI IA ID IL IN KS KY LA MA MD ME '
    'MH MI MN MO MP MS MT NC ND NE NH NJ NM NV NY OH OK OR PA PR PW RI SC SD TN TX UT VA '
    'VI VT WA WI WV WY').split())


def isValidEmail(field_data, all_data):
    if not _EMAIL.search(str(field_data)):
        raise ValidationError('Enter a valid e-mail address.')


def isValidIPAddress4(field_data, all_data):
    if not _IP4.search(str(field_data)):
        raise ValidationError('Please enter a valid IP address.')


def isValidPhone(field_data, all_data):
    if not _PHONE.search(str(field_data)):
        raise ValidationError('Phone numbers must be in XXX-XXX-XXXX format. "%s" is invalid.'
                              % field_data)


def isSlug(field_data, all_data):
    if not _SLUG.search(str(field_data)):
        raise ValidationError('This value must contain only letters, numbers, underscores '
                              'or hyphens.')


def isCommaSeparatedIntegerList(field_data, all_data):
    for part in str(field_data).split(','):
        try:
            int(part)
        except ValueError:
            raise ValidationError('Enter only digits separated by commas.')


def isValidUSState(field_data, all_data):
    if str(field_data).upper() not in US_STATES:
        raise ValidationError('Enter a valid U.S. state abbreviation.')


def isValidANSIDate(field_data, all_data):
    if not _ANSI_DATE.search(str(field_data)):
        raise ValidationError('Enter a valid date in YYYY-MM-DD format.')
