// The local cache: the last good schedule and what the sync knows of the feed,
// in one SQLite file. The schema is versioned by an ordered list of migrations
// (PRAGMA user_version), each applied with its version bump in one transaction.
// A new schedule replaces the old one in one transaction, so a power cut at any
// moment leaves either the old or the new schedule whole (WAL, synchronous=FULL).
//
// Thread safety: a Store is one SQLite connection; use it from one thread at a
// time. Several Stores (threads or processes) may open the same file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "base/status.h"
#include "model/schedule.h"

namespace foyer {

// What the sync remembers about the feed between polls.
struct FeedState {
  std::string url;   // the feed the cached schedule came from
  std::string etag;  // validators for a conditional GET
  std::string last_modified;
  std::string content_hash;     // hex SHA-256 of the body the schedule was parsed from
  UnixSeconds last_sync = 0;    // last successful sync (0: never)
  UnixSeconds last_change = 0;  // when the cached schedule was last replaced (0: never)
  bool operator==(const FeedState&) const = default;
};

// The two feeds a screen follows.
enum class FeedKind { kSchedule, kAnnouncements };

class Store {
 public:
  // The schema version this build writes.
  static int LatestSchemaVersion();

  // Opens or creates the cache at path and migrates it to the latest schema.
  // A cache written by a newer foyer is refused, not downgraded.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  // For tests of migrations: opens and migrates only up to `version`.
  static Result<std::unique_ptr<Store>> OpenAtVersion(const std::string& path, int version);
  ~Store();

  // Replaces the cached schedule and its feed state in one transaction.
  Status ReplaceSchedule(const Schedule& schedule, const FeedState& state);
  // Replaces the cached announcements and their feed state in one transaction.
  Status ReplaceAnnouncements(const std::vector<Announcement>& announcements,
                              const FeedState& state);

  // The cached schedule; empty (no rooms, no sessions) before the first sync.
  Result<Schedule> LoadSchedule();
  Result<std::vector<Announcement>> LoadAnnouncements();
  Result<FeedState> LoadFeedState(FeedKind kind = FeedKind::kSchedule);

  // A number that changes whenever any connection commits a change to the file
  // (PRAGMA data_version, plus our own commits): poll it to learn of new data.
  Result<std::int64_t> ChangeCounter();
  Result<int> SchemaVersion();
  // PRAGMA integrity_check: ok, or the first problem found.
  Status CheckIntegrity();

 private:
  class Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace foyer
