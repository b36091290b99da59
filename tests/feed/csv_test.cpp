// The CSV reader on the files spreadsheets actually export: RFC 4180 quoting,
// byte order marks, CRLF, ';' separators, local times, and errors by line.
#include <doctest/doctest.h>

#include <string>

#include "base/time.h"
#include "feed/csv.h"

namespace foyer {
namespace {

Schedule Read(const std::string& csv, const Zone* zone = nullptr) {
  auto schedule = ParseCsv(csv, zone, "schedule.csv");
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

std::string ErrorOf(const std::string& csv, const Zone* zone = nullptr) {
  auto schedule = ParseCsv(csv, zone, "schedule.csv");
  REQUIRE_FALSE(schedule.ok());
  return schedule.status().message();
}

Zone Almaty() {
  auto zone = Zone::Load("Asia/Almaty");
  REQUIRE_MESSAGE(zone.ok(), zone.status().ToString());
  return *zone;
}

TEST_CASE("quoted fields keep their commas, doubled quotes and line breaks") {
  Schedule schedule = Read(
      "room,title,start,end,speakers,abstract\n"
      "Hall A,\"Trade, transport and \"\"connectivity\"\"\",2025-10-15T10:40:00+05:00,"
      "2025-10-15T12:00:00+05:00,\"Aigerim Sadykova; Jean Dupont\",\"First line\n"
      "second line, with a comma\"\n"
      "Hall B,Water security,2025-10-15T14:00:00+05:00,2025-10-15T15:00:00+05:00,,\n");
  REQUIRE(schedule.sessions.size() == 2);
  const Session& first = schedule.sessions[0];
  CHECK(first.room == "Hall A");
  CHECK(first.title == "Trade, transport and \"connectivity\"");
  CHECK(FormatUtcIso(first.start) == "2025-10-15T05:40:00Z");
  CHECK(FormatUtcIso(first.end) == "2025-10-15T07:00:00Z");
  CHECK(first.utc_offset == 5 * 3600);
  CHECK(first.speakers == std::vector<std::string>{"Aigerim Sadykova", "Jean Dupont"});
  CHECK(first.abstract == "First line\nsecond line, with a comma");
  CHECK(schedule.sessions[1].speakers.empty());
  REQUIRE(schedule.rooms.size() == 2);
  CHECK(schedule.rooms[0].name == "Hall A");
  CHECK(schedule.rooms[1].name == "Hall B");
}

TEST_CASE("a byte order mark and CRLF line ends are not part of the data") {
  Schedule schedule = Read(
      "\xEF\xBB\xBFroom,title,start,end\r\n"
      "Main Hall,Opening address,2025-10-15T10:00:00+05:00,2025-10-15T10:30:00+05:00\r\n"
      "Main Hall,\"Plenary\r\nsession\",2025-10-15T10:30:00+05:00,2025-10-15T12:00:00+05:00\r\n");
  REQUIRE(schedule.sessions.size() == 2);
  CHECK(schedule.sessions[0].room == "Main Hall");  // not "\xEF\xBB\xBFroom"'s column lost
  CHECK(schedule.sessions[0].title == "Opening address");
  CHECK(schedule.sessions[1].title == "Plenary session");  // a one-line title for screens
}

TEST_CASE(
    "a semicolon separates fields when the header uses one, and then commas separate speakers") {
  Schedule schedule = Read(
      "Room;Title;Start;End;Speakers;Track\n"
      "Hall A;Nuclear disarmament, today;2025-10-15T10:40:00+05:00;2025-10-15T12:00:00+05:00;"
      "Aigerim Sadykova, Jean Dupont | Kim Min-jun;Security\n");
  REQUIRE(schedule.sessions.size() == 1);
  CHECK(schedule.sessions[0].title == "Nuclear disarmament, today");
  CHECK(schedule.sessions[0].speakers ==
        std::vector<std::string>{"Aigerim Sadykova", "Jean Dupont", "Kim Min-jun"});
  CHECK(schedule.sessions[0].track == "Security");
}

TEST_CASE("columns come in any order and any case, and unknown columns are ignored") {
  Schedule schedule = Read(
      "Notes,END,Title,language,ROOM,url,Start\n"
      "internal only,2025-10-15T12:00:00+05:00,AI governance,en,Hall B,"
      "https://forum.example.org/ai,2025-10-15T11:00:00+05:00\n");
  REQUIRE(schedule.sessions.size() == 1);
  const Session& session = schedule.sessions[0];
  CHECK(session.title == "AI governance");
  CHECK(session.room == "Hall B");
  CHECK(session.language == "en");
  CHECK(session.url == "https://forum.example.org/ai");
  CHECK(session.end - session.start == 3600);
  CHECK(session.abstract.empty());
}

TEST_CASE("a missing column is named, on line 1") {
  CHECK(ErrorOf("room,title,begin,end\nHall A,Talk,2025-10-15T10:00:00Z,2025-10-15T11:00:00Z\n") ==
        "schedule.csv:1: missing column \"start\" (the header row needs room, title, start and "
        "end)");
  std::string both = ErrorOf("title;start\n");
  CHECK(both.find("schedule.csv:1: missing column \"room\"") != std::string::npos);
  CHECK(both.find("\nschedule.csv:1: missing column \"end\"") != std::string::npos);
  CHECK(ErrorOf("\n\n") ==
        "schedule.csv:1: empty: a CSV schedule starts with a header row naming "
        "room, title, start and end");
}

TEST_CASE("local times are read in the zone given, in every way spreadsheets write them") {
  Zone almaty = Almaty();
  Schedule schedule = Read(
      "room,title,start,end\n"
      "Hall A,ISO with a space,2025-10-15 10:40,2025-10-15 12:00\n"
      "Hall A,ISO with a T,2025-10-15T13:00,2025-10-15T14:30:00\n"
      "Hall A,German style,15.10.2025 15:00,15.10.2025 16:00\n"
      "Hall A,Bare end time,16.10.2025 9:30,11:00\n",
      &almaty);
  REQUIRE(schedule.sessions.size() == 4);
  auto local = [&](UnixSeconds at) { return almaty.FormatIso(at); };
  CHECK(local(schedule.sessions[0].start) == "2025-10-15T10:40:00+05:00");
  CHECK(local(schedule.sessions[0].end) == "2025-10-15T12:00:00+05:00");
  CHECK(schedule.sessions[0].utc_offset == 5 * 3600);
  CHECK(local(schedule.sessions[1].start) == "2025-10-15T13:00:00+05:00");
  CHECK(local(schedule.sessions[1].end) == "2025-10-15T14:30:00+05:00");
  CHECK(local(schedule.sessions[2].start) == "2025-10-15T15:00:00+05:00");
  CHECK(local(schedule.sessions[3].start) == "2025-10-16T09:30:00+05:00");
  CHECK(local(schedule.sessions[3].end) == "2025-10-16T11:00:00+05:00");
  CHECK(schedule.time_zone_name == "Asia/Almaty");

  // Summer time is the zone's business: Berlin is +02:00 in August, +01:00 in December.
  auto berlin = Zone::Load("Europe/Berlin");
  REQUIRE(berlin.ok());
  Schedule two = Read(
      "room,title,start,end\n"
      "Zelt,Summer,2015-08-12 16:00,2015-08-12 17:30\n"
      "Zelt,Winter,2015-12-12 16:00,2015-12-12 17:30\n",
      &*berlin);
  CHECK(two.sessions[0].utc_offset == 2 * 3600);
  CHECK(two.sessions[1].utc_offset == 1 * 3600);
  CHECK(FormatUtcIso(two.sessions[0].start) == "2015-08-12T14:00:00Z");
}

TEST_CASE("a local time without a zone says to pass --timezone, once") {
  std::string message = ErrorOf(
      "room,title,start,end\n"
      "Hall A,One,2025-10-15 10:40,2025-10-15 12:00\n"
      "Hall A,Two,2025-10-15 13:00,2025-10-15 14:00\n");
  CHECK(message.find("schedule.csv:2: start (column C) \"2025-10-15 10:40\" has no UTC offset: "
                     "pass --timezone ZONE") == 0);
  CHECK(message.find("schedule.csv:3") == std::string::npos);  // the same fix: said once
}

TEST_CASE("bad times name their line, counting the line breaks inside quoted fields") {
  Zone almaty = Almaty();
  std::string message = ErrorOf(
      "room,title,start,end,abstract\n"                                 // line 1
      "Hall A,Fine,2025-10-15 10:00,2025-10-15 11:00,\"two\nlines\"\n"  // lines 2-3
      "Hall A,Backwards,2025-10-15 10:00,2025-10-15 09:00,\n"           // line 4
      "Hall A,Bad hour,15.10.2025 25:00,15.10.2025 26:00,\n"            // line 5
      "\n"                                                              // line 6
      "Hall A,No end,2025-10-15 10:00,,\n"                              // line 7
      ",No room,2025-10-15 10:00,2025-10-15 11:00,\n"                   // line 8
      "Hall A,Overnight,2025-10-15 23:00,2025-10-14 01:00,\n",          // line 9
      &almaty);
  CHECK(message ==
        "schedule.csv:4: end 09:00 is before start 10:00\n"
        "schedule.csv:5: start (column C) \"15.10.2025 25:00\" is not a date and time (write "
        "2025-10-15 10:40, 15.10.2025 10:40 or 2025-10-15T10:40:00+05:00)\n"
        "schedule.csv:7: end (column D) is empty\n"
        "schedule.csv:8: room (column A) is empty\n"
        "schedule.csv:9: end 2025-10-14 01:00 is before start 2025-10-15 23:00");
}

TEST_CASE("a quoted field that never closes is reported where it opens") {
  CHECK(ErrorOf("room,title,start,end\n"
                "Hall A,Fine,2025-10-15T10:00:00Z,2025-10-15T11:00:00Z\n"
                "Hall A,\"Unclosed,2025-10-15T10:00:00Z,2025-10-15T11:00:00Z\n"
                "Hall B,Lost,2025-10-15T10:00:00Z,2025-10-15T11:00:00Z\n") ==
        "schedule.csv:3: a quoted field starts here and never ends (a missing '\"'?)");
}

TEST_CASE("a spreadsheet saved in a legacy encoding is refused at the line it breaks") {
  CHECK(
      ErrorOf("room,title,start,end\nHall A,Caf\xE9,2025-10-15T10:00:00Z,2025-10-15T11:00:00Z\n") ==
      "schedule.csv:2: not UTF-8 (save the spreadsheet as \"CSV UTF-8\")");
}

TEST_CASE("blank rows and short rows are fine, and messages without a file name say line N") {
  Schedule schedule = Read(
      "room,title,start,end,track\n"
      ",,,,\n"
      "Hall A,Short row,2025-10-15T10:00:00Z,2025-10-15T11:00:00Z\n"
      "   \n");
  REQUIRE(schedule.sessions.size() == 1);
  CHECK(schedule.sessions[0].track.empty());
  Schedule late_header =
      Read("\r\n\r\nroom;title;start;end\r\nHall A;T;2025-10-15T10:00Z;2025-10-15T11:00Z\r\n");
  CHECK(late_header.sessions.size() == 1);
  auto unnamed = ParseCsv("room,title,start\n", nullptr);
  REQUIRE_FALSE(unnamed.ok());
  CHECK(unnamed.status().message().rfind("line 1: missing column \"end\"", 0) == 0);
}

TEST_CASE("a header row is recognised without a .csv name") {
  CHECK(LooksLikeCsvSchedule("room,title,start,end\nHall A,x,y,z\n"));
  CHECK(LooksLikeCsvSchedule("\xEF\xBB\xBF\"Title\";\"Start\";\"Room\";\"End\"\r\n"));
  CHECK_FALSE(LooksLikeCsvSchedule("{\"schedule\": {}}"));
  CHECK_FALSE(LooksLikeCsvSchedule("BEGIN:VCALENDAR\r\n"));
  CHECK_FALSE(LooksLikeCsvSchedule("name,email\nA,b\n"));
}

}  // namespace
}  // namespace foyer

namespace foyer {
namespace {

TEST_CASE("an end without an offset is in the offset its start was written with") {
  // Found by fuzz_csv: the bare end time was read in --timezone, so in Berlin
  // this row became a 3 h 50 min session (10:40Z to 11:30 CET) without a word.
  auto berlin = Zone::Load("Europe/Berlin");
  REQUIRE(berlin.ok());
  for (const char* end : {"11:30", "2025-10-15 11:30", "15.10.2025 11:30"}) {
    CAPTURE(end);
    std::string csv = std::string("room,title,start,end\nHall B,Water security,") +
                      "2025-10-15T10:40:00+05:00," + end + "\n";
    const Zone* berlin_zone = &*berlin;
    for (const Zone* zone : {static_cast<const Zone*>(nullptr), berlin_zone}) {
      auto schedule = ParseCsv(csv, zone);
      REQUIRE(schedule.ok());
      const Session& session = schedule->sessions.at(0);
      CHECK(session.start == 1760506800);  // 2025-10-15 05:40 UTC
      CHECK(session.end - session.start == 50 * 60);
      CHECK(session.utc_offset == 5 * 3600);
    }
  }
  // Without an offset on the start, --timezone still decides both.
  auto local = ParseCsv("room,title,start,end\nSaal 1,Keynote,2025-10-15 10:40,11:30\n", &*berlin);
  REQUIRE(local.ok());
  CHECK(local->sessions[0].start == 1760517600);  // 10:40 CEST = 08:40 UTC
  CHECK(local->sessions[0].utc_offset == 2 * 3600);
  CHECK(local->sessions[0].end - local->sessions[0].start == 50 * 60);
}

}  // namespace
}  // namespace foyer
