"""A new customer with its first contact and tags, written in one transaction: the New customer dialog's save.

Each part goes through its own service (validation, search documents, change log), nested in one write so a
refused contact (a bad mobile number) leaves no half-made customer behind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from keepclient.domain.errors import ValidationError
from keepclient.services.contacts import ContactService
from keepclient.services.customer_edits import CustomerEditor

CONTACT_PREFIX = "contact_"  # a refused contact field is named so, apart from the customer's own fields


def create_customer(editor: CustomerEditor, contacts: ContactService, fields: Mapping[str, Any],
                    contact: Mapping[str, Any] | None = None, tags: Sequence[str] = ()) -> int:
    """Create the customer from `fields`, add `contact` (its first, so primary) and `tags`; returns its id.
    A refused contact value raises its ValidationError with the field as "contact_<field>"."""
    values = dict(fields)
    name = values.pop("name")
    with editor.db.write():
        customer_id = editor.create(name, **values)
        if contact:
            try:
                contacts.add(customer_id, **contact)
            except ValidationError as exc:
                exc.field = CONTACT_PREFIX + exc.field
                raise
        if tags:
            editor.change_tags([customer_id], add=list(tags))
    return customer_id
