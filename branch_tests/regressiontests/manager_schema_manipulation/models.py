"""The models of this test are defined in tests.py, after the settings
that place them on their connections."""
