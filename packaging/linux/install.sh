#!/bin/sh
# Add keepclient to this user's application menu: run from the unpacked keepclient folder (no root needed).
# The folder stays where it is; run this again after moving it. Remove with: install.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps/keepclient.desktop" "$icons/keepclient.png"
  exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/keepclient.png" "$icons/keepclient.png"
sed -e "s|^Exec=keepclient|Exec=\"$here/keepclient\"|" -e "s|^TryExec=keepclient|TryExec=$here/keepclient|" \
  "$here/keepclient.desktop" > "$apps/keepclient.desktop"
echo "keepclient added to the application menu ($apps/keepclient.desktop)"
