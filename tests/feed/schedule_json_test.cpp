#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "base/time.h"
#include "feed/feed.h"
#include "feed/json_util.h"
#include "feed/validate.h"
#include "support/files.h"

namespace foyer {
namespace {

using testing::ReadFile;
using testing::RealFeed;

Schedule LoadReal(const std::string& name) {
  auto schedule = ParseScheduleJson(ReadFile(RealFeed(name)));
  INFO(name);
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  return std::move(schedule).value();
}

// Parses inline JSON that the test expects to fail; returns the message.
std::string ErrorOf(const std::string& json) {
  auto schedule = ParseScheduleJson(json);
  REQUIRE_FALSE(schedule.ok());
  return schedule.status().message();
}

const Session& SessionTitled(const Schedule& schedule, const std::string& title,
                             const std::string& room = "") {
  auto it = std::find_if(schedule.sessions.begin(), schedule.sessions.end(), [&](const Session& s) {
    return s.title == title && (room.empty() || s.room == room);
  });
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

// A one-event schedule.json around an event body, e.g. R"("duration": "01:00")".
std::string OneEvent(const std::string& event_members) {
  return R"({"schedule": {"version": "1", "conference": {"title": "T", "days": [
             {"index": 1, "date": "2025-10-15", "rooms": {"Hall A": [
               {"id": 1, "guid": "g", "title": "Talk", "date": "2025-10-15T10:00:00+05:00",
                )" +
         event_members + R"(}]}}]}}})";
}

TEST_CASE("every real schedule.json imports with the event and room counts of SOURCES.md") {
  struct Expected {
    const char* file;
    size_t events, rooms_with_events, rooms;
  };
  for (const Expected& expected : {
           Expected{"pretalx-democon-2020.schedule.json", 36, 2, 2},
           Expected{"pretalx-rc3-channels-2020.schedule.json", 48, 5, 5},
           Expected{"frab-camp2019.schedule.json", 79, 2, 2},
           Expected{"frab-36c3.schedule.json", 161, 5, 5},
           Expected{"voc-36c3-everything.schedule.json", 1351, 92, 92},
           Expected{"voc-39c3-everything.schedule.json", 895, 58, 58},
           Expected{"frab-klimacamp2015.schedule.json", 106, 10, 11},
       }) {
    INFO(expected.file);
    Schedule schedule = LoadReal(expected.file);
    CHECK(schedule.sessions.size() == expected.events);
    CHECK(RoomsWithSessions(schedule) == expected.rooms_with_events);
    CHECK(schedule.rooms.size() == expected.rooms);
    CHECK(ValidateSchedule(schedule).empty());
    CHECK(ParseFeed(ReadFile(RealFeed(expected.file))).ok());
  }
}

TEST_CASE("a room listed with no events is kept, in the order the feed lists its rooms") {
  Schedule schedule = LoadReal("frab-klimacamp2015.schedule.json");
  REQUIRE(schedule.rooms.size() == 11);
  CHECK(schedule.rooms[0].name == "Zelt Was war, was ist ..");
  CHECK(schedule.FindRoom("Degrowth 3") != nullptr);
  CHECK(std::none_of(schedule.sessions.begin(), schedule.sessions.end(),
                     [](const Session& s) { return s.room == "Degrowth 3"; }));
}

TEST_CASE("conference.rooms gives rooms their slugs") {
  Schedule schedule = LoadReal("voc-39c3-everything.schedule.json");
  REQUIRE_FALSE(schedule.rooms.empty());
  CHECK(schedule.rooms[0] == Room{"One", "one"});
  REQUIRE(schedule.FindRoom("one") != nullptr);
  CHECK(schedule.FindRoom("one")->name == "One");
}

TEST_CASE("a session's instant comes from its own date and offset, not the feed's zone name") {
  Schedule schedule = LoadReal("pretalx-democon-2020.schedule.json");
  CHECK(schedule.time_zone_name == "UTC");
  const Session& first = schedule.sessions.front();
  CHECK(first.room == "Gray Room");
  CHECK(first.title == "Focused 5thgeneration hardware");
  CHECK(FormatUtcIso(first.start) == "2020-12-14T08:00:00Z");
  CHECK(first.utc_offset == 3600);
  CHECK(LocalIso(first, first.start) == "2020-12-14T09:00:00+01:00");
  CHECK(first.end - first.start == 30 * 60);
  CHECK(first.speakers == std::vector<std::string>{"Brian Robinson"});
}

TEST_CASE("a session crossing midnight ends on the next day") {
  Schedule schedule = LoadReal("frab-camp2019.schedule.json");
  const Session& late = SessionTitled(schedule, "Achtung, Datenpannen!");
  CHECK(late.room == "Meitner");
  CHECK(LocalIso(late, late.start) == "2019-08-22T23:00:00+02:00");
  CHECK(LocalIso(late, late.end) == "2019-08-23T00:30:00+02:00");
}

TEST_CASE("single-digit-hour, zero and long durations from the merged 36C3 feed parse") {
  Schedule schedule = LoadReal("voc-36c3-everything.schedule.json");
  const Session& factorio = SessionTitled(schedule, "Factorio", "Kidspace");  // "6:00"
  CHECK(factorio.end - factorio.start == 6 * 3600);
  CHECK(std::any_of(schedule.sessions.begin(), schedule.sessions.end(), [](const Session& s) {
    return s.title == "Learn To Solder" && s.end - s.start == 12 * 3600 + 59 * 60;  // "12:59"
  }));
  const Session& kerbal =
      SessionTitled(schedule, "Build and fly your own rockets in Kerbal Space Program");  // "00:00"
  CHECK(kerbal.end == kerbal.start);
}

TEST_CASE("durations are read in every shape real feeds write them") {
  struct Case {
    const char* duration;
    UnixSeconds seconds;
  };
  for (const Case& c : {Case{R"("01:30")", 5400}, Case{R"("1:30")", 5400}, Case{R"("0:30")", 1800},
                        Case{R"("00:00")", 0}, Case{R"("01:30:15")", 5415}, Case{"90", 5400},
                        Case{R"("90")", 5400}, Case{R"("PT1H30M")", 5400}, Case{"0.5", 30}}) {
    INFO(c.duration);
    auto schedule = ParseScheduleJson(OneEvent(std::string(R"("duration": )") + c.duration));
    REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
    REQUIRE(schedule->sessions.size() == 1);
    CHECK(schedule->sessions[0].end - schedule->sessions[0].start == c.seconds);
  }
  for (const char* bad : {R"("1:75")", R"("soon")", R"("")", "-5", "null", "[]"}) {
    INFO(bad);
    std::string message = ErrorOf(OneEvent(std::string(R"("duration": )") + bad));
    CHECK(message.find(R"(schedule.conference.days[0].rooms["Hall A"][0].duration: )") == 0);
  }
}

TEST_CASE("speakers come from public_name, else name, else full_public_name") {
  CHECK(SessionTitled(LoadReal("voc-39c3-everything.schedule.json"), "Opening Ceremony").speakers ==
        std::vector<std::string>{"pajowu", "Stella"});
  CHECK(SessionTitled(LoadReal("frab-klimacamp2015.schedule.json"),
                      "Uniting anti-coal fights in Europe - a strategy workshop")
            .speakers == std::vector<std::string>{"Mona Bricke"});
  auto schedule = ParseScheduleJson(OneEvent(R"("duration": "01:00", "persons": [
      {"public_name": "Aigerim"}, {"name": "Bauyrzhan", "public_name": ""},
      {"full_public_name": "  Dana   Nur "}, {"id": 4}, "Erlan"])"));
  REQUIRE(schedule.ok());
  CHECK(schedule->sessions[0].speakers ==
        std::vector<std::string>{"Aigerim", "Bauyrzhan", "Dana Nur", "Erlan"});
}

TEST_CASE("a repeated guid is another session, and every entry is kept") {
  Schedule schedule = LoadReal("voc-36c3-everything.schedule.json");
  auto count = std::count_if(
      schedule.sessions.begin(), schedule.sessions.end(),
      [](const Session& s) { return s.guid == "81f5f0c4-3d35-522c-8f1c-c8825b92f00a"; });
  CHECK(count == 2);
}

TEST_CASE("the room is the key the event is listed under, not its room field") {
  auto schedule = ParseScheduleJson(OneEvent(R"("duration": "01:00", "room": "elsewhere")"));
  REQUIRE(schedule.ok());
  CHECK(schedule->sessions[0].room == "Hall A");
  REQUIRE(schedule->rooms.size() == 1);
  CHECK(schedule->rooms[0].name == "Hall A");
}

TEST_CASE("\\u escapes decode to UTF-8, surrogate pairs included") {
  Schedule rc3 = LoadReal("pretalx-rc3-channels-2020.schedule.json");
  CHECK(SessionTitled(rc3, "Elektronische Beweisführung").room == "r3s - Monheim/Rhein");
  CHECK(rc3.FindRoom("ChaosTrawler Stubnitz/Gängeviertel Hamburg") != nullptr);

  Schedule voc = LoadReal("voc-36c3-everything.schedule.json");
  // Its abstract is empty; the description (with emoji) stands in for it.
  CHECK(SessionTitled(voc, "42birds: Nerd Game Show").abstract.rfind("🙈 🙉 🙊", 0) == 0);
  CHECK(SessionTitled(voc, "오방색 Five Colour 김밥 Gimbab Varieties").room ==
        "Assembly:Foodhackingbase");
}

TEST_CASE("control characters are stripped and line ends made LF") {
  Schedule schedule = LoadReal("frab-klimacamp2015.schedule.json");
  for (const Session& session : schedule.sessions) {
    for (const std::string* text : {&session.title, &session.subtitle, &session.room, &session.type,
                                    &session.track, &session.abstract}) {
      CHECK(std::none_of(text->begin(), text->end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; }));
    }
  }
  auto schedule2 = ParseScheduleJson(OneEvent(
      R"("duration": "01:00", "title": " Power\u0006 and\n  light ", "abstract": "a\r\nb\u0006\r")"));
  REQUIRE(schedule2.ok());
  CHECK(schedule2->sessions[0].title == "Power and light");
  CHECK(schedule2->sessions[0].abstract == "a\nb");
}

TEST_CASE("conference facts, ids, tracks and optional fields are read as text") {
  Schedule voc = LoadReal("voc-39c3-everything.schedule.json");
  CHECK(voc.title == "39th Chaos Communications Congress");
  CHECK(voc.acronym == "39c3");
  CHECK(voc.version == "1.1 2025-12-27 20:22");
  CHECK(voc.time_zone_name == "Europe/Berlin");
  const Session& opening = SessionTitled(voc, "Opening Ceremony");
  CHECK(opening.track == "CCC & Community");
  CHECK(opening.track_color == "#a4a300");
  CHECK(opening.subtitle.empty());                               // null in the feed
  CHECK(SessionTitled(voc, "cleanup").feed_id == "1526599157");  // a string id

  Schedule klimacamp = LoadReal("frab-klimacamp2015.schedule.json");
  CHECK(klimacamp.acronym.empty());  // missing in the feed
  CHECK(klimacamp.title == "Klimcamp 2015");

  auto schedule = ParseScheduleJson(OneEvent(
      R"("duration": "01:00", "id": 42, "track": null, "language": ["de", "en"], "type": null,
         "url": " https://example.org/t ", "abstract": null, "unknown": {"x": [1]})"));
  REQUIRE(schedule.ok());
  const Session& session = schedule->sessions[0];
  CHECK(session.feed_id == "42");
  CHECK(session.track.empty());
  CHECK(session.language == "de, en");
  CHECK(session.url == "https://example.org/t");
  CHECK(session.abstract.empty());
}

TEST_CASE("a bad date names its place in the feed") {
  std::string json = R"({"schedule": {"conference": {"title": "T", "days": [
      {"rooms": {}},
      {"rooms": {"Hall B": [], "Hall A": [
        {"date": "2025-10-15T10:00:00+05:00", "duration": "01:00"},
        {"date": "2025-10-15T11:00:00+05:00", "duration": "01:00"},
        {"date": "2025-10-15T12:00:00+05:00", "duration": "01:00"},
        {"date": "next Tuesday", "duration": "01:00"}]}}]}}})";
  std::string message = ErrorOf(json);
  CHECK(message.rfind(R"(schedule.conference.days[1].rooms["Hall A"][3].date: not a date and time)",
                      0) == 0);
  CHECK(message.find("\"next Tuesday\"") != std::string::npos);
}

TEST_CASE("a date without a UTC offset is refused, not left floating") {
  std::string json = R"({"schedule": {"conference": {"days": [{"date": "2025-10-15", "rooms":
      {"Hall A": [{"date": "2025-10-15T10:00:00", "start": "10:00", "duration": "01:00"}]}}]}}})";
  std::string message = ErrorOf(json);
  CHECK(message.rfind(R"(schedule.conference.days[0].rooms["Hall A"][0].date: no UTC offset)", 0) ==
        0);
}

