"""The two commands, thin layers over :mod:`khth.api`: ``plan-validate`` and ``plan-convert``."""
