"""The ``pyloto-corp`` command line."""
