#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/time.h"
#include "feed/feed.h"
#include "feed/validate.h"
#include "support/files.h"

namespace foyer {
namespace {

using testing::ReadFile;
using testing::RealFeed;

Schedule LoadXdc() {
  auto schedule = ParseIndicoJson(ReadFile(RealFeed("indico-xdc2021-event-export.json")));
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

Schedule Parse(const std::string& json) {
  auto schedule = ParseIndicoJson(json);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

std::string ErrorOf(const std::string& json) {
  auto schedule = ParseIndicoJson(json);
  REQUIRE_FALSE(schedule.ok());
  return schedule.status().message();
}

// An export of one event (zone Asia/Almaty) holding the given contributions.
std::string OneEvent(const std::string& contributions) {
  return R"({"_type": "HTTPAPIResult", "count": 1, "results": [{"_type": "Conference",
             "title": "Astana Think Tank Forum", "timezone": "Asia/Almaty", "room": "",
             "contributions": [)" +
         contributions + "]}]}";
}

const Session& SessionTitled(const Schedule& schedule, const std::string& title) {
  auto it = std::find_if(schedule.sessions.begin(), schedule.sessions.end(),
                         [&](const Session& s) { return s.title == title; });
  REQUIRE_MESSAGE(it != schedule.sessions.end(), "no session titled " << title);
  return *it;
}

TEST_CASE("the XDC 2021 Indico export imports all 37 contributions") {
  Schedule schedule = LoadXdc();
  CHECK(schedule.sessions.size() == 37);
  CHECK(schedule.title == "X.Org Developer Conference 2021");
  CHECK(schedule.time_zone_name == "Europe/Warsaw");
  CHECK(ValidateSchedule(schedule).empty());
  auto detected = ParseFeed(ReadFile(RealFeed("indico-xdc2021-event-export.json")));
  REQUIRE_MESSAGE(detected.ok(), detected.status().ToString());
  CHECK(detected->sessions.size() == 37);
}

TEST_CASE("with every room empty, each Indico session is a room, in first-seen order") {
  Schedule schedule = LoadXdc();
  REQUIRE(schedule.rooms.size() == 3);
  CHECK(schedule.rooms[0].name == "Main Track");
  CHECK(schedule.rooms[1].name == "Workshop");
  CHECK(schedule.rooms[2].name == "Demos / Lightning talks I");
}

TEST_CASE("a contribution's times, speakers and links are read from the export") {
  Schedule schedule = LoadXdc();
  const Session& first = schedule.sessions.front();
  CHECK(first.title == "Making bare-metal testing accessible to every developer");
  CHECK(first.room == "Main Track");
  CHECK(FormatUtcIso(first.start) == "2021-09-17T14:10:00Z");
  CHECK(FormatUtcIso(first.end) == "2021-09-17T14:30:00Z");
  CHECK(first.utc_offset ==
        7200);  // shown in the event's zone, Europe/Warsaw (CEST) // written in UTC
  CHECK(first.speakers == std::vector<std::string>{"Martin Peres"});  // from primaryauthors
  CHECK(first.url == "https://indico.freedesktop.org/event/1/contributions/26/");
  CHECK(first.feed_id == "12");
  CHECK(first.track == "Talk (half slot) (CLOSED)");
  CHECK(first.abstract.rfind("With Freedesktop's move to Gitlab", 0) == 0);

  const Session& ssa =
      SessionTitled(schedule, "SSA-based Register Allocation for GPU Architectures");
  CHECK(ssa.speakers == std::vector<std::string>{"Connor Abbott", "Daniel Schürmann"});
  CHECK(ssa.end - ssa.start == 45 * 60);
  CHECK(SessionTitled(schedule, "Closing session").speakers.empty());
}

TEST_CASE("Indico times are wall-clock times in their tz, or in the event's timezone") {
  Schedule schedule = Parse(OneEvent(R"(
      {"title": "Opening", "startDate": {"date": "2025-10-15", "time": "10:40:00", "tz": "Asia/Almaty"},
       "endDate": {"date": "2025-10-15", "time": "11:30:00", "tz": "Asia/Almaty"}},
      {"title": "Panel", "startDate": {"date": "2025-10-15", "time": "12:00:00"}, "duration": 90},
      {"title": "Unscheduled", "startDate": null, "endDate": null},
      {"title": "Late", "startDate": {"date": "2025-10-15", "time": "20:00:00", "tz": "UTC"},
       "endDate": {"date": "2025-10-15", "time": "21:00", "tz": "UTC"}})"));
  REQUIRE(schedule.sessions.size() == 3);  // the unscheduled one has no time to show
  const Session& opening = schedule.sessions[0];
  CHECK(Zone::Fixed(opening.utc_offset).FormatIso(opening.start) == "2025-10-15T10:40:00+05:00");
  CHECK(opening.end - opening.start == 50 * 60);
  const Session& panel = schedule.sessions[1];
  CHECK(FormatUtcIso(panel.start) == "2025-10-15T07:00:00Z");
  CHECK(panel.end - panel.start == 90 * 60);
  CHECK(FormatUtcIso(schedule.sessions[2].end) == "2025-10-15T21:00:00Z");
}

TEST_CASE("the Indico room is the room, else the session, else (here) Main") {
  Schedule schedule = Parse(OneEvent(R"json(
      {"title": "A", "room": "Hall A", "session": "Plenary", "duration": 30,
       "startDate": {"date": "2025-10-15", "time": "10:00:00"}},
      {"title": "B", "room": "", "roomFullname": "Hall B (Building 2)",
       "startDate": {"date": "2025-10-15", "time": "10:00:00"}, "duration": 30},
      {"title": "C", "room": "", "session": {"title": "Workshops"},
       "startDate": {"date": "2025-10-15", "time": "10:00:00"}, "duration": 30},
      {"title": "D", "room": "", "session": null,
       "startDate": {"date": "2025-10-15", "time": "10:00:00"}, "duration": 30})json"));
  std::vector<std::string> rooms;
  for (const Session& session : schedule.sessions) rooms.push_back(session.room);
  CHECK(rooms == std::vector<std::string>{"Hall A", "Hall B (Building 2)", "Workshops", "Main"});
  CHECK(schedule.rooms.size() == 4);
}

TEST_CASE("Indico speakers come first from speakers, else from primary authors") {
  Schedule schedule = Parse(OneEvent(R"(
      {"title": "A", "startDate": {"date": "2025-10-15", "time": "10:00:00"}, "duration": 30,
       "speakers": [{"first_name": "Aigerim", "last_name": "Nur", "fullName": "Nur, Aigerim"}],
       "primaryauthors": [{"first_name": "Bauyrzhan", "last_name": "Sadykov"}]},
      {"title": "B", "startDate": {"date": "2025-10-15", "time": "10:00:00"}, "duration": 30,
       "speakers": [],
       "primaryauthors": [{"fullName": "Sadykov, Bauyrzhan"}, {"name": "Dana"}, {"id": 3}]})"));
  CHECK(schedule.sessions[0].speakers == std::vector<std::string>{"Aigerim Nur"});
  CHECK(schedule.sessions[1].speakers == std::vector<std::string>{"Sadykov, Bauyrzhan", "Dana"});
}

TEST_CASE("broken Indico exports are refused, naming the place") {
  CHECK(ErrorOf("{\"results\": [").find("not valid JSON") == 0);
  CHECK(ErrorOf("[]").find("not an Indico export") != std::string::npos);
  CHECK(ErrorOf(R"({"_type": "HTTPAPIResult"})") == "results: missing: not an Indico export");
  CHECK(ErrorOf(R"({"results": {}})").rfind("results: not a list of events", 0) == 0);
  CHECK(ErrorOf(R"({"results": [{"title": "T"}]})")
            .rfind("results[0].contributions: missing: export the event with "
                   "?detail=contributions",
                   0) == 0);
  CHECK(ErrorOf(OneEvent(R"({"title": "A"})")) ==
        "results[0].contributions[0].startDate: missing: every contribution needs its start");
  CHECK(ErrorOf(OneEvent(R"({"title": "A", "startDate": "2025-10-15T10:00:00"})"))
            .rfind("results[0].contributions[0].startDate: not a {date, time, tz} object", 0) == 0);
  CHECK(ErrorOf(OneEvent(R"({"title": "A", "duration": 30,
                             "startDate": {"date": "15.10.2025", "time": "10:00:00"}})"))
            .rfind("results[0].contributions[0].startDate: not a date and time", 0) == 0);
  CHECK(ErrorOf(OneEvent(R"({"title": "A", "duration": 30,
                             "startDate": {"date": "2025-10-15", "time": "10:00:00",
                                           "tz": "Mars/Olympus"}})"))
            .rfind("results[0].contributions[0].startDate.tz: unknown time zone", 0) == 0);
  CHECK(ErrorOf(OneEvent(R"({"title": "A", "startDate": {"date": "2025-10-15", "time": "10:00"}})"))
            .rfind("results[0].contributions[0].endDate: missing", 0) == 0);
  CHECK(ErrorOf(OneEvent(R"(7)")).rfind("results[0].contributions[0]: not a contribution", 0) == 0);
  CHECK(ErrorOf("{\"results\": [], \"x\": \"caf\xE9\"}").find("not UTF-8") == 0);
}

}  // namespace
}  // namespace foyer
