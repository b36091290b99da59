#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
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

Schedule LoadRealXml(const std::string& name) {
  auto schedule = ParseScheduleXml(ReadFile(RealFeed(name)));
  INFO(name);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

// Parses inline XML that the test expects to fail; returns the message.
std::string ErrorOf(const std::string& xml, const FeedOptions& options = {}) {
  auto schedule = ParseScheduleXml(xml, options);
  REQUIRE_FALSE(schedule.ok());
  return schedule.status().message();
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

// A pentabarf export: no <room> wrappers, no offsets, events out of order, a
// day that runs past midnight (day_change 09:00), durations in three shapes.
const char* const kPentabarf = R"(<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <title>FOSDEM 2010</title>
    <venue>ULB (Campus Solbosch)</venue>
    <start>2010-02-06</start>
    <end>2010-02-07</end>
    <day_change>09:00</day_change>
    <timeslot_duration>00:15</timeslot_duration>
  </conference>
  <day index="1" date="2010-02-06">
    <event id="12">
      <start>14:00</start>
      <duration>0:45</duration>
      <room>Janson</room>
      <title>Second</title>
      <track>Keynotes</track>
      <type>Podium</type>
    </event>
    <event id="11">
      <start>09:30</start>
      <duration>00:25:00</duration>
      <room>Janson</room>
      <title>Welcome</title>
      <persons><person id="7">Ann Example</person></persons>
      <links><link href="https://fosdem.org/">FOSDEM</link></links>
    </event>
    <event id="13">
      <start>01:30</start>
      <duration>01:00</duration>
      <room>H.1301</room>
      <title>After midnight</title>
    </event>
  </day>
  <day index="2" date="2010-08-07">
    <event id="14">
      <start>16:00</start>
      <duration>01:30</duration>
      <room>Janson</room>
      <title>Summer</title>
    </event>
  </day>
</schedule>
)";

TEST_CASE("every real schedule.xml imports with the event and room counts of SOURCES.md") {
  struct Expected {
    const char* file;
    size_t events, rooms_with_events, rooms;
  };
  for (const Expected& expected : {
           Expected{"hub-38c3-schedule.xml", 1007, 72, 72},
           Expected{"hub-39c3-schedule-20251206.xml", 215, 14, 14},
           Expected{"frab-klimacamp2015-schedule.xml", 106, 10, 11},
       }) {
    INFO(expected.file);
    Schedule schedule = LoadRealXml(expected.file);
    CHECK(schedule.sessions.size() == expected.events);
    CHECK(RoomsWithSessions(schedule) == expected.rooms_with_events);
    CHECK(schedule.rooms.size() == expected.rooms);
    CHECK(ValidateSchedule(schedule).empty());
  }
}

TEST_CASE("ParseFeed detects and parses each real schedule.xml") {
  for (const char* file : {"hub-38c3-schedule.xml", "hub-39c3-schedule-20251206.xml",
                           "frab-klimacamp2015-schedule.xml"}) {
    INFO(file);
    auto schedule = ParseFeed(ReadFile(RealFeed(file)));
    REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
    CHECK_FALSE(schedule->sessions.empty());
  }
}

TEST_CASE("the klimacamp XML gives the same sessions as its schedule.json") {
  Schedule xml = LoadRealXml("frab-klimacamp2015-schedule.xml");
  auto json = ParseScheduleJson(ReadFile(RealFeed("frab-klimacamp2015.schedule.json")));
  REQUIRE_MESSAGE(json.ok(), json.status().ToString());
  REQUIRE(xml.sessions.size() == json->sessions.size());

  using Key = std::tuple<std::string, std::string, UnixSeconds, UnixSeconds>;
  std::multiset<Key> from_xml;
  for (const Session& s : xml.sessions) from_xml.insert({s.title, s.room, s.start, s.end});
  for (const Session& s : json->sessions) {
    INFO(s.title);
    auto it = from_xml.find(Key{s.title, s.room, s.start, s.end});
    CHECK(it != from_xml.end());
    if (it != from_xml.end()) from_xml.erase(it);
  }
  CHECK(from_xml.empty());

  // The rest agrees too: speakers, types, and abstracts line by line. (The
  // XML's exporter indented abstracts; how much of a line's indentation was the
  // author's cannot be told, so lines are compared trimmed.)
  auto trimmed_lines = [](const std::string& text) {
    std::vector<std::string> lines;
    size_t begin = 0;
    while (begin <= text.size()) {
      size_t end = std::min(text.find('\n', begin), text.size());
      std::string line = text.substr(begin, end - begin);
      line.erase(0, line.find_first_not_of(' '));
      line.erase(line.find_last_not_of(' ') + 1);
      lines.push_back(line);
      begin = end + 1;
    }
    return lines;
  };
  using Details =
      std::tuple<std::string, std::vector<std::string>, std::vector<std::string>, std::string>;
  std::multiset<Details> xml_details, json_details;
  for (const Session& s : xml.sessions)
    xml_details.insert({s.title, s.speakers, trimmed_lines(s.abstract), s.type});
  for (const Session& s : json->sessions)
    json_details.insert({s.title, s.speakers, trimmed_lines(s.abstract), s.type});
  CHECK(xml_details == json_details);

  std::vector<std::string> xml_rooms, json_rooms;
  for (const Room& room : xml.rooms) xml_rooms.push_back(room.name);
  for (const Room& room : json->rooms) json_rooms.push_back(room.name);
  CHECK(xml_rooms == json_rooms);
}

TEST_CASE("klimacamp's control characters are dropped and its empty rooms kept in feed order") {
  Schedule schedule = LoadRealXml("frab-klimacamp2015-schedule.xml");
  REQUIRE(schedule.rooms.size() == 11);
  CHECK(schedule.rooms[0].name == "Zelt Was war, was ist ..");
  CHECK(schedule.rooms[3].name == "Zelt Klima, Kohle & Co2");
  CHECK(schedule.FindRoom("Degrowth 3") != nullptr);
  CHECK(std::none_of(schedule.sessions.begin(), schedule.sessions.end(),
                     [](const Session& s) { return s.room == "Degrowth 3"; }));
  for (const Session& session : schedule.sessions) {
    for (const std::string* text : {&session.title, &session.subtitle, &session.room, &session.type,
                                    &session.track, &session.abstract}) {
      CHECK(std::none_of(text->begin(), text->end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; }));
    }
  }
  CHECK(schedule.title == "Klimcamp 2015");
  CHECK(schedule.acronym == "kc2015");
  const Session& first = schedule.sessions.front();
  CHECK(first.title == "Ausstieg aus der Braunkohleverstromung konkret");
  CHECK(first.feed_id == "38");
  CHECK(first.guid == "ec04b6ef-f85f-47b0-a799-0da8c33bfa61");
  CHECK(LocalIso(first, first.start) == "2015-08-07T16:00:00+02:00");
  CHECK(first.end - first.start == 90 * 60);
  CHECK(first.abstract.rfind("Der kommunale\nKölner Energieversorger", 0) == 0);
}

