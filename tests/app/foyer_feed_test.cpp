// foyer-feed as organizers use it: a real binary on real exports, spreadsheets
// and announcements files, read back the way screens read them.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/time.h"
#include "feed/announcements.h"
#include "feed/feed.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

using nlohmann::json;
using testing::RealFeed;

testing::Run FoyerFeed(const std::vector<std::string>& args) {
  return testing::RunBinary("foyer-feed", args);
}

Schedule ReadSchedule(const std::string& path) {
  auto schedule = ParseScheduleJson(testing::ReadFile(path));
  INFO(path);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

// check_schema.py on `files`: 0 when all validate. Fails (never skips) without python3-jsonschema.
int CheckSchema(const std::vector<std::string>& files, std::string& output) {
  REQUIRE_MESSAGE(std::system("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null") == 0,
                  "python3-jsonschema is not installed (apt-get install python3-jsonschema)");
  testing::TempDir dir;
  std::string command = std::string("/usr/bin/python3 ") + FOYER_SOURCE_DIR +
                        "/tests/feed/check_schema.py " + RealFeed("c3voc-schedule-schema.json");
  for (const std::string& file : files) command += " " + testing::ShellQuote(file);
  int status = std::system((command + " >" + dir.File("out") + " 2>&1").c_str());
  output = testing::ReadFile(dir.File("out"));
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

using Key = std::tuple<UnixSeconds, UnixSeconds, std::string, std::string>;
std::vector<Key> KeysOf(const Schedule& schedule) {
  std::vector<Key> keys;
  for (const Session& s : schedule.sessions) keys.emplace_back(s.start, s.end, s.room, s.title);
  std::sort(keys.begin(), keys.end());
  return keys;
}

TEST_CASE(
    "convert turns the klimacamp JSON, XML, iCalendar and xCal exports into the same "
    "sessions") {
  testing::TempDir dir;
  std::vector<std::string> outputs;
  for (const char* name : {"frab-klimacamp2015.schedule.json", "frab-klimacamp2015-schedule.xml",
                           "frab-klimacamp2015-schedule.ics", "frab-klimacamp2015-schedule.xcal"}) {
    outputs.push_back(dir.File(std::string(name) + ".json"));
    std::vector<std::string> args = {"convert", RealFeed(name), "-o", outputs.back()};
    // The xCal's times are floating: the organizer says where they are.
    if (Contains(name, ".xcal")) args.insert(args.end(), {"--timezone", "Europe/Berlin"});
    auto run = FoyerFeed(args);
    INFO(name << ": " << run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(Contains(run.out, outputs.back() + ": written from "));
    CHECK(Contains(run.out, "106 sessions in 10 rooms, 2015-08-07"));
  }
  Schedule from_json = ReadSchedule(outputs[0]);
  Schedule from_xml = ReadSchedule(outputs[1]);
  Schedule from_ics = ReadSchedule(outputs[2]);
  Schedule from_xcal = ReadSchedule(outputs[3]);
  CHECK(from_json.sessions.size() == 106);
  CHECK(KeysOf(from_xml) == KeysOf(from_json));
  CHECK(KeysOf(from_ics) == KeysOf(from_json));
  CHECK(KeysOf(from_xcal) == KeysOf(from_json));
  // The JSON and XML exports name speakers; the .ics does not (ORGANIZER has no CN).
  auto speakers = [](const Schedule& schedule) {
    std::vector<std::tuple<UnixSeconds, std::string, std::vector<std::string>>> all;
    for (const Session& s : schedule.sessions) all.emplace_back(s.start, s.title, s.speakers);
    std::sort(all.begin(), all.end());
    return all;
  };
  CHECK(speakers(from_xml) == speakers(from_json));
  CHECK(speakers(from_xcal) == speakers(from_json));

  std::string output;
  CHECK_MESSAGE(CheckSchema(outputs, output) == 0, output);
}

TEST_CASE("convert resolves the relative URLs of frab's .ics against --base-url") {
  testing::TempDir dir;
  std::string out = dir.File("schedule.json");
  auto plain = FoyerFeed({"convert", RealFeed("frab-klimacamp2015-schedule.ics"), "-o", out});
  REQUIRE(plain.exit_code == 0);
  CHECK(Contains(plain.err,
                 "note: 106 of 106 sessions have no absolute URL; their url is "
                 "urn:uuid:GUID (--base-url resolves relative ones)"));
  Schedule unresolved = ReadSchedule(out);
  CHECK(unresolved.sessions.front().url.rfind("urn:uuid:", 0) == 0);

  auto resolved = FoyerFeed({"convert", RealFeed("frab-klimacamp2015-schedule.ics"), "-o", out,
                             "--base-url", "https://klimacamp.example.org/fahrplan/index.html"});
  REQUIRE(resolved.exit_code == 0);
  CHECK(resolved.err.empty());
  Schedule schedule = ReadSchedule(out);
  auto coal =
      std::find_if(schedule.sessions.begin(), schedule.sessions.end(),
                   [](const Session& s) { return s.title == "Coal kills - body and soul"; });
  REQUIRE(coal != schedule.sessions.end());
  CHECK(coal->url == "https://klimacamp.example.org/fahrplan/2015/events/70.html");
  std::string output;
  CHECK_MESSAGE(CheckSchema({out}, output) == 0, output);

  auto bad = FoyerFeed({"convert", RealFeed("frab-klimacamp2015-schedule.ics"), "-o", out,
                        "--base-url", "klimacamp.example.org"});
  CHECK(bad.exit_code == 2);
  CHECK(Contains(bad.err, "--base-url: \"klimacamp.example.org\" is not an absolute URL"));
}

TEST_CASE("convert reads a spreadsheet's CSV export in the zone given") {
  testing::TempDir dir;
  // As LibreOffice writes it in a German locale: BOM, ';', CRLF, quotes where needed.
  std::string csv = dir.File("programm.csv");
  testing::WriteFile(csv,
                     "\xEF\xBB\xBFRoom;Title;Start;End;Speakers;Track;Language;URL;Notes\r\n"
                     "Main Hall;Opening address;15.10.2025 10:00;15.10.2025 10:30;"
                     "Magzum Mirzagaliyev;Plenary;kk;https://forum.example.org/1;\r\n"
                     "Hall A;\"Trade; transport and \"\"connectivity\"\"\";15.10.2025 10:40;"
                     "15.10.2025 12:00;\"Aigerim Sadykova, Jean Dupont\";Trade;en;;\"call back\r\n"
                     "later\"\r\n"
                     ";;;;;;;;\r\n"
                     "Зал Астана;Су қауіпсіздігі;16.10.2025 09:30;16.10.2025 11:00;;;kk;;\r\n");
  std::string out = dir.File("schedule.json");
  auto run = FoyerFeed({"convert", csv, "--timezone", "Asia/Almaty", "-o", out, "--title",
                        "Astana Think Tank Forum 2025"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(Contains(run.out,
                 "written from CSV, 3 sessions in 3 rooms, 2025-10-15–2025-10-16, "
                 "times in Asia/Almaty"));
  Schedule schedule = ReadSchedule(out);
  REQUIRE(schedule.sessions.size() == 3);
  CHECK(schedule.acronym == "attf2025");
  CHECK(schedule.time_zone_name == "Asia/Almaty");
  auto trade = std::find_if(schedule.sessions.begin(), schedule.sessions.end(),
                            [](const Session& s) { return s.room == "Hall A"; });
  REQUIRE(trade != schedule.sessions.end());
  CHECK(trade->title == "Trade; transport and \"connectivity\"");
  CHECK(Zone::Fixed(trade->utc_offset).FormatIso(trade->start) == "2025-10-15T10:40:00+05:00");
  CHECK(trade->end - trade->start == 80 * 60);
  CHECK(trade->speakers == std::vector<std::string>{"Aigerim Sadykova", "Jean Dupont"});
  CHECK(trade->track == "Trade");
  CHECK(trade->language == "en");

  std::string output;
  CHECK_MESSAGE(CheckSchema({out}, output) == 0, output);

  // A file named otherwise is still read as CSV by its header row.
  std::string renamed = dir.File("programm.txt");
  std::filesystem::copy_file(csv, renamed);
  CHECK(FoyerFeed({"validate", "--timezone", "Asia/Almaty", renamed}).exit_code == 0);
}

TEST_CASE("convert refuses a CSV with bad rows, naming file and line, and writes nothing") {
  testing::TempDir dir;
  std::string csv = dir.File("schedule.csv");
  testing::WriteFile(csv,
                     "room,title,start,end\n"
                     "Hall A,Fine,2025-10-15 10:00,2025-10-15 11:00\n"
                     "Hall A,Backwards,2025-10-15 10:00,2025-10-15 09:00\n"
                     "Hall A,Garbled,2025-10-15 1O:00,2025-10-15 11:00\n");
  std::string out = dir.File("schedule.json");
  auto run = FoyerFeed({"convert", csv, "--timezone", "Asia/Almaty", "-o", out});
  CHECK(run.exit_code == 2);
  CHECK(Contains(run.err, csv + ":3: end 09:00 is before start 10:00\n"));
  CHECK(Contains(run.err, csv + ":4: start (column C) \"2025-10-15 1O:00\" is not a date"));
  CHECK_FALSE(std::filesystem::exists(out));

  auto no_zone = FoyerFeed({"convert", csv, "-o", out});
  CHECK(no_zone.exit_code == 2);
  CHECK(Contains(no_zone.err, csv + ":2: start (column C) \"2025-10-15 10:00\" has no UTC offset: "
                                    "pass --timezone ZONE"));

  auto missing = dir.File("missing.csv");
  testing::WriteFile(missing, "room,title,begin,end\n");
  auto header = FoyerFeed({"convert", missing, "-o", out});
  CHECK(header.exit_code == 2);
  CHECK(Contains(header.err, missing + ":1: missing column \"start\""));

  auto zone = FoyerFeed({"convert", csv, "--timezone", "Mars/Olympus", "-o", out});
  CHECK(zone.exit_code == 2);
  CHECK(Contains(zone.err, "--timezone: unknown time zone \"Mars/Olympus\""));
}

TEST_CASE("announce creates a file, updates an entry by id, and screens read it") {
  testing::TempDir dir;
  std::string file = dir.File("announcements.json");
  auto add =
      FoyerFeed({"announce", "--text", "Coffee in the foyer", "--level", "info", "--from",
                 "2020-12-14T09:00:00+01:00", "--until", "2020-12-14T10:00:00+01:00", "-o", file});
  INFO(add.err);
  REQUIRE(add.exit_code == 0);
  CHECK(add.out == file + ": added \"coffee-in-the-foyer\"; 1 in the file\n");

  auto evacuate =
      FoyerFeed({"announce", "--id", "evacuate", "--text", "Leave the building", "--level",
                 "emergency", "--rooms", "Gray Room, Tan Room", "--from",
                 "2020-12-14T11:00:00+01:00", "--until", "2020-12-14T11:30:00+01:00", "-o", file});
  REQUIRE(evacuate.exit_code == 0);
  auto update =
      FoyerFeed({"announce", "--text", "Coffee in the foyer", "--level", "warning", "--from",
                 "2020-12-14T09:00:00+01:00", "--until", "2020-12-14T10:30:00+01:00", "-o", file});
  REQUIRE(update.exit_code == 0);
  CHECK(update.out == file + ": updated \"coffee-in-the-foyer\"; 2 in the file\n");

  auto parsed = ParseAnnouncements(testing::ReadFile(file));
  REQUIRE_MESSAGE(parsed.ok(), parsed.status().ToString());
  REQUIRE(parsed->size() == 2);
  CHECK((*parsed)[0].id == "coffee-in-the-foyer");  // replaced in place, not appended
  CHECK((*parsed)[0].level == AnnouncementLevel::kWarning);
  CHECK(FormatUtcIso((*parsed)[0].ends) == "2020-12-14T09:30:00Z");
  CHECK((*parsed)[1].rooms == std::vector<std::string>{"Gray Room", "Tan Room"});
  CHECK_FALSE(std::filesystem::exists(file + ".tmp"));

  auto list = FoyerFeed({"announce", "--list", file});
  CHECK(list.exit_code == 0);
  CHECK(Contains(list.out, "evacuate\temergency\t2020-12-14T10:00:00Z"));

  // The foyer command syncs it and shows it while it is active.
  std::string config = dir.File("screen.toml");
  testing::WriteFile(config, "[feed]\nurl = \"file://" +
                                 RealFeed("pretalx-democon-2020.schedule.json") +
                                 "\"\nannouncements_url = \"announcements.json\"\n"
                                 "[display]\nmode = \"room\"\nroom = \"Gray Room\"\n"
                                 "[cache]\npath = \"cache.db\"\n");
  REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  auto print = testing::Foyer({"--config", config, "--print", "--at", "2020-12-14T11:10:00+01:00"});
  REQUIRE(print.exit_code == 0);
  json shown = json::parse(print.out)["announcements"];
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["id"] == "evacuate");
  CHECK(shown[0]["level"] == "emergency");

  auto remove = FoyerFeed({"announce", "--remove", "evacuate", "-o", file});
  CHECK(remove.exit_code == 0);
  CHECK(ParseAnnouncements(testing::ReadFile(file))->size() == 1);
  auto again = FoyerFeed({"announce", "--remove", "evacuate", "-o", file});
  CHECK(again.exit_code == 2);
  CHECK(Contains(again.err, file + ": no announcement with id \"evacuate\""));
}

TEST_CASE("announce posts a full room with only the room and when it ends") {
  testing::TempDir dir;
  std::string file = dir.File("announcements.json");
  auto run = FoyerFeed({"announce", "--level", "full", "--room", "Hall A, upstairs", "--until",
                        "2099-12-14T12:00:00+01:00", "-o", file});
  REQUIRE(run.exit_code == 0);
  auto written = nlohmann::json::parse(testing::ReadFile(file))["announcements"];
  REQUIRE(written.size() == 1);
  CHECK(written[0]["level"] == "full");
  CHECK(written[0]["rooms"] == nlohmann::json::array({"Hall A, upstairs"}));  // one whole name
  CHECK(written[0]["text"] == "Room full");
  CHECK(written[0]["ends"] == "2099-12-14T11:00:00Z");
  auto nowhere = FoyerFeed({"announce", "--level", "full", "--until", "2099-12-14T12:00:00+01:00",
                            "-o", dir.File("other.json")});
  CHECK(nowhere.exit_code == 2);
  CHECK(Contains(nowhere.err, "--level full: name the room with --room"));
}

TEST_CASE("announce refuses a bad announcement, one problem per line, and leaves the file be") {
  testing::TempDir dir;
  std::string file = dir.File("announcements.json");
  auto run =
      FoyerFeed({"announce", "--text", "Hall B closed", "--level", "urgent", "--from",
                 "2020-12-14T11:00:00+01:00", "--until", "2020-12-14T10:00:00+01:00", "-o", file});
  CHECK(run.exit_code == 2);
  CHECK(run.err ==
        "--level: \"urgent\" is not info, warning, emergency or full\n"
        "--until: 2020-12-14T10:00:00+01:00 is not after --from 2020-12-14T11:00:00+01:00\n");
  CHECK_FALSE(std::filesystem::exists(file));

  auto no_offset = FoyerFeed({"announce", "--text", "x", "--level", "info", "--from",
                              "2020-12-14 11:00", "--until", "2020-12-14T12:00:00Z", "-o", file});
  CHECK(no_offset.exit_code == 2);
  CHECK(Contains(no_offset.err,
                 "--from: \"2020-12-14 11:00\" is not a date and time with a UTC "
                 "offset"));

  testing::WriteFile(file, "{\"announcements\": [{\"id\": 1}]}");
  auto broken = FoyerFeed({"announce", "--text", "x", "--level", "info", "--from",
                           "2020-12-14T11:00:00Z", "--until", "2020-12-14T12:00:00Z", "-o", file});
  CHECK(broken.exit_code == 2);
  CHECK(Contains(broken.err, file + ": announcements[0].id: missing or not a text"));
  CHECK(testing::ReadFile(file) == "{\"announcements\": [{\"id\": 1}]}");

  CHECK(FoyerFeed({"announce", "--text", "x", "--level", "info", "-o", file}).exit_code == 64);
}

TEST_CASE("validate names the place of each problem and exits 2") {
  testing::TempDir dir;
  std::string feed = dir.File("schedule.json");
  testing::WriteFile(feed, R"({"schedule": {"version": "1", "conference": {"title": "T",
    "days": [{"index": 1, "date": "2025-10-15", "rooms": {"Hall A": [
      {"title": "Fine", "date": "2025-10-15T10:00:00+05:00", "duration": "00:30"},
      {"title": "Broken", "date": "15.10.2025 10:00", "duration": "00:30"}]}}]}}})");
  auto run = FoyerFeed({"validate", feed});
  CHECK(run.exit_code == 2);
  CHECK(Contains(run.err, feed + ": schedule.conference.days[0].rooms[\"Hall A\"][1].date: "));

  auto good = FoyerFeed({"validate", RealFeed("frab-klimacamp2015-schedule.ics"),
                         RealFeed("indico-xdc2021-event-export.json")});
  CHECK(good.exit_code == 0);
  CHECK(Contains(good.out, "frab-klimacamp2015-schedule.ics: iCalendar, 106 sessions in 10 rooms"));
  CHECK(Contains(good.out, "indico-xdc2021-event-export.json: Indico JSON, 37 sessions"));

  // Floating local times need --timezone, and say so.
  std::string floating = dir.File("floating.ics");
  testing::WriteFile(floating,
                     "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hand//EN\r\nBEGIN:VEVENT\r\n"
                     "UID:1@example.org\r\nSUMMARY:Opening\r\nLOCATION:Main Hall\r\n"
                     "DTSTART:20251015T100000\r\nDTEND:20251015T103000\r\nEND:VEVENT\r\n"
                     "END:VCALENDAR\r\n");
  auto without = FoyerFeed({"validate", floating});
  CHECK(without.exit_code == 2);
  CHECK(Contains(without.err, "--timezone"));
  auto with = FoyerFeed({"validate", "--timezone", "Asia/Almaty", floating});
  INFO(with.err);
  CHECK(with.exit_code == 0);
  CHECK(Contains(with.out, "iCalendar, 1 sessions in 1 rooms, 2025-10-15–2025-10-15"));
}

TEST_CASE("validate accepts a 30-day session with a warning, as screens show it") {
  testing::TempDir dir;
  std::string feed = dir.File("schedule.json");
  testing::WriteFile(feed, R"({"schedule": {"version": "1", "conference": {"title": "T",
    "days": [{"index": 1, "date": "2025-10-01", "rooms": {"Hall A": [
      {"title": "Exhibition", "date": "2025-10-01T10:00:00+05:00", "duration": "720:00"}]}}]}}})");
  auto run = FoyerFeed({"validate", feed});
  CHECK(run.exit_code == 0);
  CHECK(Contains(run.err, feed +
                              ": warning: 2025-10-01, Hall A, \"Exhibition\": lasts 720 h 0 min, "
                              "more than a day"));
  CHECK(Contains(run.out, "schedule.json, 1 sessions in 1 rooms"));
}

