// The cache file kept usable whatever happens to it: damage moved aside, a
// file that cannot be written kept in memory and written back, a file
// deleted under the screen written again. Real SQLite files damaged by the
// test, a full disk from a VFS that fails writes, and real read-only and full
// mounts where the test may mount.
#include "store/cache_file.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "store/sqlite.h"
#include "support/damage.h"
#include "support/files.h"
#include "support/full_disk_vfs.h"
#include "support/mounts.h"

namespace foyer {
namespace {

// 2025-10-15T05:40:00Z, always.
class FixedClock : public EnvWrapper {
 public:
  FixedClock() : EnvWrapper(Env::Default()) {}
  std::int64_t NowMicros() override { return 1760506800LL * 1000000; }
};

Schedule OneSession(const std::string& title) {
  Schedule schedule;
  schedule.title = "Forum";
  schedule.rooms = {{"Main Hall", "main-hall"}};
  Session session;
  session.guid = "g1";
  session.room = "Main Hall";
  session.title = title;
  session.start = 1760504400;
  session.end = session.start + 1800;
  schedule.sessions = {session};
  return schedule;
}

FeedState StateFor(const std::string& hash) {
  FeedState state;
  state.url = "https://forum.example/schedule.json";
  state.url_hash = std::string(64, 'a');
  state.etag = "\"e1\"";
  state.content_hash = hash;
  state.last_sync = state.last_change = 1760500000;
  return state;
}

// A closed cache at path holding OneSession(title).
void SaveCache(const std::string& path, const std::string& title) {
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->ReplaceSchedule(OneSession(title), StateFor("h-" + title)).ok());
}

std::string TitleIn(Store& store) {
  auto schedule = store.LoadSchedule();
  REQUIRE(schedule.ok());
  return schedule->sessions.empty() ? "" : schedule->sessions[0].title;
}

std::string TitleInFile(const std::string& path) {
  auto store = Store::Open(path, {.read_only = true});
  REQUIRE_MESSAGE(store.ok(), store.status().ToString());
  return TitleIn(**store);
}

bool Exists(const std::string& path) { return std::filesystem::exists(path); }

TEST_CASE("a cache with random bytes over its header is moved aside and a new one started") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  SaveCache(path, "Opening");
  testing::ScribbleHeader(path);
  FixedClock clock;
  CacheFile cache(path, &clock);
  Store& store = cache.Get();
  const std::string aside = path + ".corrupt-20251015T054000Z";
  CHECK(cache.status().moved_aside == aside);
  CHECK(cache.status().writable());
  CHECK_FALSE(cache.in_memory());
  CHECK(Exists(aside));
  // The new cache is sound and empty: the next sync fetches the whole feed.
  CHECK(TitleIn(store).empty());
  CHECK(store.LoadFeedState()->content_hash.empty());
  CHECK(store.QuickCheck().ok());
  CHECK(store.ReplaceSchedule(OneSession("Rebuilt"), StateFor("h2")).ok());
}

TEST_CASE("random bytes in data pages or a truncated file are found when the cache is opened") {
  for (bool truncate : {false, true}) {
    CAPTURE(truncate);
    testing::TempDir dir;
    const std::string path = dir.File("cache.db");
    SaveCache(path, "Opening");
    if (truncate)
      testing::Truncate(path, testing::kCachePageSize + 10);
    else
      testing::ScribbleDataPages(path);
    FixedClock clock;
    CacheFile cache(path, &clock);
    CHECK(TitleIn(cache.Get()).empty());
    CHECK(cache.status().moved_aside == path + ".corrupt-20251015T054000Z");
  }
}

TEST_CASE("a second damaged cache in the same second is moved aside beside the first") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  FixedClock clock;
  for (const char* expected : {".corrupt-20251015T054000Z", ".corrupt-20251015T054000Z-2"}) {
    SaveCache(path, "Opening");
    testing::ScribbleHeader(path);
    CacheFile cache(path, &clock);
    cache.Get();
    CHECK(cache.status().moved_aside == path + expected);
  }
}

void SetUserVersion(const std::string& path, int version) {
  auto db = sqlite::Database::Open(path);
  REQUIRE(db.ok());
  REQUIRE((*db)->Execute("PRAGMA user_version = " + std::to_string(version)).ok());
}

TEST_CASE("a negative schema version is damage: the cache is moved aside") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  SaveCache(path, "Opening");
  SetUserVersion(path, -2);
  FixedClock clock;
  CacheFile cache(path, &clock);
  CHECK(TitleIn(cache.Get()).empty());
  CHECK_FALSE(cache.status().moved_aside.empty());
  CHECK(cache.status().writable());
}

