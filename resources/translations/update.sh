#!/usr/bin/env bash
# Collect translatable strings from the sources into the .ts files, then build the .qm files the app loads.
# Translate new strings in Qt Linguist (or any editor) between the two steps; tests fail while any is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
sources=$(find keepclient -name '*.py' -not -path '*/migrations/*' | sort)
for ts in resources/translations/keepclient_*.ts; do
  pyside6-lupdate -no-obsolete $sources -ts "$ts"
  pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
done
