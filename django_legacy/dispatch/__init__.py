"""A small signal dispatcher with the 2007 ``dispatcher`` API."""
