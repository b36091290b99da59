// xCal: iCalendar as XML, in pentabarf's shape (the klimacamp 2015 export) and
// in RFC 6321's.
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "base/time.h"
#include "feed/feed.h"
#include "feed/validate.h"
#include "support/files.h"

namespace foyer {
namespace {

using testing::ReadFile;
using testing::RealFeed;

const Zone& Berlin() {
  static const Zone zone = Zone::Load("Europe/Berlin").value();
  return zone;
}

Schedule Klimacamp() {
  FeedOptions options;
  options.floating_zone = &Berlin();
  auto schedule = ParseXCalendar(ReadFile(RealFeed("frab-klimacamp2015-schedule.xcal")), options);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

const Session& WithGuid(const Schedule& schedule, const std::string& guid) {
  auto it = std::find_if(schedule.sessions.begin(), schedule.sessions.end(),
                         [&](const Session& s) { return s.guid == guid; });
  REQUIRE_MESSAGE(it != schedule.sessions.end(), "no session with UID " << guid);
  return *it;
}

std::string LocalIso(const Session& session, UnixSeconds instant) {
  return Zone::Fixed(session.utc_offset).FormatIso(instant);
}

TEST_CASE("the klimacamp xCal imports with the counts of SOURCES.md, read in clock.timezone") {
  std::string bytes = ReadFile(RealFeed("frab-klimacamp2015-schedule.xcal"));
  CHECK(DetectFeedFormat(bytes) == FeedFormat::kXCalendar);
  CHECK(std::string(FeedFormatName(FeedFormat::kXCalendar)) == "xCal");

  // Floating times ("20150811T160000"): without the venue's zone there is no instant.
  auto unzoned = ParseFeed(bytes);
  REQUIRE_FALSE(unzoned.ok());
  CHECK(
      unzoned.status().message() ==
      "line 7: VEVENT 1 (\"Karl Marx aus ökosozialistischer Perspektive\", UID "
      "4@kc2015@pentabarf.org): DTSTART: \"20150811T160000\" is a floating local time (no Z, "
      "no TZID, no X-WR-TIMEZONE): set clock.timezone to the venue's time zone (and 105 more like "
      "it)");

  Schedule schedule = Klimacamp();
  CHECK(schedule.sessions.size() == 106);
  CHECK(schedule.rooms.size() == 10);
  CHECK(schedule.title == "kc2015 Schedule");
  CHECK(ValidateSchedule(schedule).empty());
  FeedOptions options;
  options.floating_zone = &Berlin();
  auto detected = ParseFeed(bytes, options);
  REQUIRE(detected.ok());
  CHECK(detected->sessions.size() == 106);
}

TEST_CASE("pentabarf's title, subtitle, language and attendees are read over its SUMMARY") {
  Schedule schedule = Klimacamp();
  const Session& marx = WithGuid(schedule, "4@kc2015@pentabarf.org");
  // SUMMARY is "Karl Marx aus ökosozialistischer Perspektive-": title, "-", subtitle.
  CHECK(marx.title == "Karl Marx aus ökosozialistischer Perspektive");
  CHECK(marx.subtitle.empty());
  CHECK(marx.language == "de");
  CHECK(marx.room == "Zirkuszelt");
  CHECK(marx.track.empty());  // <category> is "Lecture" for every event, workshops too
  CHECK(marx.url == "2015/events/4.html");
  CHECK(marx.speakers == std::vector<std::string>{"Bruno Kern, Initiative Ökosozialismus"});
  CHECK(LocalIso(marx, marx.start) == "2015-08-11T16:00:00+02:00");
  CHECK(LocalIso(marx, marx.end) == "2015-08-11T17:30:00+02:00");
  CHECK(marx.abstract.rfind("Kein Zweifel: Karl Marx hat wieder Konjunktur.", 0) == 0);

  const Session& coal = WithGuid(schedule, "6@kc2015@pentabarf.org");
  CHECK(coal.title == "What the fuck ist Kohle?");
  CHECK(coal.subtitle == "Der intaktive Einführungsworkshop");
  CHECK(coal.room == "Zelt Klima, Kohle & Co2");  // "&amp;" in the XML
}

TEST_CASE("the klimacamp xCal holds the same sessions as its schedule.json") {
  // One frab export in two formats: every session matches on title, subtitle,
  // room, start, end and speakers.
  auto json = ParseScheduleJson(ReadFile(RealFeed("frab-klimacamp2015.schedule.json")));
  REQUIRE(json.ok());
  Schedule xcal = Klimacamp();
  using Key = std::tuple<std::string, std::string, std::string, UnixSeconds, UnixSeconds,
                         std::vector<std::string>>;
  auto keys = [](const Schedule& schedule) {
    std::multiset<Key> keys;
    for (const Session& s : schedule.sessions)
      keys.insert({s.title, s.subtitle, s.room, s.start, s.end, s.speakers});
    return keys;
  };
  std::multiset<Key> from_json = keys(*json), from_xcal = keys(xcal);
  CHECK(xcal.sessions.size() == json->sessions.size());
  std::vector<Key> only_json, only_xcal;
  std::set_difference(from_json.begin(), from_json.end(), from_xcal.begin(), from_xcal.end(),
                      std::back_inserter(only_json));
  std::set_difference(from_xcal.begin(), from_xcal.end(), from_json.begin(), from_json.end(),
                      std::back_inserter(only_xcal));
  for (const Key& key : only_json) FAIL_CHECK("only in schedule.json: " << std::get<0>(key));
  for (const Key& key : only_xcal) FAIL_CHECK("only in the .xcal: " << std::get<0>(key));
}

// RFC 6321's shape: properties and sub-components in their own elements, typed
// values, parameters as elements. The zone is a VTIMEZONE of the feed's own
// (no IANA name), so its yearly rules (<recur>) and offsets (<utc-offset>) matter.
const char* kRfc6321 = R"(<?xml version="1.0" encoding="utf-8"?>
<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0">
  <vcalendar>
    <properties>
      <prodid><text>-//foyer//test//EN</text></prodid>
      <version><text>2.0</text></version>
      <x-wr-calname><text>Forum, 2025</text></x-wr-calname>
    </properties>
    <components>
      <vtimezone>
        <properties><tzid><text>W. Europe Standard Time</text></tzid></properties>
        <components>
          <standard>
            <properties>
              <dtstart><date-time>1601-01-01T03:00:00</date-time></dtstart>
              <rrule><recur><freq>YEARLY</freq><bymonth>10</bymonth><byday>-1SU</byday></recur></rrule>
              <tzoffsetfrom><utc-offset>+02:00</utc-offset></tzoffsetfrom>
              <tzoffsetto><utc-offset>+01:00</utc-offset></tzoffsetto>
            </properties>
          </standard>
          <daylight>
            <properties>
              <dtstart><date-time>1601-01-01T02:00:00</date-time></dtstart>
              <rrule><recur><freq>YEARLY</freq><bymonth>3</bymonth><byday>-1SU</byday></recur></rrule>
              <tzoffsetfrom><utc-offset>+01:00</utc-offset></tzoffsetfrom>
              <tzoffsetto><utc-offset>+02:00</utc-offset></tzoffsetto>
            </properties>
          </daylight>
        </components>
      </vtimezone>
      <vevent>
        <properties>
          <uid><text>summer-1</text></uid>
          <dtstart>
            <parameters><tzid><text>W. Europe Standard Time</text></tzid></parameters>
            <date-time>2025-07-15T10:40:00</date-time>
          </dtstart>
          <duration><duration>PT50M</duration></duration>
          <summary><text>Water; energy, and food</text></summary>
          <location><text>Hall B</text></location>
          <categories><text>Resources</text></categories>
          <description><text>First line
Second line</text></description>
          <attendee>
            <parameters><cn><text>Aigerim Seitkali</text></cn></parameters>
            <cal-address>mailto:aigerim@example.org</cal-address>
          </attendee>
          <attendee><cal-address>mailto:nobody@example.org</cal-address></attendee>
        </properties>
        <components>
          <valarm><properties><summary><text>not the title</text></summary></properties></valarm>
        </components>
      </vevent>
      <vevent>
        <properties>
          <uid><text>winter-1</text></uid>
          <dtstart>
            <parameters><tzid><text>W. Europe Standard Time</text></tzid></parameters>
            <date-time>2025-12-15T10:40:00</date-time>
          </dtstart>
          <dtend><date-time>2025-12-15T11:30:00Z</date-time></dtend>
          <summary><text>Closing</text></summary>
          <location><text>Hall A</text></location>
          <status><text>CANCELLED</text></status>
        </properties>
      </vevent>
    </components>
  </vcalendar>
</icalendar>
)";

TEST_CASE("RFC 6321 xCal: typed values, parameters, its own VTIMEZONE with recurrence rules") {
  CHECK(DetectFeedFormat(kRfc6321) == FeedFormat::kXCalendar);
  auto parsed = ParseFeed(kRfc6321);
  REQUIRE_MESSAGE(parsed.ok(), parsed.status().ToString());
  const Schedule& schedule = *parsed;
  CHECK(schedule.title == "Forum, 2025");
  REQUIRE(schedule.sessions.size() == 2);

  const Session& summer = schedule.sessions[0];
  CHECK(summer.guid == "summer-1");
  CHECK(summer.title == "Water; energy, and food");  // escaped and unescaped again
  CHECK(LocalIso(summer, summer.start) == "2025-07-15T10:40:00+02:00");  // daylight rule
  CHECK(summer.end - summer.start == 50 * 60);
  CHECK(summer.room == "Hall B");
  CHECK(summer.track == "Resources");
  CHECK(summer.abstract == "First line\nSecond line");
  // A CN names a speaker; a bare address does not.
  CHECK(summer.speakers == std::vector<std::string>{"Aigerim Seitkali"});
  CHECK_FALSE(summer.cancelled);

  const Session& winter = schedule.sessions[1];
  CHECK(LocalIso(winter, winter.start) == "2025-12-15T10:40:00+01:00");  // standard rule
  CHECK(FormatUtcIso(winter.end) == "2025-12-15T11:30:00Z");
  CHECK(winter.cancelled);
  CHECK(schedule.rooms.size() == 2);
}

TEST_CASE("an xCal whose root is the <vcalendar> itself, with namespace prefixes") {
  const char* bare =
      "<?xml version=\"1.0\"?>\n"
      "<xCal:vcalendar xmlns:xCal=\"urn:ietf:params:xml:ns:xcal\">\n"
      "  <xCal:vevent>\n"
      "    <xCal:dtstart>20251015T054000Z</xCal:dtstart>\n"
      "    <xCal:dtend>20251015T063000Z</xCal:dtend>\n"
      "    <xCal:summary>Water security</xCal:summary>\n"
      "    <xCal:location>Hall B</xCal:location>\n"
      "  </xCal:vevent>\n"
      "</xCal:vcalendar>\n";
  CHECK(DetectFeedFormat(bare) == FeedFormat::kXCalendar);
  auto parsed = ParseFeed(bare);
  REQUIRE_MESSAGE(parsed.ok(), parsed.status().ToString());
  REQUIRE(parsed->sessions.size() == 1);
  CHECK(parsed->sessions[0].title == "Water security");
  CHECK(parsed->sessions[0].room == "Hall B");
  CHECK(parsed->sessions[0].end - parsed->sessions[0].start == 50 * 60);
}

TEST_CASE("a broken xCal is refused at the line it breaks on") {
  std::string missing_start = kRfc6321;
  size_t dtstart = missing_start.find("<dtstart>", missing_start.find("winter-1"));
  size_t dtstart_end = missing_start.find("</dtstart>", dtstart) + 10;
  missing_start.erase(dtstart, dtstart_end - dtstart);
  auto no_start = ParseFeed(missing_start);
  REQUIRE_FALSE(no_start.ok());
  CHECK(no_start.status().message() ==
        "line 54: VEVENT 2 (\"Closing\", UID winter-1): DTSTART: missing: the event cannot be "
        "placed in time");

  std::string unclosed = kRfc6321;
  unclosed.erase(unclosed.find("</summary>", unclosed.find("Closing")), 10);
  auto broken = ParseFeed(unclosed);
  REQUIRE_FALSE(broken.ok());
  // pugixml notices at the </properties> that should have been </summary>.
  CHECK(broken.status().message() ==
        "not well-formed XML at line 65, column 11: Start-end tags mismatch");

  auto latin1 = ParseFeed("<icalendar><vcalendar><vevent><summary>Caf\xE9</summary>");
  REQUIRE_FALSE(latin1.ok());
  CHECK(latin1.status().message().find("not UTF-8") != std::string::npos);

  auto cut = ParseFeed(std::string(kRfc6321).substr(0, std::string(kRfc6321).find("<vevent>")));
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.status().message().find("not well-formed XML") != std::string::npos);

  auto empty = ParseFeed("<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"/>");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message() == "not an iCalendar feed: no BEGIN:VCALENDAR line");
}

}  // namespace
}  // namespace foyer
