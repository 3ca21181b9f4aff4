"""The errors newstally raises; the command line prints their message and exits non-zero."""


class NewstallyError(Exception):
    """Something the user can fix: the message says what was expected, what came and how to fix it."""
