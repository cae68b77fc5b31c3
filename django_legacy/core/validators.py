"""The validation error of the 0.96 model layer (rebuilds part of django/core/validators.py)."""


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
