"""keepclient: a desktop CRM for small sales teams that keep the customers they have."""

__version__ = "0.1.0"
