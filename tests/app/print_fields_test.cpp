// `foyer --print` shows each session with exactly the keys the description of
// a session's fields (model/session_fields.h) gives it, so the two cannot
// drift apart: the real binary on the demo config, room and hallway screens.
#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/session_fields.h"
#include "store/store.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

using nlohmann::json;
using Keys = std::set<std::string>;

// The --print keys of the fields shown `when`.
Keys PrintKeys(PrintShown when) {
  Keys keys;
  for (const SessionField& field : SessionFields())
    if (field.shown == when)
      for (const char* key : field.print_keys)
        if (key) keys.insert(key);
  return keys;
}

// The demo screen (config/demo.toml) with its files in `dir`, in `mode`.
std::string DemoConfig(const testing::TempDir& dir, const std::string& mode) {
  std::string demo = testing::ReadFile(std::string(FOYER_SOURCE_DIR) + "/config/demo.toml");
  demo.replace(demo.find("../build/demo/cache.db"), 22, dir.File("cache.db"));
  demo.replace(demo.find("../assets/demo/schedule.json"), 28, testing::DemoFeed());
  demo.replace(demo.find("../assets/demo/logo.png"), 23,
               std::string(FOYER_SOURCE_DIR) + "/assets/demo/logo.png");
  demo.replace(demo.find("mode = \"room\""), 13, "mode = \"" + mode + "\"");
  std::string path = dir.File(mode + ".toml");
  testing::WriteFile(path, demo);
  return path;
}

// Every session object --print shows on the room and the hallway screens
// through both days of the demo.
std::vector<json> PrintedSessions(const testing::TempDir& dir) {
  std::vector<json> sessions;
  auto add = [&](const json& session) {
    if (session.is_object()) sessions.push_back(session);
  };
  for (const char* mode : {"room", "hallway"}) {
    std::string config = DemoConfig(dir, mode);
    for (const char* at :
         {"2025-10-15T08:00:00+05:00", "2025-10-15T10:40:00+05:00", "2025-10-15T14:30:00+05:00",
          "2025-10-15T16:00:00+05:00", "2025-10-16T09:30:00+05:00", "2025-10-16T12:30:00+05:00"}) {
      auto run = testing::Foyer({"--config", config, "--print", "--at", at});
      REQUIRE(run.exit_code == 0);
      json printed = json::parse(run.out);
      add(printed["now"]);
      for (const json& next : printed["next"]) add(next);
      for (const json& row : printed["rooms"]) add(row["now"]), add(row["next"]);
    }
  }
  return sessions;
}

Keys KeysOf(const json& session) {
  Keys keys;
  for (const auto& [key, value] : session.items()) keys.insert(key);
  return keys;
}

// Gives every field --print shows only when set a value, in every other
// session of the cache, as the sync would after a feed update.
void MarkEveryOtherSessionChanged(const std::string& cache) {
  auto store = Store::Open(cache);
  REQUIRE(store.ok());
  auto schedule = (*store)->LoadSchedule();
  auto feed = (*store)->LoadFeedState();
  REQUIRE(schedule.ok());
  REQUIRE(feed.ok());
  for (size_t i = 0; i < schedule->sessions.size(); i += 2) {
    Session& session = schedule->sessions[i];
    const UnixSeconds start = session.start;
    ForEachSessionField(session, [&](const SessionField& field, auto& value) {
      if (field.shown != PrintShown::kWhenSet) return;
      using Value = std::decay_t<decltype(value)>;
      if constexpr (std::is_same_v<Value, std::optional<UnixSeconds>>) {
        value = start - 3600;
      } else if constexpr (std::is_same_v<Value, std::optional<std::string>>) {
        value = "Hall Z";
      } else if constexpr (std::is_same_v<Value, bool>) {
        value = true;
      } else {
        FAIL_CHECK("no value to set for " << std::string(field.name));
      }
    });
  }
  REQUIRE((*store)->ReplaceSchedule(*schedule, *feed).ok());
}

TEST_CASE("--print shows each session with the keys its field description gives") {
  testing::TempDir dir;
  REQUIRE(testing::Foyer({"--config", DemoConfig(dir, "room"), "--sync-once"}).exit_code == 0);
  const Keys always = PrintKeys(PrintShown::kAlways);
  std::vector<json> sessions = PrintedSessions(dir);
  REQUIRE(sessions.size() > 10);
  for (const json& session : sessions) {
    INFO(session.dump());
    CHECK(KeysOf(session) == always);
  }
}

TEST_CASE("--print adds the keys of fields shown when set, for sessions an update changed") {
  testing::TempDir dir;
  REQUIRE(testing::Foyer({"--config", DemoConfig(dir, "room"), "--sync-once"}).exit_code == 0);
  MarkEveryOtherSessionChanged(dir.File("cache.db"));
  const Keys always = PrintKeys(PrintShown::kAlways);
  const Keys when_set = PrintKeys(PrintShown::kWhenSet);
  Keys all = always;
  all.insert(when_set.begin(), when_set.end());
  Keys extra_seen;
  bool plain_seen = false;
  for (const json& session : PrintedSessions(dir)) {
    INFO(session.dump());
    Keys keys = KeysOf(session);
    for (const std::string& key : always) CHECK(keys.count(key) == 1);
    for (const std::string& key : keys) CHECK(all.count(key) == 1);
    for (const std::string& key : keys)
      if (when_set.count(key)) extra_seen.insert(key);
    plain_seen = plain_seen || keys == always;
  }
  CHECK(extra_seen == when_set);  // every such key was shown by some session
  CHECK(plain_seen);              // and sessions left alone show none of them
}

}  // namespace
}  // namespace foyer
