#!/usr/bin/env bash
# Runs the arm64 package's programs under qemu-user-static, without a Pi, and
# holds them to the amd64 package's: on the demo and on real feeds, each
# architecture syncs its own cache, and the --print JSON must be equal (but for
# the moment of the sync) and the screenshots identical.
# usage: tests/package/arm64.sh foyer_<v>_arm64.deb foyer_<v>_amd64.deb
set -euo pipefail
arm_deb=$(realpath "$1")
amd_deb=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
feeds=$(realpath "$here/../data/feeds")

say() { echo "arm64 test: $*"; }
fail() { echo "arm64 test: FAILED: $*" >&2; exit 1; }
qemu=$(command -v qemu-aarch64-static) || fail "qemu-aarch64-static is missing (apt-get install qemu-user-static)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$arm_deb" "$work/arm64"
dpkg-deb -x "$amd_deb" "$work/amd64"
file -b "$work/arm64/usr/bin/foyer" | grep -q "ARM aarch64" || fail "the arm64 package's foyer is $(file -b "$work/arm64/usr/bin/foyer")"

# foyer as each package has it; the arm64 one through the emulator, with the
# arm64 libraries that multiarch installs beside the amd64 ones.
run() {
  local arch=$1
  shift
  if [[ $arch == arm64 ]]; then
    "$qemu" "$work/arm64/usr/bin/foyer" "$@"
  else
    "$work/amd64/usr/bin/foyer" "$@"
  fi
}
"$qemu" "$work/arm64/usr/bin/foyer" --version
"$qemu" "$work/arm64/usr/bin/foyer-feed" validate "$feeds/frab-36c3.schedule.json" >/dev/null ||
  fail "foyer-feed validate under qemu"
# The fetch helper, built for arm64 too, fetches under qemu (the kiosk under
# qemu cannot exec it without binfmt_misc, and fetches in its own process).
helper=$work/arm64/usr/libexec/foyer/foyer-fetch
file -b "$helper" | grep -q "ARM aarch64" || fail "the arm64 package's foyer-fetch is $(file -b "$helper")"
url="file://$feeds/frab-36c3.schedule.json"
printf 'url %d\n%s\n' "${#url}" "$url" | "$qemu" "$helper" >"$work/fetched" ||
  fail "foyer-fetch under qemu failed"
[[ $(head -c 12 "$work/fetched") == $'status 3\n200' ]] || fail "foyer-fetch under qemu did not fetch $url"

# One screen: NAME FEED AT ROOM_OR_HALLWAY SIZE.
check_screen() {
  local name=$1 feed=$2 at=$3 display=$4 size=$5
  for arch in amd64 arm64; do
    local dir="$work/$name/$arch"
    mkdir -p "$dir"
    {
      printf '[feed]\nurl = "%s"\n\n[display]\n' "$feed"
      if [[ $display == hallway ]]; then echo 'mode = "hallway"'; else printf 'room = "%s"\n' "$display"; fi
      printf 'languages = ["en", "kk"]\nfullscreen = false\n\n[cache]\npath = "%s/cache.db"\n' "$dir"
    } >"$dir/screen.toml"
    run "$arch" --config "$dir/screen.toml" --sync-once >"$dir/sync.json" || fail "$name: --sync-once on $arch: $(cat "$dir/sync.json")"
    run "$arch" --config "$dir/screen.toml" --print --at "$at" |
      sed -E 's/"last_(sync|change)":"[^"]*"/"last_\1":"…"/g' >"$dir/print.json"
    run "$arch" --config "$dir/screen.toml" --screenshot "$dir/screen.png" --at "$at" --size "$size"
  done
  cmp -s "$work/$name/amd64/print.json" "$work/$name/arm64/print.json" ||
    { diff "$work/$name/amd64/print.json" "$work/$name/arm64/print.json" | head; fail "$name: --print differs"; }
  python3 "$here/png_diff.py" "$work/$name/amd64/screen.png" "$work/$name/arm64/screen.png" ||
    fail "$name: the screenshots differ"
  say "$name: --sync-once, --print equal, screenshot identical ($size)"
}

check_screen demo "$work/arm64/usr/share/foyer/demo/schedule.json" 2025-10-15T10:40:00+05:00 "Main Hall" 1920x1080
check_screen demo-hallway "$work/arm64/usr/share/foyer/demo/schedule.json" 2025-10-16T11:00:00+05:00 hallway 1280x720
check_screen 39c3 "$feeds/voc-39c3-everything.schedule.json" 2025-12-28T14:20:00+01:00 hallway 1920x1080
check_screen 38c3-xml "$feeds/hub-38c3-schedule.xml" 2024-12-28T16:10:00+01:00 "Saal 1" 800x480
check_screen pyconuk-ics "$feeds/pyconuk-2015-schedule.ics" 2015-09-18T10:00:00+01:00 "PythonAnywhere Room (CC1.3)" 1280x720
