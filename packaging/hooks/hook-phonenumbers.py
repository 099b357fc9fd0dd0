"""Replaces pyinstaller-hooks-contrib's hook-phonenumbers (which collects every submodule): keepclient parses,
validates and formats numbers, so it needs the per-region metadata (phonenumbers.data, .shortdata, imported by name
at run time) but never a number's place, carrier or time zone (geodata alone is 4.4 MB compressed)."""

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier", "phonenumbers.carrierdata",
          "phonenumbers.timezone", "phonenumbers.tzdata")

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(UNUSED))
excludedimports = list(UNUSED)
