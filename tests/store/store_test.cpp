#include "store/store.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include <sys/stat.h>

#include "model/session_fields.h"
#include "store/sqlite.h"
#include "support/damage.h"
#include "support/files.h"
#include "support/session_fields.h"

namespace foyer {
namespace {

Schedule SmallSchedule() {
  Schedule schedule;
  schedule.title = "Astana Think Tank Forum 2025";
  schedule.acronym = "attf2025";
  schedule.version = "1.0";
  schedule.time_zone_name = "Asia/Almaty";
  schedule.rooms = {{"Main Hall", "main-hall"}, {"Зал Астана", ""}, {"Press room", "press"}};
  Session opening;
  opening.guid = "7f0c2a52-0000-4000-8000-000000000001";
  opening.feed_id = "1";
  opening.room = "Main Hall";
  opening.title = "Ашылу сөзі / Opening address";
  opening.start = 1760504400;  // 2025-10-15T10:00:00+05:00
  opening.end = opening.start + 1800;
  opening.utc_offset = 5 * 3600;
  opening.speakers = {"Magzum Mirzagaliyev"};
  opening.track = "Plenary";
  opening.track_color = "#1f6feb";
  opening.language = "kk";
  opening.type = "Opening";
  opening.url = "https://forum.example.kz/talk/1/";
  Session korean = opening;
  korean.guid = "7f0c2a52-0000-4000-8000-000000000002";
  korean.room = "Зал Астана";
  korean.title = "한국–중앙아시아 협력";
  korean.speakers = {"Rhee Jong-kook", "Moderator"};
  korean.language = "ko";
  schedule.sessions = {opening, korean};
  return schedule;
}

FeedState SomeFeedState() {
  FeedState state;
  state.url = "file:///srv/forum/schedule.json";
  state.etag = "\"68ef-1a2b\"";
  state.last_modified = "Wed, 15 Oct 2025 05:00:00 GMT";
  state.content_hash = "ab12";
  state.last_sync = 1760500000;
  state.last_change = 1760500000;
  return state;
}

TEST_CASE("a new cache is empty and at the latest schema version") {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("cache.db"));
  REQUIRE(store.ok());
  CHECK(*(*store)->SchemaVersion() == Store::LatestSchemaVersion());
  auto schedule = (*store)->LoadSchedule();
  REQUIRE(schedule.ok());
  CHECK(schedule->sessions.empty());
  CHECK(schedule->rooms.empty());
  CHECK((*store)->LoadFeedState()->last_sync == 0);
}

TEST_CASE("a schedule reads back identically after the cache is reopened") {
  testing::TempDir dir;
  {
    auto store = Store::Open(dir.File("cache.db"));
    REQUIRE(store.ok());
    REQUIRE((*store)->ReplaceSchedule(SmallSchedule(), SomeFeedState()).ok());
  }
  auto store = Store::Open(dir.File("cache.db"));
  REQUIRE(store.ok());
  auto schedule = (*store)->LoadSchedule();
  REQUIRE(schedule.ok());
  CHECK(*schedule == SmallSchedule());
  CHECK(*(*store)->LoadFeedState() == SomeFeedState());
  CHECK((*store)->CheckIntegrity().ok());
}

TEST_CASE("replacing a schedule drops every session, room and speaker of the old one") {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("cache.db"));
  REQUIRE(store.ok());
  REQUIRE((*store)->ReplaceSchedule(SmallSchedule(), SomeFeedState()).ok());
  Schedule smaller = SmallSchedule();
  smaller.sessions.resize(1);
  smaller.sessions[0].speakers.clear();
  smaller.rooms.resize(1);
  REQUIRE((*store)->ReplaceSchedule(smaller, SomeFeedState()).ok());
  CHECK(*(*store)->LoadSchedule() == smaller);
}

TEST_CASE("the cache uses WAL so the screen can read while the sync writes") {
  testing::TempDir dir;
  auto store = Store::Open(dir.File("cache.db"));
  REQUIRE(store.ok());
  auto db = sqlite::Database::Open(dir.File("cache.db"));
  REQUIRE(db.ok());
  auto mode = sqlite::Statement::Prepare(**db, "PRAGMA journal_mode");
  REQUIRE(mode.ok());
  REQUIRE(mode->Step());
  CHECK(mode->Text(0) == "wal");
}