TEST_CASE("a missing or misshapen structure is named") {
  CHECK(ErrorOf("[]").find("not a schedule.json") != std::string::npos);
  CHECK(ErrorOf(R"({"results": []})").rfind("schedule: missing", 0) == 0);
  CHECK(ErrorOf(R"({"schedule": {"conference": {}}})")
            .rfind("schedule.conference.days: missing", 0) == 0);
  CHECK(ErrorOf(R"({"schedule": {"conference": {"days": [{"rooms": {"A": [7]}}]}}})")
            .rfind(R"(schedule.conference.days[0].rooms["A"][0]: not an event)", 0) == 0);
}

TEST_CASE("invalid JSON is refused with its line, column and byte offset") {
  std::string message = ErrorOf("{\"schedule\":\n  {\"conference\": tru}}");
  CHECK(message.find("not valid JSON") != std::string::npos);
  CHECK(message.find("line 2") != std::string::npos);
  CHECK(message.find("byte ") != std::string::npos);
}

TEST_CASE("broken JSON is explained in nlohmann::json's words, as before the tape") {
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  for (const std::string& bytes :
       {std::string("{\"schedule\": {\"conference\": [1,]}}"), std::string("{\"a\": \"\\ud800\"}"),
        std::string("\xEF\xBB\xBF{\"a\" 1}"), std::string("{\"a\": 1} x"), std::string(""),
        std::string("{\"id\": 1e999}"), "{\"logo\": " + deep + "}",
        "{\"x\": tru, \"logo\": " + deep + "}", std::string("{\"a\": 1}\0", 9) + deep}) {
    CAPTURE(bytes);
    const size_t bom = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    feed::Json ignored;
    Status expected = feed::ParseJsonDocument(bytes, bom, ignored);
    REQUIRE_FALSE(expected.ok());
    CHECK(ErrorOf(bytes) == expected.message());
  }
}

