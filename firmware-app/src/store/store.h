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

// What the sync remembers about the feed between polls. Nothing secret: the
// URL is kept without its user:password and query, and a hash tells the feed.
struct FeedState {
  std::string url;       // the feed the cached schedule came from, as safe to show
  std::string url_hash;  // hex SHA-256 of the whole URL: "the same feed?"
  std::string etag;      // validators for a conditional GET
  std::string last_modified;
  std::string content_hash;     // hex SHA-256 of the body the schedule was parsed from
  UnixSeconds last_sync = 0;    // last successful sync (0: never)
  UnixSeconds last_change = 0;  // when the cached schedule was last replaced (0: never)
  std::string verified_key;     // the minisign key that verified the content ("": none)
  bool operator==(const FeedState&) const = default;
};

// The two feeds a screen follows.
enum class FeedKind { kSchedule, kAnnouncements };

// What kind of trouble the cache file is in, as a failed operation showed it;
// code acts on these (store/cache_file.h).
enum class StoreFault {
  kNone,         // none, or a failure that is not the file's (busy, a bug)
  kDamaged,      // not a sound database: SQLITE_CORRUPT or SQLITE_NOTADB, a
                 // negative schema version, quick_check's findings
  kCannotWrite,  // read-only media or file, a full disk, an I/O error, cannot
                 // open, not a regular file
  kNewerSchema,  // written by a newer foyer: leave it alone
};

struct StoreOptions {
  bool read_only = false;    // never write: no migration, a missing file is not created
  bool create = true;        // create a missing file (0600, with its folder)
  bool quick_check = false;  // run PRAGMA quick_check after opening
};

class Store {
 public:
  // The schema version this build writes.
  static int LatestSchemaVersion();

  // Opens or creates the cache at path and migrates it to the latest schema.
  // A cache written by a newer foyer is refused, not downgraded. A new cache
  // and its -wal/-shm are readable by their owner only. On failure, *fault
  // (when given) says what kind of trouble the file is in. Read-only, a file
  // that cannot be locked (read-only media) is read as immutable.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options = {},
                                             StoreFault* fault = nullptr);
  // What --check needs: the file at path read as it is (read-only, any schema
  // version this foyer knows, quick_check); ok, or the problem and its fault.
  static Status Inspect(const std::string& path, StoreFault* fault);
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
  // PRAGMA quick_check (the cheaper check, run when a screen starts).
  Status QuickCheck();

  // The kind of the first failure of an operation since TakeFault() last
  // reset it, and that failure's message ("" when none).
  StoreFault fault();
  const std::string& fault_message();
  StoreFault TakeFault();
  // True when the file this store has open is no longer the one at its path
  // (deleted, renamed or replaced), so whatever it writes is lost.
  bool FileHasMoved();
  // Copies the whole cache over `destination`'s, in one go.
  Status CopyInto(Store& destination);
  const std::string& path() const;

 private:
  class Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  // Open: a file's path checked, a read-only file on read-only media read immutable.
  static Result<std::unique_ptr<Store>> OpenChecked(const std::string& path,
                                                    const StoreOptions& options, int version,
                                                    StoreFault& fault);
  static Result<std::unique_ptr<Store>> OpenWith(const std::string& path,
                                                 const StoreOptions& options, int version,
                                                 StoreFault& fault, bool immutable = false);
  std::unique_ptr<Impl> impl_;
};

}  // namespace foyer
