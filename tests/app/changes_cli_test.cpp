// A schedule update that moves, retimes or cancels talks, as attendees and
// --print see it after the next sync.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

using nlohmann::json;

TEST_CASE(
    "after an update, moved talks say where and when they were, and removed ones say cancelled") {
  testing::TempDir dir;
  std::string feed = dir.File("schedule.json");
  std::string original = testing::ReadFile(testing::DemoFeed());
  testing::WriteFile(feed, original);
  auto config = [&](const std::string& room) {
    std::string path = dir.File(room + ".toml");
    testing::WriteFile(
        path, "[feed]\nurl = \"schedule.json\"\n[display]\nmode = \"room\"\nroom = \"" + room +
                  "\"\n[cache]\npath = \"cache.db\"\n");
    return path;
  };
  auto print = [&](const std::string& room, const char* at) {
    auto run = testing::Foyer({"--config", config(room), "--print", "--at", at});
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
  };
  REQUIRE(testing::Foyer({"--config", config("Main Hall"), "--sync-once"}).exit_code == 0);

  json before = print("Main Hall", "2025-10-15T12:20:00+05:00");
  REQUIRE(before["next"][0]["start"] == "13:00");
  CHECK_FALSE(before["next"][0].contains("changed"));

  // The organizers push the second main session back half an hour, move trade
  // talks to Hall B and drop the water security session.
  json schedule = json::parse(original);
  auto& days = schedule["schedule"]["conference"]["days"];
  std::string moved_title, dropped_title;
  for (auto& day : days)
    for (auto& [room, events] : day["rooms"].items())
      for (size_t i = 0; i < events.size(); ++i) {
        auto& e = events[i];
        std::string title = e["title"];
        if (title.rfind("Second main session", 0) == 0) {
          e["date"] = "2025-10-15T13:30:00+05:00";
          e["start"] = "13:30";
        }
        if (title.rfind("Trade", 0) == 0) moved_title = title, e["room"] = "Hall B";
      }
  for (auto& day : days) {
    auto& hall_a = day["rooms"]["Hall A"];
    for (size_t i = 0; i < hall_a.size(); ++i)
      if (std::string(hall_a[i]["title"]).rfind("Trade", 0) == 0) {
        day["rooms"]["Hall B"].push_back(hall_a[i]);
        hall_a.erase(i);
        break;
      }
    auto& hall_b = day["rooms"]["Hall B"];
    for (size_t i = 0; i < hall_b.size(); ++i)
      if (std::string(hall_b[i]["title"]).find("Водная") != std::string::npos) {
        dropped_title = hall_b[i]["title"];
        hall_b.erase(i);
        break;
      }
  }
  REQUIRE_FALSE(moved_title.empty());
  REQUIRE_FALSE(dropped_title.empty());
  testing::WriteFile(feed, schedule.dump(2));
  auto sync = testing::Foyer({"--config", config("Main Hall"), "--sync-once"});
  REQUIRE(sync.exit_code == 0);
  CHECK(json::parse(sync.out)["sessions"] == 17);  // the cancelled one is not in the feed

  json retimed = print("Main Hall", "2025-10-15T12:20:00+05:00");
  CHECK(retimed["next"][0]["start"] == "13:30");
  CHECK(retimed["next"][0]["changed"]["start"] == "13:00");

  json hall_a = print("Hall A", "2025-10-15T16:40:00+05:00");
  bool moved_away = false;
  for (const json& s : hall_a["next"])
    if (s["title"] == moved_title)
      moved_away = s["room"] == "Hall B" && s["changed"]["room"] == "Hall A";
  CHECK(moved_away);

  json hall_b = print("Hall B", "2025-10-16T09:00:00+05:00");
  bool cancelled = false;
  for (const json& s : hall_b["next"])
    if (s["title"] == dropped_title) cancelled = s.value("cancelled", false);
  CHECK(cancelled);
  // Once its time has passed, the cancelled session is gone from the screen.
  json later = print("Hall B", "2025-10-16T12:00:00+05:00");
  for (const json& s : later["next"]) CHECK(s["title"] != dropped_title);
}

}  // namespace
}  // namespace foyer