TEST_CASE("bytes that are not UTF-8 are refused with the offset of the first bad byte") {
  std::string bytes = OneEvent(R"("duration": "01:00", "title": "caf)"
                               "\xE9"
                               R"(")");
  std::string message = ErrorOf(bytes);
  CHECK(message.find("not UTF-8") != std::string::npos);
  CHECK(message.find("byte " + std::to_string(bytes.find('\xE9'))) != std::string::npos);
}

TEST_CASE("a byte order mark and surrounding whitespace are fine") {
  auto schedule = ParseFeed("\xEF\xBB\xBF \n" + OneEvent(R"("duration": "01:00")") + "\n");
  REQUIRE_MESSAGE(schedule.ok(), schedule.status().ToString());
  CHECK(schedule->sessions.size() == 1);
}

TEST_CASE("an HTML page is refused as an HTML page, not a schedule feed") {
  for (const char* page :
       {"<!DOCTYPE html>\n<html><head><title>Login</title></head></html>",
        "  <HTML><body>Welcome to the hotel wifi</body></HTML>",
        "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"}) {
    INFO(page);
    CHECK(DetectFeedFormat(page) == FeedFormat::kUnknown);
    auto schedule = ParseFeed(page);
    REQUIRE_FALSE(schedule.ok());
    CHECK(schedule.status().message().find("HTML page") != std::string::npos);
  }
}

