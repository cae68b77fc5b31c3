"""The management actions (rebuilds django/core/management.py of the branch).

Actions live in one table, ``ACTIONS``: name -> (function, help text).
"""
