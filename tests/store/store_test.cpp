#include "store/store.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "model/session_fields.h"
#include "store/sqlite.h"
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

}  // namespace
}  // namespace foyer
