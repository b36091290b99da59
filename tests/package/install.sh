#!/usr/bin/env bash
# Installs the amd64 package on this machine as a venue would, checks it, upgrades
# it, purges it, and leaves the machine as it found it:
#   - apt installs it with its dependencies; the foyer user, its groups, the
#     cache folder and the conffile are there;
#   - as the foyer user, the installed foyer passes --check, syncs the demo,
#     draws a screenshot and prints the demo's main hall;
#   - a boot-partition override (/boot/firmware/foyer.toml) changes the room in
#     --print, and --check names a problem in it by its own FILE:LINE;
#   - systemd-analyze verifies the installed unit and rates it 4.5 or lower;
#   - an upgrade keeps an edited screen.toml and the cache;
#   - a purge removes the config and the cache.
# Skipped when a foyer package is already installed here (it is not ours to touch).
# usage: tests/package/install.sh build/packages/foyer_<version>_amd64.deb
set -euo pipefail
deb=$(realpath "$1")
here=$(dirname "$(realpath "$0")")

say() { echo "package test: $*"; }
fail() { echo "package test: FAILED: $*" >&2; exit 1; }
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
apt_get() { DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -y -q "$@"; }
as_foyer() { "${sudo[@]}" runuser -u foyer -- "$@"; }

if dpkg-query -W -f='${Status}' foyer 2>/dev/null | grep -q "ok installed"; then
  say "skipped: a foyer package is already installed on this machine"
  exit 0
fi

