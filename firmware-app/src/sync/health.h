// SyncHealth: how the polls are going — kept in memory and mirrored to a small
// file in a RAM-backed folder ($XDG_RUNTIME_DIR, else /dev/shm), never in the
// SQLite cache: a poll that finds the feed unchanged must not write to the SD
// card, yet one-shot modes (--print) should know when the last poll succeeded.
// The mirror is lost at reboot; the cache's own last_sync (the last change)
// stands in until the first poll. Functions are thread-safe.
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

// The mirror's path for a cache file, e.g. /run/user/0/foyer-3f2a….health.
std::string SyncHealthPath(const std::string& cache_path);
// Writes atomically (temporary file and rename).
Status WriteSyncHealth(const std::string& path, const SyncHealth& health);
// A missing file reads as a default SyncHealth.
SyncHealth ReadSyncHealth(const std::string& path);

}  // namespace foyer