TEST_CASE("a newer foyer's cache is left alone, and the cache goes on in memory") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  SaveCache(path, "Opening");
  SetUserVersion(path, 99);
  const std::string before = testing::ReadFile(path);
  CacheFile cache(path, Env::Default());
  Store& memory = cache.Get();
  CHECK(cache.in_memory());
  CHECK(cache.status().problem.find("newer than this foyer") != std::string::npos);
  CHECK(cache.status().moved_aside.empty());
  CHECK(TitleIn(memory).empty());  // nothing of the newer foyer's is read
  REQUIRE(memory.ReplaceSchedule(OneSession("Synced"), StateFor("h2")).ok());
  Store& again = cache.Get();
  CHECK(&again == &memory);
  CHECK(TitleIn(again) == "Synced");
  CHECK(testing::ReadFile(path) == before);
  CHECK_FALSE(Exists(path + "-wal"));

  // Once the technician deletes it, the cache is written from memory again.
  std::filesystem::remove(path);
  Store& file = cache.Get();
  CHECK_FALSE(cache.in_memory());
  CHECK(cache.status().writable());
  CHECK(TitleIn(file) == "Synced");
}

// Makes the next read through `store` meet the damage: another connection
// changes the file (so `store` drops what it had read), checkpoints it into
// the file, and the data pages are then overwritten.
void DamageUnder(const std::string& path) {
  {
    auto other = Store::Open(path);
    REQUIRE(other.ok());
    REQUIRE((*other)->ReplaceSchedule(OneSession("Changed"), StateFor("h3")).ok());
    auto db = sqlite::Database::Open(path);
    REQUIRE(db.ok());
    REQUIRE((*db)->Execute("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  }
  testing::ScribbleDataPages(path);
}

TEST_CASE("damage met by any read later is healed by the next Get()") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  SaveCache(path, "Opening");
  FixedClock clock;
  CacheFile cache(path, &clock);
  Store& store = cache.Get();
  REQUIRE(TitleIn(store) == "Opening");
  CHECK_FALSE(cache.NeedsHealing());
  DamageUnder(path);
  CHECK_FALSE(store.LoadSchedule().ok());
  CHECK(cache.NeedsHealing());
  Store& healed = cache.Get();
  const std::string aside = path + ".corrupt-20251015T054000Z";
  CHECK(cache.status().moved_aside == aside);
  for (const char* suffix : {"", "-wal", "-shm"}) CHECK(Exists(aside + suffix));
  CHECK(TitleIn(healed).empty());
  CHECK_FALSE(cache.NeedsHealing());
}

TEST_CASE("Get(verify) runs quick_check on the open file, as the screen asks when a read failed") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  SaveCache(path, "Opening");
  FixedClock clock;
  CacheFile cache(path, &clock);
  cache.Get();
  DamageUnder(path);
  cache.Get(/*verify=*/true);
  CHECK_FALSE(cache.status().moved_aside.empty());
}

TEST_CASE("a full disk: the cache goes on in memory and is written back once there is room") {
  testing::TempDir dir;
  testing::FullDiskVfs disk(dir.path());
  const std::string path = dir.File("cache.db");
  SaveCache(path, "Opening");
  CacheFile cache(path, Env::Default());
  Store& file = cache.Get();
  disk.SetFull(true);
  CHECK_FALSE(file.ReplaceSchedule(OneSession("Moved to Hall B"), StateFor("h2")).ok());
  CHECK(cache.NeedsHealing());
  const int generation = cache.generation();
  Store& memory = cache.Get();
  CHECK(cache.in_memory());
  CHECK(cache.generation() != generation);  // readers open the copy in memory now
  CHECK(cache.status().problem.find("full") != std::string::npos);
  CHECK(TitleIn(memory) == "Opening");  // what the file held
  CHECK(memory.LoadFeedState()->content_hash == "h-Opening");
  REQUIRE(memory.ReplaceSchedule(OneSession("Moved to Hall B"), StateFor("h2")).ok());
  auto reader = cache.OpenReader();
  REQUIRE(reader.ok());
  CHECK(TitleIn(**reader) == "Moved to Hall B");

  CHECK(&cache.Get() == &memory);  // still full: stays in memory
  CHECK(TitleInFile(path) == "Opening");
  disk.SetFull(false);
  Store& again = cache.Get();
  CHECK_FALSE(cache.in_memory());
  CHECK(cache.status().writable());
  CHECK(TitleIn(again) == "Moved to Hall B");
  CHECK(TitleInFile(path) == "Moved to Hall B");
  CHECK(again.LoadFeedState()->content_hash == "h2");
}

TEST_CASE("a cache that cannot be created at all goes on in memory, empty") {
  testing::TempDir dir;
  testing::FullDiskVfs disk(dir.path());
  disk.SetFull(true);
  CacheFile cache(dir.File("cache.db"), Env::Default());
  Store& memory = cache.Get();
  CHECK(cache.in_memory());
  CHECK(TitleIn(memory).empty());
  CHECK(memory.ReplaceSchedule(OneSession("Synced"), StateFor("h2")).ok());
  disk.SetFull(false);
  CHECK(TitleIn(cache.Get()) == "Synced");
  CHECK_FALSE(cache.in_memory());
}

TEST_CASE("a cache deleted while open is written again from the open copy, no stray WAL left") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  SaveCache(path, "Opening");
  CacheFile cache(path, Env::Default());
  Store& before = cache.Get();
  REQUIRE(before.ReplaceSchedule(OneSession("Retitled"), StateFor("h2")).ok());
  const int generation = cache.generation();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  CHECK(cache.NeedsHealing());
  Store& after = cache.Get();
  CHECK(cache.generation() != generation);
  CHECK(cache.status().writable());
  CHECK_FALSE(after.FileHasMoved());
  CHECK(TitleIn(after) == "Retitled");
  CHECK(after.LoadFeedState()->content_hash == "h2");  // validators kept: the copy is good
  REQUIRE(after.ReplaceSchedule(OneSession("Later"), StateFor("h3")).ok());
  CHECK(TitleInFile(path) == "Later");  // later updates reach the disk
}