TEST_CASE("a cache at schema version 1 migrates to the latest and keeps its schedule") {
  testing::TempDir dir;
  std::string path = dir.File("cache.db");
  {
    auto old = Store::OpenAtVersion(path, 1);
    REQUIRE(old.ok());
    CHECK(*(*old)->SchemaVersion() == 1);
    // What a version-1 foyer wrote: no feed_state table, no track colours.
    auto db = sqlite::Database::Open(path);
    REQUIRE(db.ok());
    REQUIRE((*db)
                ->Execute("INSERT INTO rooms VALUES (0, 'Main Hall', 'main-hall');"
                          "INSERT INTO sessions VALUES (0, 'g1', '1', 'Main Hall', 'Opening',"
                          " '', 1760504400, 1760506200, 18000, 'Plenary', 'en', 'Talk', '', '');"
                          "INSERT INTO speakers VALUES (0, 0, 'Magzum Mirzagaliyev');")
                .ok());
  }
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  CHECK(*(*store)->SchemaVersion() == Store::LatestSchemaVersion());
  auto schedule = (*store)->LoadSchedule();
  REQUIRE(schedule.ok());
  REQUIRE(schedule->sessions.size() == 1);
  CHECK(schedule->sessions[0].title == "Opening");
  CHECK(schedule->sessions[0].speakers == std::vector<std::string>{"Magzum Mirzagaliyev"});
  CHECK(schedule->sessions[0].track_color == "");
  CHECK((*store)->LoadFeedState()->last_sync == 0);
}

TEST_CASE("a cache from a newer foyer is refused rather than downgraded") {
  testing::TempDir dir;
  std::string path = dir.File("cache.db");
  {
    auto db = sqlite::Database::Open(path);
    REQUIRE(db.ok());
    REQUIRE((*db)->Execute("PRAGMA user_version = 99").ok());
  }
  auto store = Store::Open(path);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().message().find("newer than this foyer") != std::string::npos);
}

TEST_CASE("a cache with a negative schema version is refused as damaged, not a crash") {
  for (int version : {-1, -5}) {
    testing::TempDir dir;
    std::string path = dir.File("cache.db");
    {
      auto db = sqlite::Database::Open(path);
      REQUIRE(db.ok());
      REQUIRE((*db)->Execute("PRAGMA user_version = " + std::to_string(version)).ok());
    }
    auto store = Store::Open(path);
    REQUIRE_FALSE(store.ok());
    CHECK(store.status().message().find("which no foyer writes: the file is damaged") !=
          std::string::npos);
  }
}

TEST_CASE("connections creating the same new cache at once each migrate it exactly once") {
  // Each round: several connections open a cache that does not exist yet.
  for (int round = 0; round < 20; ++round) {
    testing::TempDir dir;
    std::string path = dir.File("cache.db");
    std::vector<std::string> errors(4);
    std::vector<std::thread> openers;
    for (size_t i = 0; i < errors.size(); ++i)
      openers.emplace_back([&, i] {
        auto store = Store::Open(path);
        if (!store.ok()) errors[i] = store.status().message();
      });
    for (std::thread& opener : openers) opener.join();
    for (const std::string& error : errors) CHECK_MESSAGE(error.empty(), error);
    auto store = Store::Open(path);
    REQUIRE(store.ok());
    CHECK(*(*store)->SchemaVersion() == Store::LatestSchemaVersion());
  }
}

TEST_CASE("a failed replacement leaves the previous schedule in place") {
  testing::TempDir dir;
  std::string path = dir.File("cache.db");
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->ReplaceSchedule(SmallSchedule(), SomeFeedState()).ok());
  {
    // Another connection holds the write lock, so the replacement cannot begin.
    auto other = sqlite::Database::Open(path);
    REQUIRE(other.ok());
    REQUIRE((*other)->Execute("PRAGMA busy_timeout = 0; BEGIN IMMEDIATE").ok());
    Schedule changed = SmallSchedule();
    changed.sessions.clear();
    CHECK_FALSE((*store)->ReplaceSchedule(changed, SomeFeedState()).ok());
    REQUIRE((*other)->Execute("ROLLBACK").ok());
  }
  CHECK(*(*store)->LoadSchedule() == SmallSchedule());
}