TEST_CASE("validate refuses a feed nested 100 000 levels deep instead of crashing") {
  testing::TempDir dir;
  std::string feed = dir.File("schedule.json");
  testing::WriteFile(feed, R"({"schedule": {"conference": {"title": "T", "logo": )" +
                               std::string(100000, '[') + std::string(100000, ']') + "}}}");
  auto run = FoyerFeed({"validate", feed});
  CHECK(run.exit_code == 2);
  CHECK(Contains(run.err, "nested more than 64 levels deep at byte 112 (line 1, column 113)"));
}

TEST_CASE("validate prints each problem on a line of its own, the first fifty and a count") {
  testing::TempDir dir;
  std::string events;
  for (int i = 0; i < 60; ++i)
    events += "BEGIN:VEVENT\r\nSUMMARY:Talk " + std::to_string(i) +
              "\r\nDTSTART:20251015T100000\r\nDURATION:" + (i < 55 ? "PT1X" : "PT1H") +
              "\r\nEND:VEVENT\r\n";
  std::string feed = dir.File("talks.ics");
  testing::WriteFile(feed, "BEGIN:VCALENDAR\r\n" + events + "END:VCALENDAR\r\n");
  auto run = FoyerFeed({"validate", "--timezone", "Asia/Almaty", feed});
  CHECK(run.exit_code == 2);
  std::vector<std::string> lines;
  for (size_t begin = 0, end; (end = run.err.find('\n', begin)) != std::string::npos;
       begin = end + 1)
    lines.push_back(run.err.substr(begin, end - begin));
  REQUIRE(lines.size() == 51);
  CHECK(lines[0] == feed +
                        ": line 2: VEVENT 1 (\"Talk 0\"): DURATION: not a duration: \"PT1X\" "
                        "(expected e.g. PT30M, PT2H30M or P1D)");
  CHECK(lines[50] == feed + ": … and 5 more problems");

  // Without --timezone the floating times are one problem, and the hint ends its line.
  auto without = FoyerFeed({"validate", feed});
  CHECK(without.err == feed +
                           ": line 2: VEVENT 1 (\"Talk 0\"): DTSTART: \"20251015T100000\" is a "
                           "floating local time (no Z, no TZID, no X-WR-TIMEZONE): set "
                           "clock.timezone to the venue's time zone (and 59 more like it) "
                           "(foyer-feed: pass --timezone ZONE)\n");
}