TEST_CASE("a -wal left without its database is not read into the new cache") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  SaveCache(path, "Opening");
  CacheFile cache(path, Env::Default());
  Store& store = cache.Get();
  REQUIRE(store.ReplaceSchedule(OneSession("Retitled"), StateFor("h2")).ok());
  std::filesystem::remove(path);  // only the database: its -wal and -shm stay
  CHECK(TitleIn(cache.Get()) == "Retitled");
  CHECK(cache.Get().QuickCheck().ok());
}

TEST_CASE("a cache replaced while open: the replacement is checked and used") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  SaveCache(path, "Opening");
  CacheFile cache(path, Env::Default());
  REQUIRE(TitleIn(cache.Get()) == "Opening");
  SaveCache(dir.File("restored.db"), "Restored");
  std::filesystem::rename(dir.File("restored.db"), path);
  CHECK(TitleIn(cache.Get()) == "Restored");
}

TEST_CASE("a cache on read-only media is read, kept in memory, and reported") {
  testing::TempDir dir;
  const std::string folder = dir.File("media");
  std::filesystem::create_directory(folder);
  const std::string path = folder + "/cache.db";
  SaveCache(path, "Opening");
  testing::Mount read_only = testing::Mount::ReadOnly(folder);
  if (!read_only.ok()) {
    MESSAGE("skipped: " << read_only.why());
    return;
  }
  CacheFile cache(path, Env::Default());
  Store& memory = cache.Get();
  CHECK(cache.in_memory());
  CHECK(cache.status().problem == "cache " + path + " cannot be written (Read-only file system)");
  CHECK(TitleIn(memory) == "Opening");
  CHECK(memory.ReplaceSchedule(OneSession("Synced"), StateFor("h2")).ok());
  CHECK(&cache.Get() == &memory);
  CHECK(TitleInFile(path) == "Opening");
  CHECK(InspectCache(path).message().find("cannot be written (Read-only file system)") !=
        std::string::npos);
}

TEST_CASE("a cache on a really full disk (a tiny tmpfs) goes on in memory, then is written back") {
  testing::TempDir dir;
  const std::string folder = dir.File("disk");
  std::filesystem::create_directory(folder);
  testing::Mount tmpfs = testing::Mount::Tmpfs(folder, 1024 * 1024);
  if (!tmpfs.ok()) {
    MESSAGE("skipped: " << tmpfs.why());
    return;
  }
  const std::string path = folder + "/cache.db";
  SaveCache(path, "Opening");
  CacheFile cache(path, Env::Default());
  Store& file = cache.Get();
  testing::WriteFile(folder + "/filler", std::string(1024 * 1024, 'x'));  // fills the rest
  Schedule big = OneSession("Moved to Hall B");
  big.sessions[0].abstract = std::string(200 * 1024, 'a');
  CHECK_FALSE(file.ReplaceSchedule(big, StateFor("h2")).ok());
  Store& memory = cache.Get();
  REQUIRE(cache.in_memory());
  CHECK(cache.status().problem.find("full") != std::string::npos);
  REQUIRE(memory.ReplaceSchedule(big, StateFor("h2")).ok());
  cache.Get();
  CHECK(cache.in_memory());  // still full
  std::filesystem::remove(folder + "/filler");
  cache.Get();
  CHECK_FALSE(cache.in_memory());
  CHECK(TitleInFile(path) == "Moved to Hall B");
}

TEST_CASE("--check's look at the cache changes nothing and says what a technician can do") {
  testing::TempDir dir;
  const std::string path = dir.File("cache.db");
  CHECK(InspectCache(path).ok());  // not synced yet
  CHECK_FALSE(Exists(path));
  SaveCache(path, "Opening");
  CHECK(InspectCache(path).ok());
  testing::ScribbleDataPages(path);
  const std::string damaged = testing::ReadFile(path);
  Status status = InspectCache(path);
  CHECK(status.message().find("is damaged") != std::string::npos);
  CHECK(status.message().find("moves it aside") != std::string::npos);
  CHECK(testing::ReadFile(path) == damaged);
  CHECK(InspectCache("/dev/null").message().find("not a file") != std::string::npos);
}

}  // namespace
}  // namespace foyer
