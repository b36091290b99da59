// The cache file as a screen keeps it usable, whatever happens to it, so that
// nobody has to come and press a key:
//  - damage (PRAGMA quick_check when opened or asked; SQLITE_CORRUPT or
//    SQLITE_NOTADB at any time; a negative schema version): the file and its
//    -wal and -shm are moved aside as cache.db.corrupt-<time> and a new, empty
//    cache takes its place, which the next sync fills with a full fetch;
//  - a file that cannot be written (read-only media or file, a full disk, an
//    I/O error, not a regular file) or one from a newer foyer: the cache goes
//    on in memory, a copy of what the file held (nothing of a newer foyer's),
//    where the sync keeps writing; each Get() tries the file again and writes
//    the copy back once it can (never over a newer foyer's cache);
//  - the file deleted or replaced while open (its identity, st_dev/st_ino,
//    is no longer the path's): a deleted file is written again from the open
//    copy; a replacement is opened (and checked) instead.
// Each is logged once, when it happens, and told by status(). Every change of
// where the cache lives moves generation(); other threads read the cache
// through their own connection from OpenReader().
//
// Thread safety: used by one thread (the sync thread, or a one-shot mode); the
// stores OpenReader returns may be handed to another thread.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

#include "base/env.h"
#include "base/status.h"
#include "store/store.h"

namespace foyer {

// How the cache file is doing, for --print, --sync-once and the log.
struct StorageStatus {
  std::string problem;      // why changes are kept in memory only ("" while the file takes them)
  std::string moved_aside;  // where the last damaged cache was moved ("" none)
  bool writable() const { return problem.empty(); }
  bool operator==(const StorageStatus&) const = default;
};

class CacheFile {
 public:
  // REQUIRES: env outlives this. Opens nothing before the first Get().
  CacheFile(std::string path, Env* env);
  ~CacheFile();
  CacheFile(const CacheFile&) = delete;
  CacheFile& operator=(const CacheFile&) = delete;

  // The store to use now, opened or healed first (see above). `verify` runs
  // quick_check on an open file (a first open always does).
  Store& Get(bool verify = false);
  // True when an operation on Get()'s store failed for the file's sake
  // (damage, cannot write) since Get() was last called: the next Get() heals it.
  bool NeedsHealing();
  // A new connection to the cache as it is now: the file, or a snapshot of the
  // copy in memory. REQUIRES: Get() was called.
  Result<std::unique_ptr<Store>> OpenReader();

  bool in_memory() const { return memory_ != nullptr; }
  int generation() const { return generation_; }
  const StorageStatus& status() const { return status_; }
  const std::string& path() const { return path_; }

 private:
  // Opens the file (quick_check when `check`); a damaged one is moved aside
  // and a new one made in its place.
  Result<std::unique_ptr<Store>> OpenOrMoveAside(bool check, StoreFault& fault);
  // Opens the file, checked; damage moves it aside, other trouble goes to memory.
  void OpenFile();
  // Heals what the open file's last failures or `verify` found.
  void HealFile(bool verify);
  // The open file was deleted or replaced under it.
  void FileLost();
  // In memory: writes the copy to the file when it can be written again.
  void TryFileAgain();
  // Moves the damaged file and its -wal and -shm aside; false when it cannot.
  bool MoveAside(const std::string& why);
  // Goes on in memory from `seed` (or what can be read of the file), because
  // of `reason`, as `what_failed` says.
  void KeepInMemory(StoreFault reason, const std::string& what_failed, Store* seed);
  void UseFile(std::unique_ptr<Store> file);

  std::string path_;
  Env* env_;
  std::unique_ptr<Store> file_;    // the file, while it takes writes
  std::unique_ptr<Store> memory_;  // the copy in memory, while it does not
  StoreFault memory_reason_ = StoreFault::kNone;
  // A newer foyer's file is looked at again only once it changed.
  dev_t refused_device_ = 0;
  ino_t refused_inode_ = 0;
  int generation_ = 0;
  StorageStatus status_;
};

// What --check says of the cache at path without changing it: ok when it is
// missing (not synced yet) or a sound cache this foyer can read and write.
Status InspectCache(const std::string& path);

}  // namespace foyer