TEST_CASE("hub-38c3 events carry their own offsets, whatever offset the day bounds use") {
  Schedule schedule = LoadRealXml("hub-38c3-schedule.xml");
  CHECK(schedule.title == "38C3");
  CHECK(schedule.acronym == "38c3");
  CHECK(schedule.time_zone_name == "Europe/Berlin");
  CHECK(schedule.version == "2025-03-04 21:21");
  const Session& opening = SessionTitled(schedule, "38C3: Opening Ceremony");
  CHECK(opening.room == "Saal 1");
  CHECK(opening.utc_offset == 3600);
  CHECK(LocalIso(opening, opening.start) == "2024-12-27T10:30:00+01:00");
  CHECK(FormatUtcIso(opening.start) == "2024-12-27T09:30:00Z");
  CHECK(opening.end - opening.start == 30 * 60);
  CHECK(opening.speakers ==
        std::vector<std::string>{"Gabriela Bogk", "Senficon", "Aline Blankertz"});
  CHECK(opening.track == "CCC");
  CHECK(opening.track_color == "#f2f006");  // from <conference><track color=…>
  CHECK(opening.type == "Ceremony");
  CHECK(opening.language == "en");
  CHECK(opening.feed_id == "2");
  CHECK(opening.url == "https://events.ccc.de/congress/2024/hub/de/event/38c3-opening-ceremony/");
  CHECK(opening.abstract.rfind("Glad you could make it!", 0) == 0);
  CHECK(schedule.rooms.front().name == "Saal 1");
}

