#!/usr/bin/env bash
# Puts the `concerto` command on the PATH: builds the release binary (if it is not built or is
# older than the sources) and copies it to /usr/local/bin, or to ~/.local/bin when /usr/local/bin
# cannot be written. `scripts/install.sh --prefix DIR` copies it to DIR/bin instead.
# Uninstall: rm "$(command -v concerto)".
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) [[ $# -ge 2 ]] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (expected --prefix DIR)" >&2; exit 2 ;;
  esac
done

if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then export PATH="/opt/swift/usr/bin:$PATH"; fi
command -v swift >/dev/null 2>&1 || { echo "install.sh: swift is not on the PATH (a Swift 6 toolchain is needed)" >&2; exit 2; }

echo "install.sh: building the release binary (the first time takes several minutes; see README)"
swift build -c release --product concerto
bin=".build/release/concerto"
[[ -x "$bin" ]] || { echo "install.sh: $bin was not built" >&2; exit 1; }

if [[ -n "$prefix" ]]; then
  dest="$prefix/bin"
elif [[ -w /usr/local/bin ]]; then
  dest=/usr/local/bin
else
  dest="$HOME/.local/bin"
fi
mkdir -p "$dest"
# Copy then rename, so that a concerto already running or installed is never half replaced.
cp "$bin" "$dest/.concerto.tmp.$$"
mv -f "$dest/.concerto.tmp.$$" "$dest/concerto"
echo "install.sh: installed $dest/concerto ($("$dest/concerto" version))"
case ":$PATH:" in
  *":$dest:"*) echo "install.sh: $dest is on your PATH: type concerto help" ;;
  *) echo "install.sh: $dest is not on your PATH; add it with:  export PATH=\"$dest:\$PATH\"  (e.g. in ~/.profile)" ;;
esac
