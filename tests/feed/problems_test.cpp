// A feed with several bad events reports every one, one a line, in each format:
// an organizer fixes them in one go, not one sync at a time.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "feed/feed.h"
#include "feed/text.h"

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
  feed::ProblemList problems;
  CHECK(problems.ToStatus().ok());
  for (int i = 1; i <= 60; ++i) problems.Add(Status::Error("problem " + std::to_string(i)));
  std::vector<std::string> lines = Lines(problems.ToStatus().message());
  REQUIRE(lines.size() == 51);
  CHECK(lines[49] == "problem 50");
  CHECK(lines[50] == "… and 10 more problems");

  feed::ProblemList floating;
  floating.Add(Status::Error("event 1: no offset: set clock.timezone"), "set clock.timezone");
  floating.Add(Status::Error("event 2: no title"), "set clock.timezone");
  floating.Add(Status::Error("event 3: no offset: set clock.timezone"), "set clock.timezone");
  floating.Add(Status::Error("event 4: no offset: set clock.timezone"), "set clock.timezone");
  CHECK(floating.ToStatus().message() ==
        "event 1: no offset: set clock.timezone (and 2 more like it)\nevent 2: no title");
}

}  // namespace
}  // namespace foyer