TEST_CASE("a title or type inside a link or attachment is never taken for the event's") {
  Schedule schedule = LoadRealXml("hub-39c3-schedule-20251206.xml");
  for (const char* title : {"All my Deutschlandtickets gone: Fraud at an industrial scale",
                            "Hegemony Eroding: Excavating Diversity in Latent Space",
                            "Machine Vision – Vom Algorithmus zum Baumpilz im digitalen "
                            "Metabolismus"}) {
    INFO(title);
    CHECK(SessionTitled(schedule, title).type == "Talk");
  }
  for (const Session& session : schedule.sessions) {
    INFO(session.title);
    CHECK(session.type != "related");
    for (const char* nested :
         {"Zügli", "Hegemony eroding", "Workshop @re:publica 2025", "Workshop @Schmiede25: Faust",
          "a crack one word wide", "Throwback Environment", "Fomes Fomentarius Digitalis"})
      CHECK(session.title != nested);
  }
  const Session& tickets =
      SessionTitled(schedule, "All my Deutschlandtickets gone: Fraud at an industrial scale");
  CHECK(tickets.room == "One");
  CHECK(tickets.feed_id == "1254");  // <code>JZ9A3E</code> is ignored
  CHECK(tickets.speakers == std::vector<std::string>{"Q Misell", "maya / 551724"});
  CHECK(LocalIso(tickets, tickets.start) == "2025-12-27T16:00:00+01:00");
}

TEST_CASE("a pentabarf export without offsets is placed in time by clock.timezone") {
  auto berlin = Zone::Load("Europe/Berlin");
  REQUIRE_MESSAGE(berlin.ok(), berlin.status().ToString());
  FeedOptions options;
  options.floating_zone = &*berlin;
  auto parsed = ParseScheduleXml(kPentabarf, options);
  REQUIRE_MESSAGE(parsed.ok(), parsed.status().ToString());
  const Schedule& schedule = *parsed;
  CHECK(schedule.title == "FOSDEM 2010");
  REQUIRE(schedule.sessions.size() == 4);
  CHECK(schedule.rooms == std::vector<Room>{{"Janson", ""}, {"H.1301", ""}});

  const Session& welcome = SessionTitled(schedule, "Welcome");
  CHECK(welcome.room == "Janson");
  CHECK(FormatUtcIso(welcome.start) == "2010-02-06T08:30:00Z");
  CHECK(welcome.utc_offset == 3600);
  CHECK(welcome.end - welcome.start == 25 * 60);
  CHECK(welcome.speakers == std::vector<std::string>{"Ann Example"});
  CHECK(welcome.feed_id == "11");

  const Session& second = SessionTitled(schedule, "Second");
  CHECK(LocalIso(second, second.start) == "2010-02-06T14:00:00+01:00");
  CHECK(second.end - second.start == 45 * 60);
  CHECK(second.track == "Keynotes");
  CHECK(second.type == "Podium");

  // 01:30 in a day that starts at 09:00 is the next morning.
  const Session& late = SessionTitled(schedule, "After midnight");
  CHECK(late.room == "H.1301");
  CHECK(LocalIso(late, late.start) == "2010-02-07T01:30:00+01:00");

  // Summer time: the zone's offset at that instant.
  const Session& summer = SessionTitled(schedule, "Summer");
  CHECK(summer.utc_offset == 7200);
  CHECK(FormatUtcIso(summer.start) == "2010-08-07T14:00:00Z");

  CHECK(ParseFeed(kPentabarf, options).ok());
}

TEST_CASE("a feed without offsets and without clock.timezone is refused, saying what to set") {
  std::string message = ErrorOf(kPentabarf);
  CHECK(message.find("no UTC offset") != std::string::npos);
  CHECK(message.find("clock.timezone") != std::string::npos);
  CHECK(message.rfind(R"(day 2010-02-06, room "Janson", event "Second" (line 12): )", 0) == 0);
}

TEST_CASE("a date without an offset in an event is a floating local time") {
  std::string xml = R"(<schedule><day date="2025-10-15"><room name="Hall A">
      <event id="1"><date>2025-10-15T10:00:00</date><start>10:00</start><duration>01:00</duration>
      <title>Talk</title></event></room></day></schedule>)";
  auto almaty = Zone::Load("Asia/Almaty");
  REQUIRE(almaty.ok());
  FeedOptions options;
  options.floating_zone = &*almaty;
  auto schedule = ParseScheduleXml(xml, options);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  CHECK(FormatUtcIso(schedule->sessions[0].start) == "2025-10-15T05:00:00Z");
  CHECK(schedule->sessions[0].utc_offset == 5 * 3600);
  CHECK(ErrorOf(xml).find("clock.timezone") != std::string::npos);
}