TEST_CASE("every verb explains itself with --help, and usage errors exit 64") {
  auto top = FoyerFeed({"--help"});
  CHECK(top.exit_code == 0);
  for (const char* verb : {"validate", "convert", "announce"}) {
    INFO(verb);
    CHECK(Contains(top.out, std::string("  ") + verb));
    auto help = FoyerFeed({verb, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.rfind(std::string("usage: foyer-feed ") + verb, 0) == 0);
    CHECK(FoyerFeed({"help", verb}).out == help.out);
  }
  CHECK(Contains(FoyerFeed({"convert", "--help"}).out, "--timezone ZONE"));
  CHECK(Contains(FoyerFeed({"announce", "--help"}).out, "--level LEVEL"));
  CHECK(FoyerFeed({}).exit_code == 64);
  CHECK(FoyerFeed({"publish"}).exit_code == 64);
  CHECK(FoyerFeed({"validate"}).exit_code == 64);
  auto no_output = FoyerFeed({"convert", RealFeed("pretalx-democon-2020.schedule.json")});
  CHECK(no_output.exit_code == 64);
  CHECK(Contains(no_output.err, "no -o OUT.json given"));
  CHECK(FoyerFeed({"convert", "a.json", "-o"}).exit_code == 64);
  CHECK(FoyerFeed({"announce", "--bogus", "x"}).exit_code == 64);
}

}  // namespace
}  // namespace foyer