TEST_CASE("the format of each real feed is detected from its bytes") {
  struct Case {
    const char* file;
    FeedFormat format;
  };
  for (const Case& c : {
           Case{"pretalx-democon-2020.schedule.json", FeedFormat::kScheduleJson},
           Case{"pretalx-rc3-channels-2020.schedule.json", FeedFormat::kScheduleJson},
           Case{"frab-camp2019.schedule.json", FeedFormat::kScheduleJson},
           Case{"frab-36c3.schedule.json", FeedFormat::kScheduleJson},
           Case{"voc-36c3-everything.schedule.json", FeedFormat::kScheduleJson},
           Case{"voc-39c3-everything.schedule.json", FeedFormat::kScheduleJson},
           Case{"frab-klimacamp2015.schedule.json", FeedFormat::kScheduleJson},
           Case{"hub-38c3-schedule.xml", FeedFormat::kScheduleXml},
           Case{"hub-39c3-schedule-20251206.xml", FeedFormat::kScheduleXml},
           Case{"frab-klimacamp2015-schedule.xml", FeedFormat::kScheduleXml},
           Case{"frab-klimacamp2015-schedule.ics", FeedFormat::kICalendar},
           Case{"pyconuk-2015-schedule.ics", FeedFormat::kICalendar},
           Case{"inpycon-2021-schedule.ics", FeedFormat::kICalendar},
           Case{"moca-2024-schedule.ics", FeedFormat::kICalendar},
           Case{"indico-xdc2021-event-export.json", FeedFormat::kIndicoJson},
           Case{"frab-klimacamp2015-schedule.xcal", FeedFormat::kXCalendar},
           Case{"c3voc-schedule-schema.json", FeedFormat::kUnknown},
       }) {
    INFO(c.file);
    CHECK(DetectFeedFormat(ReadFile(RealFeed(c.file))) == c.format);
  }
  CHECK(std::string(FeedFormatName(FeedFormat::kScheduleJson)) == "schedule.json");
}