work=$(mktemp -d)
chmod 755 "$work"  # the foyer user writes its screenshot below it
boot_dir_made=""
boot_override=/boot/firmware/foyer.toml
cleanup() {
  if dpkg-query -W -f='${Status}' foyer 2>/dev/null | grep -q "installed"; then
    apt_get purge foyer >/dev/null || true
  fi
  "${sudo[@]}" rm -f "$boot_override"
  [[ -n "$boot_dir_made" ]] && "${sudo[@]}" rmdir /boot/firmware 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say "apt-get install $deb"
apt_get install "$deb" >"$work/install.log" || { cat "$work/install.log"; fail "install"; }

# The user, its groups, the folders and the conffile.
id foyer >/dev/null || fail "no foyer user"
for group in video render input; do
  getent group "$group" >/dev/null || continue
  id -nG foyer | tr ' ' '\n' | grep -qx "$group" || fail "foyer is not in group $group"
done
[[ $(stat -c '%U %a' /var/lib/foyer) == "foyer 750" ]] || fail "/var/lib/foyer: $(stat -c '%U %a' /var/lib/foyer)"
dpkg-query -W -f='${Conffiles}' foyer | grep -q "/etc/foyer/screen.toml" || fail "screen.toml is not a conffile"
for file in /usr/bin/foyer /usr/bin/foyer-feed /usr/libexec/foyer/foyer-fetch /lib/systemd/system/foyer.service \
  /usr/share/foyer/demo/schedule.json /usr/share/foyer/example.toml /usr/share/doc/foyer/INSTALL.md \
  /usr/share/man/man1/foyer.1.gz /usr/share/man/man1/foyer-feed.1.gz; do
  [[ -e "$file" ]] || fail "missing $file"
done

# The installed program, run as the service's user.
config=/etc/foyer/screen.toml
as_foyer foyer --config "$config" --check || fail "--check"
as_foyer foyer --config "$config" --sync-once | tee "$work/sync.json"
grep -q '"result":"updated"' "$work/sync.json" || fail "--sync-once did not update the cache"
[[ $(stat -c '%U %a' /var/lib/foyer/cache.db) == "foyer 600" ]] || fail "cache.db: $(stat -c '%U %a' /var/lib/foyer/cache.db)"
"${sudo[@]}" install -d -o foyer "$work/shots"
as_foyer foyer --config "$config" --screenshot "$work/shots/screen.png"
python3 - "$work/shots/screen.png" <<'EOF' || fail "screenshot"
import struct, sys
data = open(sys.argv[1], "rb").read()
width, height = struct.unpack(">II", data[16:24])
assert data[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (1920, 1080), (width, height)
EOF
at=2025-10-15T10:40:00+05:00
as_foyer foyer --config "$config" --print --at "$at" >"$work/print.json"
grep -q '"room":"Main Hall"' "$work/print.json" || fail "--print does not show the main hall: $(cat "$work/print.json")"
say "installed foyer ran as the foyer user: --check, --sync-once, --screenshot, --print"

# The kiosk itself, on SDL's dummy driver: it polls through the packaged fetch
# helper, so it has no warning about one, and never maps libcurl.
as_foyer env SDL_VIDEODRIVER=dummy foyer --config "$config" --exit-after 4 >"$work/kiosk.json" \
  2>"$work/kiosk.err" &
kiosk=$!
for _ in $(seq 30); do grep -q "sync: " "$work/kiosk.err" && break; sleep 0.1; done
kiosk_pid=$(pgrep -u foyer -x foyer | head -1)
maps=$("${sudo[@]}" cat "/proc/$kiosk_pid/maps" 2>/dev/null || true)
wait "$kiosk"
grep -q '"syncs":1' "$work/kiosk.json" || fail "the kiosk did not sync: $(cat "$work/kiosk.json" "$work/kiosk.err")"
! grep -q "fetch helper" "$work/kiosk.err" || fail "the kiosk could not use its fetch helper: $(cat "$work/kiosk.err")"
[[ -n "$maps" && "$maps" != *libcurl* ]] || fail "the kiosk mapped libcurl (or its maps could not be read)"
say "the installed kiosk synced through /usr/libexec/foyer/foyer-fetch, without libcurl in its process"

# The boot partition's file overrides the room; its problems carry its own name.
[[ -d /boot/firmware ]] || { "${sudo[@]}" mkdir -p /boot/firmware; boot_dir_made=yes; }
[[ ! -e "$boot_override" ]] || fail "$boot_override exists already"
printf '[display]\nroom = "Hall A"\n' | "${sudo[@]}" tee "$boot_override" >/dev/null
as_foyer foyer --config "$config" --check || fail "--check with the override"
as_foyer foyer --config "$config" --print --at "$at" | grep -q '"room":"Hall A"' || fail "the override's room is not shown"
printf '[display]\nroom = "Hall A"\nrotation = 45\n' | "${sudo[@]}" tee "$boot_override" >/dev/null
if as_foyer foyer --config "$config" --check >"$work/check.txt" 2>&1; then fail "--check accepted rotation 45"; fi
grep -q "^$boot_override:3: " "$work/check.txt" || fail "--check did not name $boot_override:3: $(cat "$work/check.txt")"
"${sudo[@]}" rm -f "$boot_override"
say "the boot partition's foyer.toml overrides the room; --check names its own FILE:LINE"

# The unit as installed.
systemd-analyze verify /lib/systemd/system/foyer.service 2>&1 | tee "$work/verify.txt"
[[ ! -s "$work/verify.txt" ]] || fail "systemd-analyze verify is not clean"
systemd-analyze security --offline=yes --threshold=45 /lib/systemd/system/foyer.service | tail -1 ||
  fail "the unit is rated above 4.5"

# An upgrade keeps an edited config and the cache.
echo "# edited by the venue" | "${sudo[@]}" tee -a "$config" >/dev/null
"${sudo[@]}" sed -i 's/^room = "Main Hall"/room = "Hall B"/' "$config"
sum=$(sha256sum /var/lib/foyer/cache.db | cut -d' ' -f1)
version=$(dpkg-deb -f "$deb" Version)
dpkg-deb -R "$deb" "$work/next"
sed -i "s/^Version: .*/Version: ${version}+upgrade1/" "$work/next/DEBIAN/control"
dpkg-deb -b "$work/next" "$work/foyer_next.deb" >/dev/null
apt_get install "$work/foyer_next.deb" >"$work/upgrade.log" || { cat "$work/upgrade.log"; fail "upgrade"; }
[[ $(dpkg-query -W -f='${Version}' foyer) == "${version}+upgrade1" ]] || fail "not upgraded"
grep -q "^# edited by the venue" "$config" || fail "the upgrade lost the edited screen.toml"
[[ $(sha256sum /var/lib/foyer/cache.db | cut -d' ' -f1) == "$sum" ]] || fail "the upgrade changed the cache"
as_foyer foyer --config "$config" --print --at "$at" | grep -q '"room":"Hall B"' || fail "after the upgrade"
say "the upgrade kept the edited screen.toml and the cache"

apt_get purge foyer >/dev/null
[[ ! -e /etc/foyer && ! -e /var/lib/foyer && ! -e /usr/bin/foyer ]] || fail "purge left files behind"
say "purged: no /etc/foyer, /var/lib/foyer or /usr/bin/foyer left"
