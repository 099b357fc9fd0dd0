"""Persistence: peewee models, the one database-opening policy, migrations. No Qt here."""
