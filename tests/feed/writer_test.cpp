// The schedule.json writer: what it writes reads back as the same sessions,
// and validates against the c3voc schema (checked by the schema's own
// validator, python3-jsonschema, which must be installed: these tests fail
// without it rather than skip).
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/time.h"
#include "feed/feed.h"
#include "feed/schedule_json_writer.h"
#include "support/files.h"
#include "support/session_fields.h"

namespace foyer {
namespace {

using nlohmann::json;
using testing::ReadFile;
using testing::RealFeed;

Schedule Load(const std::string& path) {
  auto schedule = ParseFeed(ReadFile(path));
  INFO(path);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

Schedule Reread(const std::string& written) {
  auto schedule = ParseScheduleJson(written);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

// What a screen shows of a session, in an order that does not depend on the file's.
using Shown =
    std::tuple<UnixSeconds, UnixSeconds, std::string, std::string, std::vector<std::string>,
               std::string, std::string, std::string, std::string, std::string, std::string>;
std::vector<Shown> ShownOf(const Schedule& schedule) {
  std::vector<Shown> shown;
  for (const Session& s : schedule.sessions)
    shown.emplace_back(s.start, s.end, s.room, s.title, s.speakers, s.track, s.language, s.url,
                       s.abstract, s.subtitle, s.track_color);
  std::sort(shown.begin(), shown.end());
  return shown;
}

void CheckSameSessions(const Schedule& original, const Schedule& reread) {
  std::vector<Shown> before = ShownOf(original), after = ShownOf(reread);
  REQUIRE(before.size() == after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    INFO("session " << i << ": " << std::get<3>(before[i]));
    CHECK(before[i] == after[i]);
    if (before[i] != after[i]) break;  // one difference explains the rest
  }
}

// The c3voc schema's own check (tests/feed/check_schema.py). A missing
// python3-jsonschema is a failure of the test run, never a reason to skip.
struct SchemaCheck {
  int exit_code = -1;
  std::string output;
};

SchemaCheck CheckSchema(const std::vector<std::string>& files) {
  REQUIRE_MESSAGE(std::system("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null") == 0,
                  "python3-jsonschema is not installed (apt-get install python3-jsonschema): "
                  "the written schedule.json cannot be checked against the c3voc schema");
  testing::TempDir dir;
  std::string command = std::string("/usr/bin/python3 ") + FOYER_SOURCE_DIR +
                        "/tests/feed/check_schema.py " + RealFeed("c3voc-schedule-schema.json");
  for (const std::string& file : files) command += " '" + file + "'";
  command += " >" + dir.File("out") + " 2>&1";
  int status = std::system(command.c_str());
  SchemaCheck check;
  check.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  check.output = ReadFile(dir.File("out"));
  return check;
}

TEST_CASE("the demo feed reads back as the same sessions, rooms and conference") {
  Schedule demo = Load(testing::DemoFeed());
  auto zone = Zone::Load("Asia/Almaty");
  REQUIRE(zone.ok());
  std::string written = WriteScheduleJson(demo, *zone);
  Schedule reread = Reread(written);
  CheckSameSessions(demo, reread);
  CHECK(reread.title == demo.title);
  CHECK(reread.acronym == "attf2025");
  CHECK(reread.time_zone_name == "Asia/Almaty");
  REQUIRE(reread.rooms.size() == demo.rooms.size());
  for (size_t i = 0; i < demo.rooms.size(); ++i) CHECK(reread.rooms[i] == demo.rooms[i]);
  // The demo's guids are UUIDs already, and its ids positive integers: both kept.
  for (const Session& session : reread.sessions) {
    auto original = std::find_if(demo.sessions.begin(), demo.sessions.end(),
                                 [&](const Session& s) { return s.guid == session.guid; });
    REQUIRE(original != demo.sessions.end());
    CHECK(original->feed_id == session.feed_id);
  }
  CHECK(WriteScheduleJson(demo, *zone) == written);  // stable: the same bytes every time
}

TEST_CASE("real schedule.json feeds read back as the same sessions") {
  for (const char* name : {"pretalx-democon-2020.schedule.json", "frab-camp2019.schedule.json",
                           "frab-36c3.schedule.json", "pretalx-rc3-channels-2020.schedule.json",
                           "voc-39c3-everything.schedule.json"}) {
    INFO(name);
    Schedule original = Load(RealFeed(name));
    Zone zone = DefaultZoneFor(original);
    CheckSameSessions(original, Reread(WriteScheduleJson(original, zone)));
  }
  // pretalx-democon says UTC but writes +01:00 everywhere: its 09:00 talks stay at 09:00.
  Schedule democon = Load(RealFeed("pretalx-democon-2020.schedule.json"));
  Zone zone = DefaultZoneFor(democon);
  CHECK(zone.name() == "+01:00");
  json written = json::parse(WriteScheduleJson(democon, zone));
  const json& conference = written["schedule"]["conference"];
  CHECK_FALSE(conference.contains("time_zone_name"));  // a fixed offset has no IANA name
  CHECK(conference["days"][0]["day_start"] == "2020-12-14T04:00:00+01:00");
  CHECK(conference["days"][0]["day_end"] == "2020-12-15T03:59:00+01:00");
}

TEST_CASE("what the writer makes of the klimacamp iCalendar and XML validates against the schema") {
  testing::TempDir dir;
  std::vector<std::string> files;
  for (const char* name : {"frab-klimacamp2015-schedule.ics", "frab-klimacamp2015-schedule.xml",
                           "frab-klimacamp2015.schedule.json", "pretalx-democon-2020.schedule.json",
                           "indico-xdc2021-event-export.json", "hub-39c3-schedule-20251206.xml"}) {
    Schedule schedule = Load(RealFeed(name));
    files.push_back(dir.File(std::string(name) + ".out.json"));
    testing::WriteFile(files.back(), WriteScheduleJson(schedule, DefaultZoneFor(schedule)));
  }
  files.push_back(dir.File("demo.out.json"));
  Schedule demo = Load(testing::DemoFeed());
  testing::WriteFile(files.back(), WriteScheduleJson(demo, DefaultZoneFor(demo)));
  SchemaCheck check = CheckSchema(files);
  INFO(check.output);
  CHECK(check.exit_code == 0);
}

TEST_CASE("the schema check is live: it refuses what breaks the schema") {
  // Without this, a validator that checked nothing would pass every test above.
  Schedule demo = Load(testing::DemoFeed());
  json written = json::parse(WriteScheduleJson(demo, DefaultZoneFor(demo)));
  json& event = written["schedule"]["conference"]["days"][0]["rooms"]["Main Hall"][0];
  testing::TempDir dir;
  std::string bad_guid = dir.File("bad-guid.json"), bad_acronym = dir.File("bad-acronym.json");
  event["guid"] = "102@forum.kaziss.kz";
  testing::WriteFile(bad_guid, written.dump());
  event["guid"] = "b79dc31a-4685-5f68-8015-5358f1af3044";
  written["schedule"]["conference"]["acronym"] = "ATTF2025";
  testing::WriteFile(bad_acronym, written.dump());
  for (const std::string& file : {bad_guid, bad_acronym}) {
    SchemaCheck check = CheckSchema({file});
    INFO(check.output);
    CHECK(check.exit_code == 1);
    CHECK(check.output.find("1 problems") != std::string::npos);
  }
}

TEST_CASE("guids that are not UUIDs become name-based UUIDs of the session") {
  // The same UUIDs as Python's uuid.uuid5(uuid.NAMESPACE_URL, name).
  CHECK(NameBasedUuid("https://example.org/") == "527dda32-a0de-5105-a042-cb475b5f7d11");
  CHECK(NameBasedUuid("foyer:room:Main Hall") == "a76d859d-c9a4-58ba-b336-129329ab7c0f");
  CHECK(IsUuid("B79DC31A-4685-5f68-8015-5358f1af3044"));
  CHECK_FALSE(IsUuid("f96a63bd-0b6d-4439-b187-375eb5bb965a@localhost"));

  Schedule schedule = Load(RealFeed("frab-klimacamp2015-schedule.ics"));
  json written = json::parse(WriteScheduleJson(schedule, DefaultZoneFor(schedule)));
  std::set<std::string> guids;
  std::set<std::int64_t> ids;
  size_t events = 0;
  for (const json& day : written["schedule"]["conference"]["days"]) {
    for (const auto& [room, list] : day["rooms"].items()) {
      for (const json& event : list) {
        ++events;
        CHECK(IsUuid(event["guid"].get<std::string>()));
        guids.insert(event["guid"].get<std::string>());
        CHECK(event["id"].get<std::int64_t>() >= 1);
        ids.insert(event["id"].get<std::int64_t>());
        CHECK(event["room"] == room);
      }
    }
  }
  CHECK(events == 106);
  CHECK(guids.size() == 106);  // "…@localhost" UIDs replaced, each by its own UUID
  CHECK(ids.size() == 106);
}

TEST_CASE("days run 04:00 to 03:59 in the zone, and list every room") {
  Schedule schedule;
  schedule.title = "Klimacamp 2015";
  schedule.rooms = {Room{"Zelt A", ""}, Room{"Zelt B", "zelt-b"}};
  auto at = [](const char* iso) { return ParseIsoInstant(iso)->utc; };
  Session late;
  late.title = "Late night film";
  late.room = "Zelt A";
  late.start = at("2015-08-13T00:30:00+02:00");  // belongs to the 12th
  late.end = at("2015-08-13T02:00:00+02:00");
  late.utc_offset = 7200;
  late.feed_id = "not-a-number";
  Session morning = late;
  morning.title = "Morning plenum";
  morning.start = at("2015-08-13T09:00:00+02:00");
  morning.end = at("2015-08-13T10:00:00+02:00");
  morning.feed_id = "7";
  morning.speakers = {"Ada"};
  schedule.sessions = {late, morning};
  auto berlin = Zone::Load("Europe/Berlin");
  REQUIRE(berlin.ok());
  json conference = json::parse(WriteScheduleJson(schedule, *berlin))["schedule"]["conference"];
  CHECK(conference["acronym"] == "klimacamp2015");
  CHECK(conference["start"] == "2015-08-12");
  CHECK(conference["end"] == "2015-08-13");
  CHECK(conference["daysCount"] == 2);
  CHECK(conference["time_zone_name"] == "Europe/Berlin");
  CHECK(conference["rooms"][1]["slug"] == "zelt-b");
  CHECK(conference["rooms"][0]["slug"] == "zelt-a");
  REQUIRE(conference["days"].size() == 2);
  const json& first = conference["days"][0];
  CHECK(first["date"] == "2015-08-12");
  CHECK(first["day_start"] == "2015-08-12T04:00:00+02:00");
  CHECK(first["day_end"] == "2015-08-13T03:59:00+02:00");
  CHECK(first["rooms"]["Zelt B"] == json::array());  // listed though empty
  REQUIRE(first["rooms"]["Zelt A"].size() == 1);
  const json& film = first["rooms"]["Zelt A"][0];
  CHECK(film["start"] == "00:30");
  CHECK(film["date"] == "2015-08-13T00:30:00+02:00");
  CHECK(film["duration"] == "01:30");
  CHECK(film["id"] == 8);  // the next number after the feed's own ids
  CHECK(film["slug"] == "klimacamp2015-8-late-night-film");
  const json& plenum = conference["days"][1]["rooms"]["Zelt A"][0];
  CHECK(plenum["id"] == 7);
  CHECK(plenum["persons"] == json::parse(R"([{"id": 1, "public_name": "Ada"}])"));
}

TEST_CASE("an acronym comes from the feed when it fits the schema, else from the title") {
  auto acronym_of = [](const std::string& title, const std::string& acronym) {
    Schedule schedule;
    schedule.title = title;
    schedule.acronym = acronym;
    return json::parse(
               WriteScheduleJson(schedule, Zone::Fixed(0)))["schedule"]["conference"]["acronym"]
        .get<std::string>();
  };
  CHECK(acronym_of("Camp 2019", "Camp2019") == "camp2019");
  CHECK(acronym_of("Astana Think Tank Forum 2025", "") == "attf2025");
  CHECK(acronym_of("X.Org Developer Conference 2021", "") == "xodc2021");
  CHECK(acronym_of("Форум", "") == "schedule");
}

TEST_CASE("every field a feed gives a session reads back from the written schedule.json") {
  // The writer maps a session's fields by hand; this holds it to the fields
  // model/session_fields.h says a feed gives, so one it leaves out fails here.
  Schedule schedule;
  schedule.title = "Astana Think Tank Forum 2025";
  schedule.rooms = {Room{"Main Hall", "main-hall"}};
  schedule.sessions = {testing::EveryFieldSet()};
  const Session& original = schedule.sessions[0];
  Schedule reread = Reread(WriteScheduleJson(schedule, Zone::Fixed(original.utc_offset)));
  REQUIRE(reread.sessions.size() == 1);
  std::vector<testing::FieldValue> before = testing::FieldValues(original);
  std::vector<testing::FieldValue> after = testing::FieldValues(reread.sessions[0]);
  REQUIRE(before.size() == after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i].field.source != FieldSource::kFeed) continue;  // the sync's, never written
    INFO(std::string(before[i].field.name));
    CHECK(after[i].text == before[i].text);
  }
}

}  // namespace
}  // namespace foyer