TEST_CASE("the change counter moves when another connection replaces the schedule") {
  testing::TempDir dir;
  std::string path = dir.File("cache.db");
  auto reader = Store::Open(path);
  auto writer = Store::Open(path);
  REQUIRE(reader.ok());
  REQUIRE(writer.ok());
  auto before = (*reader)->ChangeCounter();
  REQUIRE(before.ok());
  CHECK(*(*reader)->ChangeCounter() == *before);
  REQUIRE((*writer)->ReplaceSchedule(SmallSchedule(), SomeFeedState()).ok());
  CHECK(*(*reader)->ChangeCounter() != *before);
}

TEST_CASE("every field of a session reads back from the cache, those the sync sets too") {
  testing::TempDir dir;
  Schedule schedule;
  schedule.sessions = {testing::EveryFieldSet(), Session{}};  // every field set, then none
  {
    auto store = Store::Open(dir.File("cache.db"));
    REQUIRE(store.ok());
    REQUIRE((*store)->ReplaceSchedule(schedule, SomeFeedState()).ok());
  }
  auto store = Store::Open(dir.File("cache.db"));
  REQUIRE(store.ok());
  auto reread = (*store)->LoadSchedule();
  REQUIRE(reread.ok());
  REQUIRE(reread->sessions.size() == schedule.sessions.size());
  for (size_t i = 0; i < schedule.sessions.size(); ++i) {
    std::vector<testing::FieldValue> before = testing::FieldValues(schedule.sessions[i]);
    std::vector<testing::FieldValue> after = testing::FieldValues(reread->sessions[i]);
    REQUIRE(before.size() == after.size());
    for (size_t k = 0; k < before.size(); ++k) {
      INFO("session " << i << ", " << std::string(before[k].field.name));
      CHECK(after[k].text == before[k].text);
    }
  }
}

TEST_CASE("the sessions table has one column for each field described, of its type") {
  // The migrations write the schema out in SQL; model/session_fields.h names
  // the columns the cache writes and reads. They must agree.
  struct Column {
    std::string name, type;
    bool not_null;
    bool operator<(const Column& other) const { return name < other.name; }
  };
  std::set<Column> described = {{"position", "INTEGER", false}};
  const Session session;
  ForEachSessionField(session, [&](const SessionField& field, const auto& value) {
    using Value = std::decay_t<decltype(value)>;
    if (!field.column) return;
    auto type = [](const auto& example) {
      return std::is_same_v<std::decay_t<decltype(example)>, std::string> ? "TEXT" : "INTEGER";
    };
    if constexpr (requires { value.value(); })
      described.insert({field.column, type(typename Value::value_type{}), false});
    else
      described.insert({field.column, type(value), true});
  });

  testing::TempDir dir;
  REQUIRE(Store::Open(dir.File("cache.db")).ok());
  auto db = sqlite::Database::Open(dir.File("cache.db"));
  REQUIRE(db.ok());
  auto info = sqlite::Statement::Prepare(**db,
                                         "SELECT name, type, \"notnull\" FROM"
                                         " pragma_table_info('sessions')");
  REQUIRE(info.ok());
  std::set<Column> in_cache;
  while (info->Step()) in_cache.insert({info->Text(0), info->Text(1), info->Int(2) != 0});
  REQUIRE(info->status().ok());
  CHECK(in_cache.size() == described.size());
  for (const Column& column : described) {
    INFO(column.name << " " << column.type << (column.not_null ? " NOT NULL" : ""));
    auto found = in_cache.find(column);
    REQUIRE(found != in_cache.end());
    CHECK(found->type == column.type);
    CHECK(found->not_null == column.not_null);
  }
}

// A closed cache at dir/cache.db holding SmallSchedule (its WAL checkpointed).
std::string SavedCache(const testing::TempDir& dir) {
  std::string path = dir.File("cache.db");
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->ReplaceSchedule(SmallSchedule(), SomeFeedState()).ok());
  return path;
}

