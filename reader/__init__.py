"""OPDC Reader: an accessible reader and archive for Thai government news."""

__version__ = "0.1.0"
