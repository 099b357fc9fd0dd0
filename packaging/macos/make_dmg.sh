#!/usr/bin/env bash
# Pack dist/keepclient.app (from `python packaging/build.py` on a Mac) into a drag-to-install disk image:
# dist/keepclient-VERSION-macos-ARCH.dmg holding keepclient.app and a link to /Applications.
#
#   packaging/macos/make_dmg.sh [VERSION] [APP] [OUT_DIR]
#       VERSION  default: __version__ in keepclient/__init__.py
#       APP      default: dist/keepclient.app
#       OUT_DIR  default: dist
#
# One build per architecture, not universal2: the release workflow runs this on an Intel runner (x86_64) and an
# Apple silicon runner (arm64), and ARCH in the file name is what the app was built for (uname -m of the build
# machine, or ARCH=... to override). PyInstaller can only make a universal2 app when every wheel it bundles is
# universal2 or fat, and PySide6/shiboken6, python-calamine and the rest publish separate or universal wheels
# version by version; one native build per architecture needs nothing of the sort and each .dmg is half the size.
#
# Signing and notarization are optional, for when a Developer ID certificate exists (see packaging/README.md):
#   MACOS_SIGN_IDENTITY  "Developer ID Application: NAME (TEAMID)" from the login keychain: signs the app with the
#                        hardened runtime and a secure timestamp, then the .dmg itself;
#   NOTARY_PROFILE       a notarytool keychain profile (xcrun notarytool store-credentials): submits the .dmg to
#                        Apple's notary service, waits for the verdict and staples the ticket to the .dmg.
# Without them the .dmg is unsigned (the app keeps PyInstaller's ad-hoc signature): fine for testing, but
# Gatekeeper makes users right-click > Open the first time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

version="${1:-}"
if [ -z "$version" ]; then
  version="$(sed -n 's/^__version__ = "\([^"]*\)"/\1/p' "$root/keepclient/__init__.py")"
fi
app="${2:-$root/dist/keepclient.app}"
out_dir="${3:-$root/dist}"
arch="${ARCH:-$(uname -m)}"
sign_identity="${MACOS_SIGN_IDENTITY:-}"
notary_profile="${NOTARY_PROFILE:-}"

die() { echo "make_dmg.sh: $*" >&2; exit 1; }

[ -n "$version" ] || die "no version given and none found in keepclient/__init__.py"
[ -d "$app" ] || die "$app not found: run python packaging/build.py first"
[ -x "$app/Contents/MacOS/keepclient" ] || die "$app has no Contents/MacOS/keepclient"
if [ -n "$notary_profile" ] && [ -z "$sign_identity" ]; then
  die "NOTARY_PROFILE needs MACOS_SIGN_IDENTITY: Apple notarizes signed apps only"
fi
command -v hdiutil >/dev/null || die "hdiutil not found: disk images are made on macOS"

mkdir -p "$out_dir"
dmg="$out_dir/keepclient-$version-macos-$arch.dmg"

# 1. Sign the app (optional): every nested binary, hardened runtime, secure timestamp.
if [ -n "$sign_identity" ]; then
  echo "Signing $app as $sign_identity"
  codesign --force --deep --options runtime --timestamp \
    --entitlements "$here/entitlements.plist" --sign "$sign_identity" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
fi

# 2. The image: a staging folder with the app and the Applications link, the user drags one onto the other.
staging="$(mktemp -d "${TMPDIR:-/tmp}/keepclient-dmg.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/keepclient.app"  # ditto keeps symlinks, extended attributes and signatures intact
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "keepclient $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

# 3. Sign, notarize and staple the image (optional).
if [ -n "$sign_identity" ]; then
  codesign --force --timestamp --sign "$sign_identity" "$dmg"
  codesign --verify --verbose=2 "$dmg"
fi
if [ -n "$notary_profile" ]; then
  echo "Notarizing $dmg (profile $notary_profile)"
  xcrun notarytool submit "$dmg" --keychain-profile "$notary_profile" --wait
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi

hdiutil verify "$dmg" >/dev/null
echo "$dmg"
