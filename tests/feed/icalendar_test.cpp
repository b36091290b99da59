#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "base/time.h"
#include "feed/feed.h"
#include "feed/recurrence.h"
#include "feed/validate.h"
#include "support/files.h"

namespace foyer {
namespace {

using testing::ReadFile;
using testing::RealFeed;

Schedule LoadReal(const std::string& name, const FeedOptions& options = {}) {
  auto schedule = ParseICalendar(ReadFile(RealFeed(name)), options);
  INFO(name);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

Schedule Parse(const std::string& ics, const FeedOptions& options = {}) {
  auto schedule = ParseICalendar(ics, options);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

// Parses an iCalendar the test expects to fail; returns the message.
std::string ErrorOf(const std::string& ics, const FeedOptions& options = {}) {
  auto schedule = ParseICalendar(ics, options);
  REQUIRE_FALSE(schedule.ok());
  return schedule.status().message();
}

// A calendar around `body` (VEVENTs and the like), with CRLF line ends.
std::string Calendar(const std::string& body) {
  std::string text =
      "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//foyer//test//EN\n" + body + "END:VCALENDAR\n";
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return crlf;
}

// A calendar with one VEVENT holding `properties` (one per line).
std::string OneEvent(const std::string& properties) {
  return Calendar("BEGIN:VEVENT\nUID:u1\nSUMMARY:Talk\n" + properties + "END:VEVENT\n");
}

const Session& SessionTitled(const Schedule& schedule, const std::string& title) {
  auto it = std::find_if(schedule.sessions.begin(), schedule.sessions.end(),
                         [&](const Session& s) { return s.title == title; });
  REQUIRE_MESSAGE(it != schedule.sessions.end(), "no session titled " << title);
  return *it;
}

size_t RoomsWithSessions(const Schedule& schedule) {
  std::set<std::string> rooms;
  for (const Session& session : schedule.sessions) rooms.insert(session.room);
  return rooms.size();
}

std::string LocalIso(const Session& session, UnixSeconds instant) {
  return Zone::Fixed(session.utc_offset).FormatIso(instant);
}

std::vector<std::string> RoomNames(const Schedule& schedule) {
  std::vector<std::string> names;
  for (const Room& room : schedule.rooms) names.push_back(room.name);
  return names;
}

TEST_CASE("every real iCalendar feed imports with the event and room counts of SOURCES.md") {
  struct Expected {
    const char* file;
    size_t events, rooms, untitled;
  };
  for (const Expected& expected : {
           Expected{"frab-klimacamp2015-schedule.ics", 106, 10, 0},
           // 4 VEVENTs have an empty SUMMARY, which validation reports.
           Expected{"pyconuk-2015-schedule.ics", 162, 11, 4},
           Expected{"inpycon-2021-schedule.ics", 60, 5, 0},  // Track 1 to 4, and Main
           Expected{"moca-2024-schedule.ics", 88, 4, 0},
       }) {
    INFO(std::string(expected.file));
    Schedule schedule = LoadReal(expected.file);
    CHECK(schedule.sessions.size() == expected.events);
    CHECK(RoomsWithSessions(schedule) == expected.rooms);
    CHECK(schedule.rooms.size() == expected.rooms);
    size_t untitled = 0;
    for (const Problem& problem : ValidateSchedule(schedule)) {
      if (problem.message == "has no title" && ++untitled <= expected.untitled) continue;
      FAIL_CHECK(problem.place << ": " << problem.message);
    }
    CHECK(untitled == expected.untitled);
    auto detected = ParseFeed(ReadFile(RealFeed(expected.file)));
    REQUIRE_MESSAGE(detected.ok(), detected.status().ToString());
    CHECK(detected->sessions.size() == expected.events);
  }
}

TEST_CASE("the klimacamp iCalendar export holds the same sessions as its schedule.json") {
  // Both files come from one frab export. Every session matches on title
  // (whitespace collapsed), room, start and end: no known difference needs excusing.
  auto json = ParseScheduleJson(ReadFile(RealFeed("frab-klimacamp2015.schedule.json")));
  REQUIRE(json.ok());
  Schedule ics = LoadReal("frab-klimacamp2015-schedule.ics");
  using Key = std::tuple<std::string, std::string, UnixSeconds, UnixSeconds>;
  std::multiset<Key> from_json, from_ics;
  for (const Session& s : json->sessions) from_json.insert({s.title, s.room, s.start, s.end});
  for (const Session& s : ics.sessions) from_ics.insert({s.title, s.room, s.start, s.end});
  CHECK(ics.sessions.size() == json->sessions.size());
  std::vector<Key> only_json, only_ics;
  std::set_difference(from_json.begin(), from_json.end(), from_ics.begin(), from_ics.end(),
                      std::back_inserter(only_json));
  std::set_difference(from_ics.begin(), from_ics.end(), from_json.begin(), from_json.end(),
                      std::back_inserter(only_ics));
  for (const Key& key : only_json) FAIL_CHECK("only in schedule.json: " << std::get<0>(key));
  for (const Key& key : only_ics) FAIL_CHECK("only in the .ics: " << std::get<0>(key));
  // The offsets agree too: +02:00 in the JSON, Europe/Berlin summer time in the .ics.
  CHECK(ics.sessions.front().utc_offset == 2 * 3600);
}

TEST_CASE("a TZID time is read in its IANA zone, with the VTIMEZONE's TZID parameter ignored") {
  Schedule schedule = LoadReal("frab-klimacamp2015-schedule.ics");
  CHECK(schedule.time_zone_name == "Europe/Berlin");  // from the TZIDs: no X-WR-TIMEZONE
  const Session& first = schedule.sessions.front();
  CHECK(first.title == "Coal kills - body and soul");  // " Coal kills…": the space trimmed
  CHECK(first.room == "Zelt Klima, Kohle & Co2");      // "Zelt Klima\, Kohle & Co2"
  CHECK(LocalIso(first, first.start) == "2015-08-12T16:00:00+02:00");
  CHECK(LocalIso(first, first.end) == "2015-08-12T17:30:00+02:00");
  CHECK(first.url == "2015/events/70.html");  // relative, kept as is
  CHECK(first.guid == "f96a63bd-0b6d-4439-b187-375eb5bb965a@localhost");
  CHECK(first.speakers.empty());  // ORGANIZER:kc2015 has no CN
  // Unfolded across LF-ended continuation lines, escapes undone, UTF-8 intact.
  CHECK(first.abstract.find("mehr darüber wissen, wie perfide unser Körper angegriffen wird") !=
        std::string::npos);
  CHECK(first.abstract.find("eider komplettiert.\nViele Menschen") != std::string::npos);
  CHECK(RoomNames(schedule).front() == "Zelt Klima, Kohle & Co2");  // first seen, first listed
}

TEST_CASE("UTC times, folded UIDs and escaped commas read as pyconuk wrote them") {
  Schedule schedule = LoadReal("pyconuk-2015-schedule.ics");
  CHECK(schedule.title == "PyCon UK 2015 Schedule");
  CHECK(schedule.time_zone_name.empty());
  const Session& first = schedule.sessions.front();
  CHECK(first.guid == "20150919T102825Z-31048@testing-worker-linux-docker-88763661-3190-linux-7");
  CHECK(FormatUtcIso(first.start) == "2015-09-18T07:00:00Z");
  CHECK(FormatUtcIso(first.end) == "2015-09-18T08:30:00Z");
  CHECK(first.utc_offset == 0);
  CHECK(first.room == "Cafeteria");
  CHECK(SessionTitled(schedule, "Keynote: Van Lindberg, PSF Chair").room ==
        "PythonAnywhere Room (CC1.3)");
  CHECK(SessionTitled(schedule, "Understanding PyPy (talk by Francisco Fernández Castaño)").start >
        0);
  // The rooms in the order the feed first names them.
  CHECK(RoomNames(schedule)[0] == "Cafeteria");
  CHECK(RoomNames(schedule)[1] == "PythonAnywhere Room (CC1.3)");
}

TEST_CASE("an event without DTEND or DURATION lasts an hour, or until its room's next session") {
  Schedule schedule = LoadReal("pyconuk-2015-schedule.ics");
  for (const char* title : {"The Friday Night Charity Social in memory of John Pinner",
                            "The PyCon UK Dinner (Ticket required)", "Alt Party (TBA)",
                            "The Mellow Night", "End of Conference, pack up, see you in 2016!"}) {
    INFO(title);
    const Session& open = SessionTitled(schedule, title);
    CHECK(open.end - open.start == 3600);
  }
  CHECK(FormatUtcIso(SessionTitled(schedule, "The Mellow Night").start) == "2015-09-20T18:30:00Z");

  Schedule cut = Parse(
      Calendar("BEGIN:VEVENT\nSUMMARY:Party\nLOCATION:Hall\nDTSTART:20250101T180000Z\nEND:VEVENT\n"
               "BEGIN:VEVENT\nSUMMARY:Quiz\nLOCATION:Hall\nDTSTART:20250101T184500Z\n"
               "DTEND:20250101T200000Z\nEND:VEVENT\n"
               "BEGIN:VEVENT\nSUMMARY:Elsewhere\nLOCATION:Yard\nDTSTART:20250101T181000Z\n"
               "DTEND:20250101T200000Z\nEND:VEVENT\n"));
  CHECK(cut.sessions[0].end - cut.sessions[0].start == 45 * 60);  // the quiz, not the yard
}

TEST_CASE("DURATION stands in for DTEND, in every form RFC 5545 allows") {
  Schedule inpycon = LoadReal("inpycon-2021-schedule.ics");
  const Session& workshop =
      SessionTitled(inpycon, "Introduction to Property-Based Testing - Zac Hatfield-Dodds");
  CHECK(FormatUtcIso(workshop.start) == "2021-09-17T10:00:00Z");
  CHECK(workshop.end - workshop.start == 2 * 3600 + 30 * 60);  // PT2H30M
  const Session& talk =
      SessionTitled(inpycon, "No Code Platform powered by Python & Django - Bhagvan Kommadi");
  CHECK(talk.end - talk.start == 30 * 60);  // PT30M

  struct Case {
    const char* duration;
    UnixSeconds seconds;
  };
  for (const Case& c :
       {Case{"PT30M", 1800}, Case{"PT2H30M", 9000}, Case{"PT1H30M15S", 5415}, Case{"P1D", 86400},
        Case{"P1W", 7 * 86400}, Case{"P1DT2H", 93600}, Case{"+PT5M", 300}, Case{"pt45m", 2700},
        Case{"-PT15M", -900}, Case{" PT0S", 0}}) {
    INFO(c.duration);
    Schedule schedule =
        Parse(OneEvent(std::string("DTSTART:20250101T100000Z\nDURATION:") + c.duration + "\n"));
    CHECK(schedule.sessions[0].end - schedule.sessions[0].start == c.seconds);
  }
  for (const char* bad : {"soon", "P", "PT", "PT5", "1H", "P5H"}) {
    INFO(bad);
    std::string message =
        ErrorOf(OneEvent(std::string("DTSTART:20250101T100000Z\nDURATION:") + bad + "\n"));
    CHECK(message.find("DURATION: not a duration") != std::string::npos);
    CHECK(message.find("VEVENT 1 (\"Talk\", UID u1)") != std::string::npos);
  }
}

TEST_CASE("inpycon's rooms come from the Track line of the description; keynotes are Main") {
  Schedule schedule = LoadReal("inpycon-2021-schedule.ics");
  std::vector<std::string> names = RoomNames(schedule);
  std::set<std::string> rooms(names.begin(), names.end());
  CHECK(rooms == std::set<std::string>{"Track 1", "Track 2", "Track 3", "Track 4", "Main"});
  const Session& talk =
      SessionTitled(schedule, "No Code Platform powered by Python & Django - Bhagvan Kommadi");
  CHECK(talk.room == "Track 4");
  CHECK(talk.speakers == std::vector<std::string>{"Bhagvan Kommadi"});
  CHECK(talk.url ==
        "https://in.pycon.org/cfp/2021/proposals/no-code-platform-powered-by-python-django~eXDQA/");
  const Session& keynote = SessionTitled(schedule, "Keynote - Luciano Ramalho");
  CHECK(keynote.room == "Main");
  CHECK(keynote.end - keynote.start == 3600);  // PT1H
  CHECK(SessionTitled(schedule, "Getting Kafka-esque with Python - Dipen Chawla, Devesh Bajaj")
            .speakers == std::vector<std::string>{"Dipen Chawla", "Devesh Bajaj"});
  // The longest line (351 octets, not folded) is read whole.
  CHECK(std::any_of(schedule.sessions.begin(), schedule.sessions.end(),
                    [](const Session& s) { return s.abstract.size() > 250; }));
}

TEST_CASE("moca's stray spaces, bogus lines and repeated UIDs are read as meant") {
  Schedule schedule = LoadReal("moca-2024-schedule.ics");
  std::vector<std::string> names = RoomNames(schedule);
  std::set<std::string> rooms(names.begin(), names.end());
  CHECK(rooms == std::set<std::string>{"XOR", "MOV", "FreeKevin", "MOKids"});  // "LOCATION: XOR"
  CHECK(schedule.time_zone_name.empty());  // "VTIMEZONE: Europe/Rome" is no property we know
  const Session& forensics =
      SessionTitled(schedule, "Digital Forensics ed investigazioni digitali");
  CHECK(forensics.room == "MOV");
  CHECK(forensics.speakers == std::vector<std::string>{"Luca Mercatanti"});  // ORGANIZER;CN=
  CHECK(FormatUtcIso(forensics.start) == "2024-09-15T11:00:00Z");
  CHECK(forensics.abstract.rfind("Nel corso della presentazione", 0) == 0);
  CHECK(SessionTitled(schedule, "Closing ceremony").abstract.empty());  // "DESCRIPTION: "
  // Only 5 distinct UIDs: every VEVENT is still its own session.
  std::set<std::string> uids;
  for (const Session& s : schedule.sessions) uids.insert(s.guid);
  CHECK(uids.size() == 5);
  CHECK(std::count_if(schedule.sessions.begin(), schedule.sessions.end(),
                      [](const Session& s) { return s.guid == "46939"; }) > 1);
  // One line is 3242 octets long, unfolded.
  CHECK(std::any_of(schedule.sessions.begin(), schedule.sessions.end(),
                    [](const Session& s) { return s.abstract.size() > 3000; }));
}

TEST_CASE("folded lines unfold with CRLF, LF or CR endings and space or tab indents") {
  std::string lf =
      "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:A long\n  title\nLOCA\n\tTION:Hall\n  A\n"
      "DTSTART:20250101T100000Z\nDTEND:20250101T110000Z\nEND:VEVENT\nEND:VCALENDAR";  // no final LF
  for (const std::string& ending : {std::string("\n"), std::string("\r\n"), std::string("\r")}) {
    std::string text;
    for (char c : lf) text += c == '\n' ? ending : std::string(1, c);
    auto schedule = ParseICalendar(text);
    REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
    REQUIRE(schedule->sessions.size() == 1);
    CHECK(schedule->sessions[0].title == "A long title");
    CHECK(schedule->sessions[0].room == "Hall A");
  }

  // Thousands of octets, folded every 74 (CRLF-space) or not folded at all.
  std::string long_text;
  for (int i = 0; i < 600; ++i) long_text += "Ünfolded " + std::to_string(i) + " ";
  long_text.pop_back();
  std::string folded;
  for (size_t i = 0; i < long_text.size(); i += 74) folded += "\n " + long_text.substr(i, 74);
  Schedule schedule = Parse(OneEvent("DTSTART:20250101T100000Z\nDESCRIPTION:" + folded.substr(2) +
                                     "\nLOCATION:" + long_text + "\n"));
  CHECK(schedule.sessions[0].abstract == long_text);
  CHECK(schedule.sessions[0].room == long_text);
}

TEST_CASE("property names are case-insensitive, parameters may be quoted, text is unescaped") {
  Schedule schedule =
      Parse(Calendar("begin:vevent\n"
                     "dtstart;value=date-time:20250101T100000Z\n"
                     "Dtend:20250101T110000Z\n"
                     "summary;LANGUAGE=en:Trust\\, power\\; and \\\"law\\\"\\nin one\\\\two\n"
                     "LOCATION;ALTREP=\"http://example.org/a;b:c\":Hall A\\, east wing\n"
                     "ORGANIZER;CN=\"Aigerim, Dr.\";ROLE=CHAIR:mailto:a@example.org\n"
                     "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Bauyrzhan ^'Baur^' N.:mailto:b@example.org\n"
                     "ATTENDEE;CN=Aigerim, Dr.:mailto:a@example.org\n"
                     "ATTENDEE:mailto:nobody@example.org\n"
                     "DESCRIPTION:First\\nSecond\\NThird\\,\n"
                     "URL:https://example.org/talk\n"
                     "CATEGORIES:Security,Policy\n"
                     "End:VEvent\n"));
  const Session& session = schedule.sessions[0];
  CHECK(session.title == "Trust, power; and \"law\" in one\\two");
  CHECK(session.room == "Hall A, east wing");
  CHECK(session.speakers == std::vector<std::string>{"Aigerim, Dr.", "Bauyrzhan \"Baur\" N."});
  CHECK(session.abstract == "First\nSecond\nThird,");
  CHECK(session.url == "https://example.org/talk");
  CHECK(session.track == "Security,Policy");
  CHECK(session.end - session.start == 3600);
}

TEST_CASE("garbage lines, unknown components and alarms leave the events alone") {
  Schedule schedule = Parse(
      Calendar("VTIMEZONE: Europe/Rome\n"
               "this line is no property\n"
               ":no name\n"
               "X-BROKEN;PARAM=\"unterminated:value\n"
               "\n"
               "BEGIN:VTODO\nSUMMARY:Not an event\nDTSTART:20250101T000000Z\nEND:VTODO\n"
               "BEGIN:VEVENT\nSUMMARY:Talk\nDTSTART:20250101T100000Z\nDTEND:20250101T110000Z\n"
               "\x01\x02garbage\n"
               "BEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:Reminder\nDURATION:PT5M\nTRIGGER:-PT10M\n"
               "END:VALARM\n"
               "END:VEVENT\n"
               "END:NOTHING\n"));
  REQUIRE(schedule.sessions.size() == 1);
  CHECK(schedule.sessions[0].title == "Talk");
  CHECK(schedule.sessions[0].abstract.empty());  // the alarm's DESCRIPTION is the alarm's
  CHECK(schedule.sessions[0].end - schedule.sessions[0].start == 3600);
  CHECK(schedule.sessions[0].room == "Main");  // no LOCATION, no Track line
}

TEST_CASE("slices and mangled copies of a real feed never crash the parser") {
  std::string bytes = ReadFile(RealFeed("pyconuk-2015-schedule.ics"));
  for (size_t length = 0; length < bytes.size(); length += 457) {
    auto schedule = ParseICalendar(std::string_view(bytes).substr(0, length));
    if (schedule.ok()) CHECK(schedule->sessions.size() <= 162);
  }
  std::string mangled = bytes;
  for (size_t i = 7; i < mangled.size(); i += 61) mangled[i] = "\n:;\" \\"[i % 6];
  (void)ParseICalendar(mangled);
}

TEST_CASE("an empty calendar parses to no sessions") {
  Schedule schedule = Parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
  CHECK(schedule.sessions.empty());
  CHECK(schedule.rooms.empty());
  CHECK(ValidateSchedule(schedule).size() == 1);  // "has no sessions"
}

TEST_CASE("a feed cut short, or no calendar at all, is refused") {
  std::string whole = OneEvent("DTSTART:20250101T100000Z\n");
  std::string inside_event = whole.substr(0, whole.find("END:VEVENT"));
  CHECK(ErrorOf(inside_event).find("line 4: VEVENT 1 never ends") == 0);
  std::string after_event = whole.substr(0, whole.find("END:VCALENDAR"));
  CHECK(ErrorOf(after_event).find("without END:VCALENDAR") != std::string::npos);
  CHECK(ErrorOf("BEGIN:VEVENT\nEND:VEVENT\n").find("no BEGIN:VCALENDAR") != std::string::npos);
  CHECK(ErrorOf("").find("no BEGIN:VCALENDAR") != std::string::npos);
  std::string latin1 = OneEvent("DTSTART:20250101T100000Z\nLOCATION:Caf\xE9\n");
  CHECK(ErrorOf(latin1) ==
        "line 8: not UTF-8: invalid byte sequence at octet 13 of the (unfolded) line");
}

TEST_CASE("a VEVENT without DTSTART is refused, naming its line, SUMMARY and UID") {
  std::string ics = Calendar(
      "BEGIN:VEVENT\nSUMMARY:Fine\nDTSTART:20250101T100000Z\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:abc@example.org\nSUMMARY:Opening address\nLOCATION:Hall A\nEND:VEVENT\n");
  CHECK(ErrorOf(ics) ==
        "line 8: VEVENT 2 (\"Opening address\", UID abc@example.org): DTSTART: missing: the event "
        "cannot be placed in time");
  CHECK(ErrorOf(Calendar("BEGIN:VEVENT\nEND:VEVENT\n")).find("line 4: VEVENT 1: DTSTART") == 0);
  CHECK(ErrorOf(OneEvent("DTSTART:2025-13-45\n")).find("DTSTART: not a date and time") !=
        std::string::npos);
  CHECK(ErrorOf(OneEvent("DTSTART:20250101T100000Z\nDTEND:tomorrow\n"))
            .find("VEVENT 1 (\"Talk\", UID u1): DTEND: not a date and time: \"tomorrow\"") !=
        std::string::npos);
}

TEST_CASE("floating local times need clock.timezone, or the calendar's X-WR-TIMEZONE") {
  std::string floating = OneEvent("DTSTART:20251015T104000\nDTEND:20251015T113000\n");
  std::string message = ErrorOf(floating);
  CHECK(message.find("DTSTART: \"20251015T104000\" is a floating local time") != std::string::npos);
  CHECK(message.find("set clock.timezone") != std::string::npos);

  auto almaty = Zone::Load("Asia/Almaty");
  REQUIRE(almaty.ok());
  FeedOptions options;
  options.floating_zone = &*almaty;
  Schedule schedule = Parse(floating, options);
  CHECK(Zone::Fixed(schedule.sessions[0].utc_offset).FormatIso(schedule.sessions[0].start) ==
        "2025-10-15T10:40:00+05:00");
  CHECK(schedule.sessions[0].end - schedule.sessions[0].start == 50 * 60);

  std::string declared = Calendar(
      "X-WR-TIMEZONE:Europe/Berlin\nX-WR-CALNAME:Forum\nBEGIN:VEVENT\nSUMMARY:T\n"
      "DTSTART:20250115T090000\nDTEND:20250715T090000\nEND:VEVENT\n");
  Schedule berlin = Parse(declared);
  CHECK(berlin.title == "Forum");
  CHECK(berlin.time_zone_name == "Europe/Berlin");
  CHECK(FormatUtcIso(berlin.sessions[0].start) == "2025-01-15T08:00:00Z");
  CHECK(FormatUtcIso(berlin.sessions[0].end) == "2025-07-15T07:00:00Z");
  // clock.timezone, the screen's own location, comes first.
  CHECK(FormatUtcIso(Parse(declared, options).sessions[0].start) == "2025-01-15T04:00:00Z");
}

TEST_CASE("UTC, offset and TZID times each land on the same instant") {
  for (const char* dtstart :
       {"DTSTART:20251015T054000Z", "DTSTART:2025-10-15T10:40:00+05:00",
        "DTSTART;TZID=Asia/Almaty:20251015T104000", "DTSTART;TZID=\"Asia/Almaty\":20251015T1040",
        "DTSTART;TZID=/mozilla.org/20050126_1/Asia/Almaty:20251015T104000",
        "DTSTART;VALUE=DATE-TIME;TZID=Asia/Almaty:20251015T104000"}) {
    INFO(dtstart);
    Schedule schedule = Parse(OneEvent(std::string(dtstart) + "\n"));
    CHECK(FormatUtcIso(schedule.sessions[0].start) == "2025-10-15T05:40:00Z");
  }
  Schedule zoned = Parse(OneEvent("DTSTART;TZID=Asia/Almaty:20251015T104000\n"));
  CHECK(zoned.sessions[0].utc_offset == 5 * 3600);
  CHECK(zoned.time_zone_name == "Asia/Almaty");
}

TEST_CASE("a TZID that is no IANA zone is read by the feed's VTIMEZONE") {
  std::string ics = Calendar(
      "BEGIN:VEVENT\nSUMMARY:Winter\nDTSTART;TZID=W. Europe Standard Time:20250115T090000\n"
      "DTEND;TZID=W. Europe Standard Time:20250115T100000\nEND:VEVENT\n"
      "BEGIN:VEVENT\nSUMMARY:Summer\nDTSTART;TZID=W. Europe Standard Time:20250715T090000\n"
      "DURATION:PT1H\nEND:VEVENT\n"
      "BEGIN:VEVENT\nSUMMARY:Night of the change\n"
      "DTSTART;TZID=W. Europe Standard Time:20250330T040000\nDURATION:PT1H\nEND:VEVENT\n"
      // Outlook writes the VTIMEZONE after or before the events; after, here.
      "BEGIN:VTIMEZONE\nTZID:W. Europe Standard Time\n"
      "BEGIN:STANDARD\nDTSTART:16010101T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n"
      "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\nEND:STANDARD\n"
      "BEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n"
      "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\nEND:DAYLIGHT\n"
      "END:VTIMEZONE\n");
  Schedule schedule = Parse(ics);
  CHECK(FormatUtcIso(SessionTitled(schedule, "Winter").start) == "2025-01-15T08:00:00Z");
  CHECK(SessionTitled(schedule, "Winter").utc_offset == 3600);
  CHECK(FormatUtcIso(SessionTitled(schedule, "Summer").start) == "2025-07-15T07:00:00Z");
  CHECK(SessionTitled(schedule, "Summer").utc_offset == 7200);
  // 2025-03-30 is the last Sunday of March: 04:00 is already summer time.
  CHECK(FormatUtcIso(SessionTitled(schedule, "Night of the change").start) ==
        "2025-03-30T02:00:00Z");
  CHECK(schedule.time_zone_name.empty());  // no IANA name to give

  std::string fixed = Calendar(
      "BEGIN:VTIMEZONE\nTZID:Venue time\nBEGIN:STANDARD\nDTSTART:19700101T000000\n"
      "TZOFFSETFROM:+0500\nTZOFFSETTO:+0500\nEND:STANDARD\nEND:VTIMEZONE\n"
      "BEGIN:VEVENT\nSUMMARY:T\nDTSTART;TZID=Venue time:20251015T104000\nEND:VEVENT\n");
  CHECK(FormatUtcIso(Parse(fixed).sessions[0].start) == "2025-10-15T05:40:00Z");
}

TEST_CASE("a TZID that nothing defines is refused, naming the event and the TZID") {
  std::string message = ErrorOf(OneEvent("DTSTART;TZID=Mars/Olympus_Mons:20250101T100000\n"));
  CHECK(message ==
        "line 4: VEVENT 1 (\"Talk\", UID u1): DTSTART: TZID \"Mars/Olympus_Mons\": unknown time "
        "zone (not an IANA zone name, and no VTIMEZONE in the feed defines it)");
  // A TZID on a UTC time is moot.
  CHECK(Parse(OneEvent("DTSTART;TZID=Mars/Olympus_Mons:20250101T100000Z\n")).sessions.size() == 1);
}

TEST_CASE("an all-day event runs from the start of its day to the start of the next") {
  auto almaty = Zone::Load("Asia/Almaty");
  REQUIRE(almaty.ok());
  FeedOptions options;
  options.floating_zone = &*almaty;
  Schedule schedule = Parse(
      Calendar("BEGIN:VEVENT\nSUMMARY:Day one\nDTSTART;VALUE=DATE:20251015\nEND:VEVENT\n"
               "BEGIN:VEVENT\nSUMMARY:Both days\nDTSTART;VALUE=DATE:20251015\n"
               "DTEND;VALUE=DATE:20251017\nEND:VEVENT\n"
               "BEGIN:VEVENT\nSUMMARY:Two days\nDTSTART:20251015\nDURATION:P2D\nEND:VEVENT\n"),
      options);
  const Session& one = SessionTitled(schedule, "Day one");
  CHECK(almaty->FormatIso(one.start) == "2025-10-15T00:00:00+05:00");
  CHECK(almaty->FormatIso(one.end) == "2025-10-16T00:00:00+05:00");
  CHECK(SessionTitled(schedule, "Both days").end - SessionTitled(schedule, "Both days").start ==
        2 * 86400);
  CHECK(SessionTitled(schedule, "Two days").end - SessionTitled(schedule, "Two days").start ==
        2 * 86400);
  CHECK(ErrorOf(OneEvent("DTSTART;VALUE=DATE:20251015\n"))
            .find("is an all-day date with no time zone: set clock.timezone") != std::string::npos);
}

TEST_CASE("the iCalendar format is detected and parsed through ParseFeed with its options") {
  auto almaty = Zone::Load("Asia/Almaty");
  REQUIRE(almaty.ok());
  FeedOptions options;
  options.floating_zone = &*almaty;
  std::string floating = OneEvent("DTSTART:20251015T104000\n");
  CHECK(DetectFeedFormat(floating) == FeedFormat::kICalendar);
  CHECK_FALSE(ParseFeed(floating).ok());
  auto schedule = ParseFeed("\xEF\xBB\xBF" + floating, options);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  CHECK(FormatUtcIso(schedule->sessions[0].start) == "2025-10-15T05:40:00Z");
}

}  // namespace
}  // namespace foyer

namespace foyer {
namespace {

TEST_CASE("an event with STATUS:CANCELLED is kept, marked cancelled") {
  auto schedule = ParseICalendar(
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Water security\r\n"
      "DTSTART:20251016T050000Z\r\nDTEND:20251016T063000Z\r\nLOCATION:Hall B\r\n"
      "STATUS:CANCELLED\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Climate\r\n"
      "DTSTART:20251016T050000Z\r\nDTEND:20251016T063000Z\r\nLOCATION:Hall A\r\n"
      "STATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  REQUIRE(schedule.ok());
  REQUIRE(schedule->sessions.size() == 2);
  CHECK(schedule->sessions[0].cancelled);
  CHECK_FALSE(schedule->sessions[1].cancelled);
}

TEST_CASE("a recurring event is one session per occurrence, at the same wall-clock time") {
  // A daily stand-up in Berlin across the end of summer time (26 October
  // 2025), one day dropped, one moved and one cancelled by VEVENTs of their own.
  Schedule schedule = Parse(Calendar(
      "BEGIN:VEVENT\nUID:standup\nSUMMARY:Stand-up\nLOCATION:Hall A\n"
      "DTSTART;TZID=Europe/Berlin:20251024T090000\nDTEND;TZID=Europe/Berlin:20251024T091500\n"
      "RRULE:FREQ=DAILY;COUNT=5\nEXDATE;TZID=Europe/Berlin:20251025T090000\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:standup\nRECURRENCE-ID;TZID=Europe/Berlin:20251027T090000\n"
      "SUMMARY:Stand-up (late)\nLOCATION:Hall B\nDTSTART;TZID=Europe/Berlin:20251027T100000\n"
      "DTEND;TZID=Europe/Berlin:20251027T101500\nEND:VEVENT\n"
      "BEGIN:VEVENT\nUID:standup\nRECURRENCE-ID;TZID=Europe/Berlin:20251028T090000\n"
      "SUMMARY:Stand-up\nLOCATION:Hall A\nSTATUS:CANCELLED\n"
      "DTSTART;TZID=Europe/Berlin:20251028T090000\nDTEND;TZID=Europe/Berlin:20251028T091500\n"
      "END:VEVENT\n"));
  std::vector<std::string> seen;
  for (const Session& s : schedule.sessions)
    seen.push_back(LocalIso(s, s.start) + " " + s.room + (s.cancelled ? " cancelled" : "") + " " +
                   s.guid);
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<std::string>{
                    "2025-10-24T09:00:00+02:00 Hall A standup/2025-10-24T07:00:00Z",
                    // 25 October: EXDATE. 26 October: winter time, still 09:00.
                    "2025-10-26T09:00:00+01:00 Hall A standup/2025-10-26T08:00:00Z",
                    // Moved to 10:00 in Hall B: the guid is the occurrence it replaces.
                    "2025-10-27T10:00:00+01:00 Hall B standup/2025-10-27T08:00:00Z",
                    "2025-10-28T09:00:00+01:00 Hall A cancelled standup/2025-10-28T08:00:00Z",
                });
  for (const Session& s : schedule.sessions) CHECK(s.end - s.start == 15 * 60);
}

TEST_CASE(
    "RDATE adds occurrences, a rule foyer cannot read keeps the first, and UTC rules stay "
    "in UTC") {
  Schedule rdate = Parse(OneEvent(
      "DTSTART:20251015T050000Z\nDURATION:PT1H\nRDATE:20251016T050000Z,20251017T060000Z\n"));
  REQUIRE(rdate.sessions.size() == 3);
  CHECK(FormatUtcIso(rdate.sessions[2].start) == "2025-10-17T06:00:00Z");
  CHECK(rdate.sessions[2].end - rdate.sessions[2].start == 3600);

  Schedule unread =
      Parse(OneEvent("DTSTART:20251015T050000Z\nRRULE:FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1\n"));
  REQUIRE(unread.sessions.size() == 1);
  CHECK(FormatUtcIso(unread.sessions[0].start) == "2025-10-15T05:00:00Z");

  Schedule weekly =
      Parse(OneEvent("DTSTART:20251015T050000Z\nDTEND:20251015T060000Z\nRRULE:FREQ=WEEKLY\n"));
  CHECK(weekly.sessions.size() == kRecurrenceHorizonDays / 7 + 1);  // bounded, never endless
  CHECK(FormatUtcIso(weekly.sessions[1].start) == "2025-10-22T05:00:00Z");
  CHECK(weekly.sessions[1].guid == "u1/2025-10-22T05:00:00Z");

  // Fifty daily events that never end would be 25 000 sessions: refused, naming the one that
  // takes the schedule past 20 000.
  std::string endless;
  for (int i = 1; i <= 50; ++i)
    endless += "BEGIN:VEVENT\nUID:e" + std::to_string(i) +
               "\nSUMMARY:Daily\nDTSTART:20251015T050000Z\nRRULE:FREQ=DAILY\nEND:VEVENT\n";
  CHECK(ErrorOf(Calendar(endless)) ==
        "line 244: VEVENT 41: its recurrences take the schedule past 20000 sessions, more than "
        "any conference has: check its RRULE");
}

}  // namespace
}  // namespace foyer