TEST_CASE("random bytes over the header are damage, found when the cache is opened") {
  testing::TempDir dir;
  std::string path = SavedCache(dir);
  testing::ScribbleHeader(path);
  StoreFault fault = StoreFault::kNone;
  auto store = Store::Open(path, {}, &fault);
  REQUIRE_FALSE(store.ok());
  CHECK(fault == StoreFault::kDamaged);
  CHECK(store.status().message().find("not a database") != std::string::npos);
}

TEST_CASE("random bytes in data pages are found by quick_check, and by any read as damage") {
  testing::TempDir dir;
  std::string path = SavedCache(dir);
  testing::ScribbleDataPages(path);
  StoreFault fault = StoreFault::kNone;
  auto checked = Store::Open(path, {.quick_check = true}, &fault);
  REQUIRE_FALSE(checked.ok());
  CHECK(fault == StoreFault::kDamaged);
  CHECK(checked.status().message().find("is damaged") != std::string::npos);

  // Opened without the check, the first read that meets the damage tells.
  auto store = Store::Open(path, {}, &fault);
  REQUIRE(store.ok());
  CHECK((*store)->fault() == StoreFault::kNone);
  CHECK_FALSE((*store)->LoadSchedule().ok());
  CHECK((*store)->fault() == StoreFault::kDamaged);
  CHECK((*store)->fault_message().find("malformed") != std::string::npos);
  CHECK((*store)->TakeFault() == StoreFault::kDamaged);
  CHECK((*store)->fault() == StoreFault::kNone);
}

TEST_CASE("a truncated cache is damage") {
  testing::TempDir dir;
  std::string path = SavedCache(dir);
  testing::Truncate(path, testing::kCachePageSize * 2 + 123);
  StoreFault fault = StoreFault::kNone;
  CHECK_FALSE(Store::Open(path, {.quick_check = true}, &fault).ok());
  CHECK(fault == StoreFault::kDamaged);
}

TEST_CASE("a negative schema version is damage and a newer one a newer foyer's, told apart") {
  testing::TempDir dir;
  for (auto [version, expected] :
       {std::pair{-1, StoreFault::kDamaged}, std::pair{99, StoreFault::kNewerSchema}}) {
    std::string path = dir.File("cache" + std::to_string(version) + ".db");
    {
      auto db = sqlite::Database::Open(path);
      REQUIRE(db.ok());
      REQUIRE((*db)->Execute("PRAGMA user_version = " + std::to_string(version)).ok());
    }
    StoreFault fault = StoreFault::kNone;
    CHECK_FALSE(Store::Open(path, {}, &fault).ok());
    CHECK(fault == expected);
    CHECK(Store::Inspect(path, &fault).message().find(std::to_string(version)) !=
          std::string::npos);
  }
}

TEST_CASE("a cache path that is not a file is refused as one that cannot be written") {
  StoreFault fault = StoreFault::kNone;
  auto store = Store::Open("/dev/null", {}, &fault);
  REQUIRE_FALSE(store.ok());
  CHECK(fault == StoreFault::kCannotWrite);
  CHECK(store.status().message() ==
        "cache /dev/null is a device or other special file, not a file; set cache.path to a "
        "file such as /var/lib/foyer/cache.db");
}

