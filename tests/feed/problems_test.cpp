// A feed with several bad events reports every one, one a line, in each format:
// an organizer fixes them in one go, not one sync at a time.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/problems.h"
#include "feed/csv.h"
#include "feed/feed.h"

namespace foyer {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t begin = 0;
  while (true) {
    size_t end = text.find('\n', begin);
    lines.push_back(text.substr(begin, end - begin));
    if (end == std::string::npos) return lines;
    begin = end + 1;
  }
}

std::vector<std::string> ProblemsOf(const std::string& feed) {
  auto parsed = ParseFeed(feed);
  REQUIRE_FALSE(parsed.ok());
  return Lines(parsed.status().message());
}

TEST_CASE("schedule.json: every bad event, by its path, and the good ones are not reported") {
  std::string feed = R"({"schedule": {"conference": {"title": "Forum", "days": [
    {"index": 1, "date": "2025-10-15", "rooms": {
      "Hall A": [
        {"date": "2025-10-15T10:00:00+05:00", "duration": "1:xx", "title": "Opening"},
        {"date": "2025-10-15T11:00:00+05:00", "duration": "00:30", "title": "Fine"},
        {"date": "2025-13-15T12:00:00+05:00", "duration": "00:30", "title": "Bad month"}],
      "Hall B": "not a list"}},
    {"index": 2, "date": "2025-10-16", "rooms": {
      "Hall A": [{"duration": "00:30", "title": "No date"}]}}]}}})";
  CHECK(ProblemsOf(feed) ==
        std::vector<std::string>{
            "schedule.conference.days[0].rooms[\"Hall A\"][0].duration: not a duration (expected "
            "\"HH:MM\", \"HH:MM:SS\" or minutes): \"1:xx\"",
            "schedule.conference.days[0].rooms[\"Hall A\"][2].date: not a date and time "
            "(YYYY-MM-DDTHH:MM…): \"2025-13-15T12:00:00+05:00\"",
            "schedule.conference.days[0].rooms[\"Hall B\"]: not a list of events (it is a string)",
            "schedule.conference.days[1].rooms[\"Hall A\"][0].date: missing: every event needs "
            "its date and time with a UTC offset",
        });
}

TEST_CASE("schedule.xml and iCalendar: every bad event, by day, room, title and line") {
  std::vector<std::string> xml = ProblemsOf(
      "<schedule>\n<day date=\"2025-10-15\">\n<room name=\"Hall A\">\n"
      "<event><title>Opening</title><date>2025-10-15T10:00:00+05:00</date>"
      "<duration>xx</duration></event>\n"
      "<event><title>Fine</title><date>2025-10-15T11:00:00+05:00</date>"
      "<duration>00:30</duration></event>\n"
      "<event><title>Closing</title><duration>00:30</duration></event>\n"
      "</room>\n</day>\n</schedule>\n");
  REQUIRE(xml.size() == 2);
  CHECK(xml[0].rfind("day 2025-10-15, room \"Hall A\", event \"Opening\" (line 4)", 0) == 0);
  CHECK(xml[1].rfind("day 2025-10-15, room \"Hall A\", event \"Closing\" (line 6)", 0) == 0);

  std::vector<std::string> ics = ProblemsOf(
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Opening\r\nDTSTART:2025-10-15X\r\n"
      "END:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Fine\r\nDTSTART:20251015T050000Z\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nSUMMARY:Closing\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  CHECK(ics == std::vector<std::string>{
                   "line 2: VEVENT 1 (\"Opening\"): DTSTART: not a date and time: "
                   "\"2025-10-15X\" (expected e.g. 20150918T070000Z)",
                   "line 10: VEVENT 3 (\"Closing\"): DTSTART: missing: the event cannot be "
                   "placed in time",
               });
}

TEST_CASE("a list of problems shows fifty, counts the rest, and says a shared fix once") {
  ProblemList problems;
  CHECK(problems.ToStatus().ok());
  for (int i = 1; i <= 60; ++i) problems.Add(Status::Error("problem " + std::to_string(i)));
  std::vector<std::string> lines = Lines(problems.ToStatus().message());
  REQUIRE(lines.size() == 51);
  CHECK(lines[49] == "problem 50");
  CHECK(lines[50] == "… and 10 more problems");

  ProblemList floating;
  floating.Add(Status::Error("event 1: no offset: set clock.timezone"), "set clock.timezone");
  floating.Add(Status::Error("event 2: no title"), "set clock.timezone");
  floating.Add(Status::Error("event 3: no offset: set clock.timezone"), "set clock.timezone");
  floating.Add(Status::Error("event 4: no offset: set clock.timezone"), "set clock.timezone");
  CHECK(floating.ToStatus().message() ==
        "event 1: no offset: set clock.timezone (and 2 more like it)\nevent 2: no title");
}