TEST_CASE("what is not a schedule feed is refused, saying what it is") {
  CHECK(ParseFeed("").status().message().find("empty") != std::string::npos);
  CHECK(ParseFeed("hello").status().message().find("not a schedule feed") != std::string::npos);
  auto schema = ParseFeed(ReadFile(RealFeed("c3voc-schedule-schema.json")));
  REQUIRE_FALSE(schema.ok());
  CHECK(schema.status().message().find("not a schedule feed: a JSON object") != std::string::npos);
  auto svg = ParseFeed("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  REQUIRE_FALSE(svg.ok());
  CHECK(svg.status().message().find("neither <schedule> nor <icalendar>") != std::string::npos);
}

TEST_CASE("validation reports what a screen would show wrongly, naming date, room and title") {
  auto parsed = ParseScheduleJson(OneEvent(R"("duration": "01:00")"));
  REQUIRE(parsed.ok());
  Schedule schedule = *parsed;
  CHECK(ValidateSchedule(schedule).empty());

  Session backwards = schedule.sessions[0];
  backwards.title = "Opening address";
  backwards.end = backwards.start - 3600;
  Session untitled = schedule.sessions[0];
  untitled.title = "";
  Session roomless = schedule.sessions[0];
  roomless.room = "";
  Session endless = schedule.sessions[0];
  endless.end = endless.start + 30 * 3600;
  schedule.sessions = {backwards, untitled, roomless, endless};

  std::vector<Problem> problems = ValidateSchedule(schedule);
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].place == "2025-10-15, Hall A, \"Opening address\"");
  CHECK(problems[0].message == "ends before it starts (start 10:00, end 09:00)");
  CHECK(problems[1].place == "2025-10-15, Hall A, untitled session at 10:00");
  CHECK(problems[1].message == "has no title");
  CHECK(problems[2].place == "2025-10-15, (no room), \"Talk\"");
  CHECK(problems[2].message == "has no room");
  CHECK(problems[3].message.find("more than a day") != std::string::npos);
}

TEST_CASE("a session of more than a day is a warning: screens show it with its dates") {
  auto parsed = ParseScheduleJson(OneEvent(R"("duration": "01:00")"));
  REQUIRE(parsed.ok());
  Schedule schedule = *parsed;
  schedule.sessions[0].end = schedule.sessions[0].start + 30 * 86400;
  std::vector<ScheduleProblem> problems = ReviewSchedule(schedule);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].warning);
  CHECK(problems[0].problem.message ==
        "lasts 720 h 0 min, more than a day: is its duration right?");
  schedule.sessions[0].title = "";
  problems = ReviewSchedule(schedule);
  REQUIRE(problems.size() == 2);
  CHECK_FALSE(problems[1].warning);  // no title: an error still
}

TEST_CASE("the local date in a problem is the session's own, not UTC's") {
  auto parsed = ParseScheduleJson(OneEvent(R"("duration": "01:00")"));
  REQUIRE(parsed.ok());
  Schedule schedule = *parsed;
  schedule.sessions[0].start = ParseIsoInstant("2025-10-16T01:30:00+05:00")->utc;
  schedule.sessions[0].end = schedule.sessions[0].start;
  schedule.sessions[0].title = "";
  std::vector<Problem> problems = ValidateSchedule(schedule);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].place == "2025-10-16, Hall A, untitled session at 01:30");
}

TEST_CASE("a schedule with no sessions is a problem") {
  auto parsed = ParseScheduleJson(R"({"schedule": {"conference": {"days": []}}})");
  REQUIRE(parsed.ok());
  std::vector<Problem> problems = ValidateSchedule(*parsed);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].place == "schedule");
  CHECK(problems[0].message.find("no sessions") != std::string::npos);
}

}  // namespace
}  // namespace foyer
