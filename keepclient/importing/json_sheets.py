"""keepclient's own JSON export read back as the two sheets of its .xlsx export (Customers and Contacts), so a JSON
round trip goes through the same header matching, reading and planning as a workbook."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from keepclient.domain.errors import ImportFileError, NotASpreadsheetError
from keepclient.importing.readers import Sheet

# The headers of the .xlsx export (exporting/customers.py), which the column matching knows.
CUSTOMER_HEADERS = {"id": "keepclient ID", "name": "Customer name", "kind": "Kind", "tier": "Tier", "stage": "Stage",
                    "owner": "Owner", "city": "City", "region": "Region", "address": "Address", "phone": "Phone",
                    "email": "Email", "industry": "Industry", "source": "Source", "website": "Website",
                    "tags": "Tags", "last_contact": "Last contact", "next_follow_up": "Next follow-up",
                    "notes": "Notes"}
CONTACT_HEADERS = {"customer_id": "keepclient ID", "customer": "Customer name", "id": "Contact ID",
                   "name": "Contact", "title": "Job title", "mobile": "Mobile", "phone": "Phone", "email": "Email",
                   "birthday": "Birthday", "birthday_lunar": "Lunar birthday", "notes": "Notes"}
MAX_BYTES = 512 << 20


def is_export_json(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def read_export_json(path: Path) -> tuple[Sheet, Sheet]:
    """(Customers, Contacts) of a keepclient JSON export; ImportFileError for anything else."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFileError(name=path.name, reason="the file is too large.")
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise NotASpreadsheetError(name=path.name) from exc
    customers = document.get("customers") if isinstance(document, dict) else None
    if not isinstance(customers, list) or not all(isinstance(c, dict) for c in customers):
        raise NotASpreadsheetError(name=path.name)
    customer_keys = [k for k in CUSTOMER_HEADERS if any(k in c for c in customers)]
    customer_rows: list[list[Any]] = [[CUSTOMER_HEADERS[k] for k in customer_keys]]
    contact_keys = ["customer_id", "customer", *(k for k in CONTACT_HEADERS if k not in ("customer_id", "customer"))]
    contact_rows: list[list[Any]] = [[CONTACT_HEADERS[k] for k in contact_keys]]
    for customer in customers:
        customer_rows.append([_cell(customer.get(k), k) for k in customer_keys])
        for contact in customer.get("contacts") or ():
            if isinstance(contact, dict):
                merged = {**contact, "customer_id": customer.get("id"), "customer": customer.get("name")}
                contact_rows.append([_cell(merged.get(k), k) for k in contact_keys])
    return (Sheet("Customers", customer_rows, list(range(1, len(customer_rows) + 1))),
            Sheet("Contacts", contact_rows, list(range(1, len(contact_rows) + 1))))


def _cell(value: Any, key: str) -> Any:
    if key == "tags" and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value