TEST_CASE("a feed's problems come back as data: how many, and each one's place and message") {
  std::string json = R"({"schedule": {"conference": {"title": "Forum", "days": [
    {"index": 1, "date": "2025-10-15", "rooms": {"Hall A": [
      {"date": "2025-10-15T10:00:00+05:00", "duration": "1:xx", "title": "Opening"},
      {"date": "2025-10-15T11:00:00+05:00", "duration": "00:30", "title": "Fine"},
      {"duration": "00:30", "title": "No date"},
      {"date": "2025-10-15T12:00:00", "duration": "00:30", "title": "No offset"}]}}]}}})";
  auto parsed = ParseFeed(json);
  REQUIRE_FALSE(parsed.ok());
  const ProblemList& problems = parsed.status().problems();
  CHECK(problems.count() == 3);
  CHECK(problems.unshown() == 0);
  std::vector<Problem> shown = problems.Shown();
  REQUIRE(shown.size() == 3);
  CHECK(shown[0].place == "schedule.conference.days[0].rooms[\"Hall A\"][0].duration");
  CHECK(shown[0].message ==
        "not a duration (expected \"HH:MM\", \"HH:MM:SS\" or minutes): \"1:xx\"");
  CHECK(shown[1].place == "schedule.conference.days[0].rooms[\"Hall A\"][2].date");
  CHECK(shown[2].place == "schedule.conference.days[0].rooms[\"Hall A\"][3].date");
  // The text a person reads is the same list, worded.
  CHECK(parsed.status().message() == problems.ToString());
  CHECK(ProblemsOf(json).front() == shown[0].ToString());

  auto xml = ParseFeed(
      "<schedule>\n<day date=\"2025-10-15\">\n<room name=\"Hall A\">\n"
      "<event><title>Opening</title><date>2025-10-15T10:00:00+05:00</date>"
      "<duration>xx</duration></event>\n"
      "<event><title>Closing</title><duration>00:30</duration></event>\n"
      "</room>\n</day>\n</schedule>\n");
  REQUIRE_FALSE(xml.ok());
  CHECK(xml.status().problems().count() == 2);
  Problem first = xml.status().problems().Shown().front();
  CHECK(first.place == "day 2025-10-15, room \"Hall A\", event \"Opening\" (line 4)");
  CHECK(first.message == "<duration>: not a duration (expected \"HH:MM\" or \"HH:MM:SS\"): \"xx\"");

  auto ics = ParseFeed(
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Opening\r\nDTSTART:2025-10-15X\r\n"
      "END:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Closing\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  REQUIRE_FALSE(ics.ok());
  CHECK(ics.status().problems().count() == 2);
  first = ics.status().problems().Shown().front();
  CHECK(first.place == "line 2: VEVENT 1 (\"Opening\")");
  CHECK(first.message ==
        "DTSTART: not a date and time: \"2025-10-15X\" (expected e.g. 20150918T070000Z)");
}

TEST_CASE("past fifty problems every one is still counted, and a shared fix is said once") {
  std::string bad, floating;
  for (int i = 0; i < 60; ++i) {
    bad += "BEGIN:VEVENT\r\nSUMMARY:Talk " + std::to_string(i) + "\r\nEND:VEVENT\r\n";
    floating += "BEGIN:VEVENT\r\nSUMMARY:Talk " + std::to_string(i) +
                "\r\nDTSTART:20251015T100000\r\nEND:VEVENT\r\n";
  }
  auto many = ParseFeed("BEGIN:VCALENDAR\r\n" + bad + "END:VCALENDAR\r\n");
  REQUIRE_FALSE(many.ok());
  CHECK(many.status().problems().count() == 60);
  CHECK(many.status().problems().Shown().size() == ProblemList::kShown);
  CHECK(many.status().problems().unshown() == 10);
  CHECK_FALSE(many.status().problems().Mentions(kSetClockTimezone));

  auto zoneless = ParseFeed("BEGIN:VCALENDAR\r\n" + floating + "END:VCALENDAR\r\n");
  REQUIRE_FALSE(zoneless.ok());
  const ProblemList& problems = zoneless.status().problems();
  CHECK(problems.count() == 1);
  CHECK(problems.Mentions(kSetClockTimezone));
  REQUIRE(problems.Shown().size() == 1);
  CHECK(problems.Shown()[0].place == "line 2: VEVENT 1 (\"Talk 0\")");
  CHECK(problems.Shown()[0].message ==
        "DTSTART: \"20251015T100000\" is a floating local time (no Z, no TZID, no "
        "X-WR-TIMEZONE): set clock.timezone to the venue's time zone (and 59 more like it)");
}

TEST_CASE("a CSV schedule's problems are placed at FILE:LINE") {
  auto parsed = ParseCsv(
      "room,title,start,end\n"
      "Hall A,Opening,2025-10-15T10:00:00+05:00,2025-10-15T09:00:00+05:00\n"
      "Hall A,,2025-10-15T11:00:00+05:00,2025-10-15T12:00:00+05:00\n",
      nullptr, "schedule.csv");
  REQUIRE_FALSE(parsed.ok());
  std::vector<Problem> shown = parsed.status().problems().Shown();
  REQUIRE(shown.size() == 2);
  CHECK(shown[0] == Problem{"schedule.csv:2", "end 09:00 is before start 10:00"});
  CHECK(shown[1] == Problem{"schedule.csv:3", "title (column B) is empty"});
}

}  // namespace
}  // namespace foyer
