// Inputs the fuzz targets (fuzz/, tools/fuzz) found to break a parser's
// promises, minimized, kept byte for byte. Each parser must return an error or
// a value that keeps its promises, and never crash.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "base/utf8.h"
#include "feed/announcements.h"
#include "feed/feed.h"

namespace foyer {
namespace {

// Every text a screen shows (and the JSON of --print carries) is UTF-8;
// nlohmann::json::dump throws on anything else.
void CheckTextsAreUtf8(const Schedule& schedule) {
  CHECK(IsValidUtf8(schedule.title));
  for (const Room& room : schedule.rooms) CHECK(IsValidUtf8(room.name));
  for (const Session& session : schedule.sessions) {
    CHECK(IsValidUtf8(session.title));
    CHECK(IsValidUtf8(session.room));
    CHECK(IsValidUtf8(session.abstract));
    for (const std::string& speaker : session.speakers) CHECK(IsValidUtf8(speaker));
  }
}

TEST_CASE(
    "a schedule.xml person named by a character reference past U+10FFFF gives no invalid UTF-8") {
  // fuzz_schedule_xml, crash-9fef620cf48a2cbc00b384c7b8cd45d6a9ec75ac, minimized:
  // pugixml decodes &#6666662; (0x65B9A6) into bytes that are not UTF-8.
  const Zone plus_two = Zone::Fixed(2 * 3600);
  FeedOptions options;
  options.floating_zone = &plus_two;
  std::string_view xml =
      "<schedule><day date=\"2015-08-07\"><event><start>3:0</start><duration>1</duration>"
      "<persons><person>&#6666662;</person></persons></event></day></schedule>";
  auto parsed = ParseFeed(xml, options);
  if (parsed.ok()) CheckTextsAreUtf8(*parsed);
}

TEST_CASE("a schedule.xml title with a surrogate character reference gives no invalid UTF-8") {
  // The same fault through &#xD800; (a UTF-16 surrogate, never a character):
  // synced into the cache, it made `foyer --print` abort with
  // nlohmann type_error 316 "invalid UTF-8 byte".
  std::string_view xml =
      "<schedule><day date=\"2025-10-15\"><room name=\"Hall A\"><event>"
      "<date>2025-10-15T10:00:00+05:00</date><duration>01:00</duration>"
      "<title>Bad &#xD800; title</title><room>Hall A</room>"
      "<abstract>&#x110000;</abstract></event></room></day></schedule>";
  auto parsed = ParseFeed(xml);
  if (parsed.ok()) CheckTextsAreUtf8(*parsed);
}

TEST_CASE("an announcement whose text or room is only control characters is refused") {
  // fuzz_announcements, crash-aa5142a867eb26065228d069f2496a063fe48d7d: a text of
  // six DEL characters was accepted, collapsed to "", and stored: a blank
  // banner on every screen (and the stored copy no longer parsed).
  std::string_view blank_text =
      "{\"announcements\": [\n  {\"id\": \"lunch\", \"text\": \"\x7f\x7f\x7f\x7f\x7f\x7f\", "
      "\"level\": \"info\", \"s*artrooms\": [],\n   \"starts\": \"2025-10-15T07:30:00Z\", "
      "\"ends\": \"2025-10-15T12:45:00+0500\"}\n]}\n";
  auto parsed = ParseAnnouncements(blank_text);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.status().message() ==
        "announcements[0].text: has nothing to show (only spaces or control characters)");

  // A room name that collapses to nothing would, dropped, have sent a room's
  // emergency to every screen.
  auto blank_room = ParseAnnouncements(
      R"({"announcements": [{"id": "e", "text": "Leave Hall B now", "level": "emergency",
          "rooms": [" \t "], "starts": "2025-10-15T07:30:00Z", "ends": "2025-10-15T08:00:00Z"}]})");
  REQUIRE_FALSE(blank_room.ok());
  CHECK(blank_room.status().message() == "announcements[0].rooms: an empty room name");
}

}  // namespace
}  // namespace foyer