TEST_CASE("an event with neither date nor start is named by day, room and title") {
  std::string message = ErrorOf(R"(<schedule><day date="2025-10-15">
      <room name="Hall A"><event id="1"><duration>01:00</duration><title>Talk</title></event>
      </room></day></schedule>)");
  CHECK(message.rfind(R"(day 2025-10-15, room "Hall A", event "Talk" (line 2): <start> missing)",
                      0) == 0);
  CHECK(ErrorOf(R"(<schedule><day date="2025-10-15"><room name="Hall A"><event id="1">
      <date>2025-10-15T10:00:00+05:00</date><duration>1 hour</duration><title>Talk</title>
      </event></room></day></schedule>)")
            .find("<duration>: not a duration") != std::string::npos);
}

TEST_CASE("malformed XML is refused with pugixml's reason, its byte offset and line") {
  std::string xml = "<schedule>\n  <day date=\"2025-10-15\">\n    <room name=\"A\">\n  </day>\n";
  std::string message = ErrorOf(xml);
  CHECK(message.find("not well-formed XML") != std::string::npos);
  CHECK(message.find("byte ") != std::string::npos);
  CHECK(message.find("line 4") != std::string::npos);
  CHECK(message.find("mismatch") != std::string::npos);
}

TEST_CASE("stripped control characters do not shift the reported error position") {
  std::string clean = ErrorOf("<schedule>\n<day>\n<oops></day>");
  std::string dirty = ErrorOf("<schedule>\x06\x06\x06\n<day>\n<oops></day>");
  size_t byte = std::stoul(clean.substr(clean.find("byte ") + 5));
  CHECK(byte >= std::string("<schedule>\n<day>\n<oops>").size());
  CHECK(dirty.find("byte " + std::to_string(byte + 3) + " (line 3") != std::string::npos);
}

TEST_CASE("XML whose root is not <schedule> is not a schedule, and an HTML page says so") {
  CHECK(ErrorOf("<?xml version='1.0'?><rss><channel/></rss>").find("root element is <rss>") !=
        std::string::npos);
  for (const char* page : {"<!DOCTYPE html>\n<html><head><meta charset=utf-8></head></html>",
                           "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                           "<body><p>Login</p></body></html>"}) {
    INFO(page);
    std::string message = ErrorOf(page);
    CHECK(message.find("not a schedule.xml") != std::string::npos);
    CHECK(message.find("HTML page") != std::string::npos);
  }
  CHECK(ErrorOf("").find("no root element") != std::string::npos);
}

TEST_CASE("a Latin-1 declaration is honoured, and other bytes must be UTF-8") {
  std::string body =
      "<schedule><day date='2025-10-15'><room name='Caf\xE9'><event id='1'>"
      "<date>2025-10-15T10:00:00+05:00</date><duration>01:00</duration>"
      "<title>R\xE9sum\xE9</title></event></room></day></schedule>";
  auto latin1 = ParseScheduleXml("<?xml version='1.0' encoding='ISO-8859-1'?>\n" + body);
  REQUIRE_MESSAGE(latin1.ok(), latin1.status().ToString());
  CHECK(latin1->sessions[0].title == "Résumé");
  CHECK(latin1->sessions[0].room == "Café");
  CHECK(ErrorOf(body).find("not UTF-8") != std::string::npos);
}

TEST_CASE("the 2 MB hub-38c3 schedule.xml parses quickly") {
  std::string bytes = ReadFile(RealFeed("hub-38c3-schedule.xml"));
  auto begin = std::chrono::steady_clock::now();
  auto schedule = ParseScheduleXml(bytes);
  auto elapsed = std::chrono::steady_clock::now() - begin;
  REQUIRE(schedule.ok());
  MESSAGE("hub-38c3-schedule.xml parsed in "
          << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms");
  CHECK(elapsed < std::chrono::seconds(5));  // generous: Debug builds and busy machines
}

}  // namespace
}  // namespace foyer
