// Shapes found in feeds from generators and eras beyond tests/data/feeds/:
// small excerpts, cut down from the files named, keeping what broke.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/time.h"
#include "feed/feed.h"

namespace foyer {
namespace {

std::string LocalIso(const Session& session, UnixSeconds instant) {
  return Zone::Fixed(session.utc_offset).FormatIso(instant);
}

// AKSW/lswt2019.aksw.org schedule.xml @ 0048a611 (a Jekyll template, 2019):
// <person> right in the event, and an empty <duration> for an open-ended hackathon.
const char* kJekyllXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Leipziger Semantic Web Tag 2019</title></conference>
  <day date="2019-05-22" index="1">
    <room name="Main Track">
      <event id="100">
        <title>Begrüßung</title>
        <date>2019-05-22T09:00:00+02:00</date>
        <start>09:00</start>
        <duration>00:10</duration>
        <person>Dr. Sebastian Tramp, Andreas Heinecke</person>
        <room>Main Track</room>
      </event>
    </room>
    <room name="Hackathon">
      <event id="300">
        <title>Thinktank &amp; Hackathon</title>
        <date>2019-05-22T09:40:00+02:00</date>
        <start>09:40</start>
        <duration></duration>
        <person></person>
        <room>Hackathon</room>
      </event>
      <event id="301">
        <title>Hackathon results</title>
        <date>2019-05-22T10:10:00+02:00</date>
        <duration>00:30</duration>
        <room>Hackathon</room>
      </event>
      <event id="302">
        <title>Open hacking</title>
        <date>2019-05-22T14:00:00+02:00</date>
        <room>Hackathon</room>
      </event>
    </room>
  </day>
</schedule>
)";

TEST_CASE("schedule.xml: <person> without <persons>, and events without a duration") {
  auto parsed = ParseFeed(kJekyllXml);
  REQUIRE_MESSAGE(parsed.ok(), parsed.status().ToString());
  REQUIRE(parsed->sessions.size() == 4);
  const Session& welcome = parsed->sessions[0];
  CHECK(welcome.speakers == std::vector<std::string>{"Dr. Sebastian Tramp, Andreas Heinecke"});
  // Open-ended: until the room's next session, or an hour.
  const Session& hackathon = parsed->sessions[1];
  CHECK(hackathon.speakers.empty());  // the empty <person/>
  CHECK(LocalIso(hackathon, hackathon.end) == "2019-05-22T10:10:00+02:00");
  const Session& open = parsed->sessions[3];
  CHECK(open.end - open.start == 3600);
}

// spookey/mrmcd13-flightboard schedule.json @ 0dc924e6 (frab, 2013): events carry
// "start" but no "date"; the day gives only its date.
const char* kFrab2013 = R"({"schedule": {"version": "Takeoff", "conference": {
  "title": "MRMCD2013", "start": "2013-09-06", "end": "2013-09-08",
  "days": [{"index": "0", "date": "2013-09-06", "rooms": {"Gate 104": [
    {"id": "5167", "start": "17:23", "duration": "00:30", "room": "Gate 104",
     "title": "MRMCD2013: Takeoff", "persons": [{"id": "1343", "full_public_name": "Unicorn"}]},
    {"id": "5168", "start": "19:03", "duration": "01:00", "room": "Gate 104",
     "title": "Lightning talks", "persons": []}]}}]}}})";

TEST_CASE("schedule.json without event dates: the day's date and start, in clock.timezone") {
  auto unzoned = ParseFeed(kFrab2013);
  REQUIRE_FALSE(unzoned.ok());
  CHECK(unzoned.status().message() ==
        "schedule.conference.days[0].rooms[\"Gate 104\"][0].date: missing, and the day's date "
        "with \"start\" \"17:23\" has no UTC offset: set clock.timezone to the venue's time zone "
        "(and 1 more like it)");

  auto berlin = Zone::Load("Europe/Berlin");
  REQUIRE(berlin.ok());
  FeedOptions options;
  options.floating_zone = &*berlin;
  auto parsed = ParseFeed(kFrab2013, options);
  REQUIRE_MESSAGE(parsed.ok(), parsed.status().ToString());
  REQUIRE(parsed->sessions.size() == 2);
  const Session& takeoff = parsed->sessions[0];
  CHECK(LocalIso(takeoff, takeoff.start) == "2013-09-06T17:23:00+02:00");
  CHECK(takeoff.end - takeoff.start == 30 * 60);
  CHECK(takeoff.speakers == std::vector<std::string>{"Unicorn"});

  // A day_start with an offset places them without clock.timezone, and a start
  // before it belongs to the next morning.
  std::string with_day_start = kFrab2013;
  with_day_start.replace(with_day_start.find("\"date\": \"2013-09-06\", \"rooms\""), 20,
                         "\"date\": \"2013-09-06\", \"day_start\": \"2013-09-06T10:00:00+02:00\"");
  with_day_start.replace(with_day_start.find("\"19:03\""), 7, "\"01:30\"");
  auto offset = ParseFeed(with_day_start);
  REQUIRE_MESSAGE(offset.ok(), offset.status().ToString());
  CHECK(LocalIso(offset->sessions[0], offset->sessions[0].start) == "2013-09-06T17:23:00+02:00");
  CHECK(LocalIso(offset->sessions[1], offset->sessions[1].start) == "2013-09-07T01:30:00+02:00");
}

}  // namespace
}  // namespace foyer