mode_t Permissions(const std::string& path) {
  struct stat info {};
  REQUIRE(stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

TEST_CASE("a new cache and its -wal and -shm are readable by their owner only") {
  testing::TempDir dir;
  std::string path = dir.File("new/cache.db");
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  REQUIRE((*store)->ReplaceSchedule(SmallSchedule(), SomeFeedState()).ok());
  for (const char* suffix : {"", "-wal", "-shm"}) {
    CAPTURE(suffix);
    CHECK(Permissions(path + suffix) == 0600);
  }
}

TEST_CASE("a cache an older foyer made readable by all is made private when opened") {
  testing::TempDir dir;
  std::string path = SavedCache(dir);
  REQUIRE(chmod(path.c_str(), 0644) == 0);
  REQUIRE(Store::Open(path).ok());
  CHECK(Permissions(path) == 0600);
}

TEST_CASE("the feed state keeps the URL's hash and the key that verified the content") {
  testing::TempDir dir;
  FeedState state = SomeFeedState();
  state.url_hash = std::string(64, 'c');
  state.verified_key = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
  {
    auto store = Store::Open(dir.File("cache.db"));
    REQUIRE(store.ok());
    REQUIRE((*store)->ReplaceSchedule(SmallSchedule(), state).ok());
    REQUIRE((*store)->ReplaceAnnouncements({}, state).ok());
  }
  auto store = Store::Open(dir.File("cache.db"));
  REQUIRE(store.ok());
  CHECK(*(*store)->LoadFeedState() == state);
  CHECK(*(*store)->LoadFeedState(FeedKind::kAnnouncements) == state);
}

TEST_CASE("upgrading drops the feed URLs an older foyer stored with their password and token") {
  testing::TempDir dir;
  std::string path = dir.File("cache.db");
  {
    auto old = Store::OpenAtVersion(path, 4);
    REQUIRE(old.ok());
    auto db = sqlite::Database::Open(path);
    REQUIRE(db.ok());
    for (const char* table : {"feed_state", "announcements_feed_state"})
      REQUIRE((*db)
                  ->Execute(std::string("INSERT INTO ") + table +
                            " VALUES (1, 'https://screens:hunter2@forum.example/s.json"
                            "?token=opensesame', '\"e\"', '', 'ab12', 1760500000, 1760500000)")
                  .ok());
  }
  {
    auto store = Store::Open(path);
    REQUIRE(store.ok());
    for (FeedKind kind : {FeedKind::kSchedule, FeedKind::kAnnouncements}) {
      FeedState state = *(*store)->LoadFeedState(kind);
      CHECK(state.url.empty());
      CHECK(state.url_hash.empty());  // so the next poll fetches the feed in full
      CHECK(state.content_hash == "ab12");
    }
  }
  // Not in the file, nor in what SQLite freed.
  std::string bytes = testing::ReadFile(path);
  CHECK(bytes.find("hunter2") == std::string::npos);
  CHECK(bytes.find("opensesame") == std::string::npos);
}

TEST_CASE("a cache deleted or replaced under an open store is noticed") {
  testing::TempDir dir;
  std::string path = SavedCache(dir);
  auto store = Store::Open(path);
  REQUIRE(store.ok());
  CHECK_FALSE((*store)->FileHasMoved());
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  CHECK((*store)->FileHasMoved());
  REQUIRE(Store::Open(path).ok());  // another file at the same path
  CHECK((*store)->FileHasMoved());
}

TEST_CASE("a store's whole content copies into another, in memory too") {
  testing::TempDir dir;
  std::string path = SavedCache(dir);
  auto file = Store::Open(path);
  auto memory = Store::Open(":memory:");
  REQUIRE(file.ok());
  REQUIRE(memory.ok());
  auto before = *(*memory)->ChangeCounter();
  REQUIRE((*file)->CopyInto(**memory).ok());
  CHECK(*(*memory)->ChangeCounter() != before);
  CHECK(*(*memory)->LoadSchedule() == SmallSchedule());
  CHECK(*(*memory)->LoadFeedState() == SomeFeedState());
  // And back into a new file.
  auto copy = Store::Open(dir.File("copy.db"));
  REQUIRE(copy.ok());
  REQUIRE((*memory)->CopyInto(**copy).ok());
  CHECK(*(*copy)->LoadSchedule() == SmallSchedule());
}

TEST_CASE("--check's inspection reads a cache of any known version without changing it") {
  testing::TempDir dir;
  std::string path = dir.File("cache.db");
  REQUIRE(Store::OpenAtVersion(path, 2).ok());
  StoreFault fault = StoreFault::kDamaged;
  CHECK(Store::Inspect(path, &fault).ok());
  CHECK(fault == StoreFault::kNone);
  auto db = sqlite::Database::Open(path);
  REQUIRE(db.ok());
  CHECK(*(*db)->QueryInt("PRAGMA user_version") == 2);
}

}  // namespace
}  // namespace foyer
