// SyncHealth: how the polls are going — kept in memory and mirrored to a small
// file in a RAM-backed folder private to this user, never in the SQLite cache:
// a poll that finds the feed unchanged must not write to the SD card, yet
// one-shot modes (--print) should know when the last poll succeeded. The
// mirror is lost at reboot; the cache's own last_sync (the last change) stands
// in until the first poll. Functions are thread-safe.
//
// The folder is never one that other users can write to (foyer runs as root
// on many screens): a name another user could foresee there, or a link they
// left, would redirect root's write. See SyncHealthFolder.
#pragma once

#include <string>

#include "base/env.h"
#include "base/status.h"

namespace foyer {

struct SyncHealth {
  UnixSeconds last_success = 0;  // last poll that ended updated or unchanged (0: none)
  UnixSeconds last_attempt = 0;
  int consecutive_failures = 0;
  std::string last_error;  // of the last failed poll
  // The cache file as the syncing process last found it (store/cache_file.h):
  std::string storage_problem;  // why it is kept in memory only ("" while writable)
  std::string moved_aside;      // where a damaged cache was moved ("" none)
  bool operator==(const SyncHealth&) const = default;
};

// The folder for the mirror, the first of: $RUNTIME_DIRECTORY (set by systemd's
// RuntimeDirectory=; its first entry), $XDG_RUNTIME_DIR, and this user's own
// folder foyer-UID in /dev/shm (else in the temporary folder), made 0700 when
// missing. Each must be a folder owned by this user that no one else can
// write to (the last one: not a link, and open to no one else); one that is
// not is passed over. An error, naming the folder, when none will do.
Result<std::string> SyncHealthFolder();

// The mirror's path for a cache file, e.g. /run/foyer/foyer-3f2a….health: the
// same for every mode run by the same user in the same environment, so
// --print finds what the kiosk or --sync-once wrote. "" when SyncHealthFolder
// fails: then there is no mirror.
std::string SyncHealthPath(const std::string& cache_path);

// Writes atomically: a new file of a name no one can foresee, created
// exclusively beside `path` (never through a link), then renamed over it.
Status WriteSyncHealth(const std::string& path, const SyncHealth& health);
// A missing file reads as a default SyncHealth.
SyncHealth ReadSyncHealth(const std::string& path);

}  // namespace foyer
