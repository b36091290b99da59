// Feeds nested far deeper than any schedule ("logo": [[[[…]]]] 100 000 levels
// down) once ran every reader out of stack: foyer-feed validate, --sync-once
// and the kiosk died with SIGSEGV, and under systemd's Restart=always a screen
// crashed again on every start. Each reader now refuses such a feed with an
// error before it builds or walks a tree, and a feed nested as deep as real
// ones still reads. (fuzz/seeds/*/deep-* keep the fuzz targets on this line.)
#include <doctest/doctest.h>

#include <string>

#include "feed/announcements.h"
#include "feed/csv.h"
#include "feed/feed.h"

namespace foyer {
namespace {

constexpr int kHostileDepth = 100000;

std::string Repeat(const std::string& text, int times) {
  std::string out;
  out.reserve(text.size() * times);
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

// schedule.json with one session whose "logo" nests `depth` arrays.
std::string ScheduleJsonWithLogoNested(int depth) {
  return R"({"schedule": {"version": "1", "conference": {"title": "X", "days": [{"index": 1,
    "date": "2025-10-15", "rooms": {"Hall A": [{"guid": "g", "id": 1,
    "date": "2025-10-15T10:40:00+05:00", "start": "10:40", "duration": "01:00",
    "room": "Hall A", "title": "T", "logo": )" +
         Repeat("[", depth) + Repeat("]", depth) + "}]}}]}}}";
}

void CheckRefusedAsTooDeep(const Status& status) {
  REQUIRE_FALSE(status.ok());
  CAPTURE(status.message());
  CHECK(status.message().find("nested more than 64 levels deep") != std::string::npos);
}

TEST_CASE("a schedule.json nested 100 000 levels deep is refused, not a crash") {
  std::string feed = ScheduleJsonWithLogoNested(kHostileDepth);
  CheckRefusedAsTooDeep(ParseFeed(feed).status());
  auto direct = ParseScheduleJson(feed);
  CheckRefusedAsTooDeep(direct.status());
  // The error names where: the byte that opens the 65th level.
  CHECK(direct.status().message().find("at byte ") != std::string::npos);
  // Objects count as well as arrays; a bracket inside a string does not.
  CheckRefusedAsTooDeep(
      ParseScheduleJson(R"({"schedule": )" + Repeat(R"({"a": )", kHostileDepth)).status());
  CHECK(ParseFeed(ScheduleJsonWithLogoNested(20)).ok());
  std::string brackets_in_text = ScheduleJsonWithLogoNested(1);
  brackets_in_text.replace(brackets_in_text.find("\"T\""), 3,
                           "\"" + Repeat("[{", 100) + "\\\"" + Repeat("[", 100) + "\"");
  CHECK(ParseFeed(brackets_in_text).ok());
}

TEST_CASE("Indico JSON and announcements nested 100 000 levels deep are refused") {
  CheckRefusedAsTooDeep(
      ParseFeed(R"({"_type": "HTTPAPIResult", "results": )" + Repeat("[", kHostileDepth)).status());
  CheckRefusedAsTooDeep(ParseIndicoJson(R"({"results": [{"title": )" + Repeat("[", kHostileDepth) +
                                        Repeat("]", kHostileDepth) + "}]}")
                            .status());
  auto announcements = ParseAnnouncements(R"({"announcements": )" + Repeat("[", kHostileDepth) +
                                          Repeat("]", kHostileDepth) + "}");
  CheckRefusedAsTooDeep(announcements.status());
  CHECK(announcements.status().message().rfind("announcements: ", 0) == 0);
}

TEST_CASE("a schedule.xml nested 100 000 elements deep is refused, with its line") {
  std::string feed = "<schedule>\n<day date=\"2025-10-15\">" + Repeat("<x>", kHostileDepth) +
                     Repeat("</x>", kHostileDepth) + "</day></schedule>";
  auto parsed = ParseFeed(feed);
  CheckRefusedAsTooDeep(parsed.status());
  CHECK(parsed.status().message().find("(line 2, column 210), element <x>") != std::string::npos);
  // Cut short (not well-formed) and deep: refused as deep all the same.
  CheckRefusedAsTooDeep(ParseScheduleXml("<schedule>" + Repeat("<x>", kHostileDepth)).status());
}

TEST_CASE("an xCal nested 100 000 components deep is refused, not a crash") {
  std::string components = Repeat("<vevent><components>", kHostileDepth);
  std::string ends = Repeat("</components></vevent>", kHostileDepth);
  std::string feed = "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vcalendar>" +
                     components + ends + "</vcalendar></icalendar>";
  CheckRefusedAsTooDeep(ParseFeed(feed).status());
  auto direct = ParseXCalendar(feed);
  CheckRefusedAsTooDeep(direct.status());
  CHECK(direct.status().message().find("element <vevent>") != std::string::npos);
}

TEST_CASE("an iCalendar that opens 100 000 components without closing them is refused") {
  std::string feed = "BEGIN:VCALENDAR\r\n" + Repeat("BEGIN:X-NEST\r\n", kHostileDepth) +
                     Repeat("END:X-NEST\r\n", kHostileDepth) + "END:VCALENDAR\r\n";
  auto parsed = ParseFeed(feed);
  CheckRefusedAsTooDeep(parsed.status());
  CHECK(parsed.status().message().find("line 65") != std::string::npos);
  // VALARM inside VEVENT inside VCALENDAR: three deep, as real calendars are.
  CHECK(ParseICalendar("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n"
                       "DTSTART:20251015T104000Z\r\nDTEND:20251015T114000Z\r\nSUMMARY:T\r\n"
                       "LOCATION:Hall A\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\n"
                       "END:VEVENT\r\nEND:VCALENDAR\r\n")
            .ok());
}

TEST_CASE("CSV has no nesting: 100 000 quotes in a cell read as text") {
  // The CSV reader is a loop over rows and cells, with nothing to recurse into.
  const Zone zone = Zone::Fixed(5 * 3600);
  std::string title = "\"" + Repeat("\"\"", kHostileDepth) + "\"";
  auto parsed =
      ParseCsv("start,end,room,title\n2025-10-15 10:40,11:40,Hall A," + title + "\n", &zone);
  REQUIRE(parsed.ok());
  CHECK(parsed->sessions.at(0).title == Repeat("\"", kHostileDepth));
}

}  // namespace
}  // namespace foyer
