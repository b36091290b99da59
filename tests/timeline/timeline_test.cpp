#include "timeline/timeline.h"

#include <doctest/doctest.h>

#include "feed/feed.h"
#include "support/files.h"

namespace foyer {
namespace {

constexpr int kAlmaty = 5 * 3600;

UnixSeconds At(const char* iso) { return ParseIsoInstant(iso)->utc; }

Session MakeSession(const char* room, const char* title, const char* start, int minutes) {
  Session session;
  session.room = room;
  session.title = title;
  auto parsed = *ParseIsoInstant(start);
  session.start = parsed.utc;
  session.end = parsed.utc + minutes * 60;
  session.utc_offset = parsed.offset_seconds;
  return session;
}

// Two forum days in two rooms, with a lunch break, a reception across midnight
// and a room that has nothing.
Schedule Forum() {
  Schedule schedule;
  schedule.time_zone_name = "Asia/Almaty";
  schedule.rooms = {{"Main Hall", "main-hall"}, {"Hall A", "hall-a"}, {"Press room", ""}};
  schedule.sessions = {
      MakeSession("Main Hall", "Opening address", "2025-10-15T10:00:00+05:00", 30),
      MakeSession("Main Hall", "Main session", "2025-10-15T10:30:00+05:00", 90),
      MakeSession("Main Hall", "Second session", "2025-10-15T13:00:00+05:00", 90),
      MakeSession("Main Hall", "Reception", "2025-10-15T22:00:00+05:00", 150),
      MakeSession("Main Hall", "Closing", "2025-10-16T16:00:00+05:00", 60),
      MakeSession("Hall A", "Water security", "2025-10-15T14:45:00+05:00", 75),
      MakeSession("Hall A", "AI and trust", "2025-10-16T09:30:00+05:00", 90),
  };
  return schedule;
}

RoomView MainHallAt_(const Schedule& schedule, const char* iso) {
  return ViewRoom(schedule, "Main Hall", At(iso), Zone::Fixed(kAlmaty), 3);
}

RoomView MainHallAt(const char* iso, int next_count = 3) {
  return ViewRoom(Forum(), "Main Hall", At(iso), Zone::Fixed(kAlmaty), next_count);
}

TEST_CASE("at 10:40 on day one the main session is on and the next ones follow in order") {
  RoomView view = MainHallAt("2025-10-15T10:40:00+05:00");
  CHECK(view.state == RoomState::kInSession);
  REQUIRE(view.now);
  CHECK(view.now->title == "Main session");
  REQUIRE(view.next.size() == 3);
  CHECK(view.next[0].title == "Second session");
  CHECK(view.next[1].title == "Reception");
  CHECK(view.next[2].title == "Closing");
}

TEST_CASE("the same instant given in UTC gives the same view") {
  RoomView local = MainHallAt("2025-10-15T10:40:00+05:00");
  RoomView utc = MainHallAt("2025-10-15T05:40:00Z");
  RoomView other = MainHallAt("2025-10-15T07:40:00+02:00");
  REQUIRE(utc.now);
  REQUIRE(other.now);
  CHECK(utc.now->title == local.now->title);
  CHECK(other.now->title == local.now->title);
}

TEST_CASE("a session ends at its end instant and the next starts at its start") {
  CHECK(MainHallAt("2025-10-15T11:59:59+05:00").now->title == "Main session");
  CHECK(MainHallAt("2025-10-15T12:00:00+05:00").state == RoomState::kBreak);
  CHECK(MainHallAt("2025-10-15T13:00:00+05:00").now->title == "Second session");
}

TEST_CASE("lunch is a break with the afternoon session next") {
  RoomView view = MainHallAt("2025-10-15T12:30:00+05:00");
  CHECK(view.state == RoomState::kBreak);
  CHECK_FALSE(view.now);
  CHECK(view.next.front().title == "Second session");
}

TEST_CASE("a session across midnight is on both before and after midnight") {
  CHECK(MainHallAt("2025-10-15T23:59:00+05:00").now->title == "Reception");
  RoomView after = MainHallAt("2025-10-16T00:10:00+05:00");
  CHECK(after.state == RoomState::kInSession);
  CHECK(after.now->title == "Reception");
}

TEST_CASE("after the last session of a day the room's day is over until the next") {
  RoomView view = MainHallAt("2025-10-16T01:00:00+05:00");
  CHECK(view.state == RoomState::kDayOver);
  CHECK(view.next.front().title == "Closing");
  RoomView hall_a =
      ViewRoom(Forum(), "Hall A", At("2025-10-15T18:00:00+05:00"), Zone::Fixed(kAlmaty), 3);
  CHECK(hall_a.state == RoomState::kDayOver);
  CHECK(hall_a.next.front().title == "AI and trust");
}

TEST_CASE("a talk after midnight still belongs to the evening's conference day") {
  Schedule schedule = Forum();
  schedule.sessions.push_back(MakeSession("Hall A", "Late talk", "2025-10-16T00:30:00+05:00", 30));
  RoomView view =
      ViewRoom(schedule, "Hall A", At("2025-10-15T23:00:00+05:00"), Zone::Fixed(kAlmaty), 3);
  CHECK(view.state == RoomState::kBreak);
  CHECK(view.next.front().title == "Late talk");
}

TEST_CASE("a conference day starts at 04:00 wall time on the days clocks change") {
  auto berlin = Zone::Load("Europe/Berlin");
  REQUIRE(berlin.ok());
  Schedule schedule;
  schedule.rooms = {Room{"Saal 1", "saal-1"}};
  // Spring: 2025-03-30 02:00 CET becomes 03:00 CEST. From 04:00 to 05:00 CEST
  // the morning's 09:00 talk is the same day: a break, not "resumes tomorrow".
  schedule.sessions = {MakeSession("Saal 1", "Evening", "2025-03-29T20:00:00+01:00", 60),
                       MakeSession("Saal 1", "Morning", "2025-03-30T09:00:00+02:00", 60)};
  for (const char* at :
       {"2025-03-30T04:00:00+02:00", "2025-03-30T04:30:00+02:00", "2025-03-30T04:59:00+02:00"}) {
    CAPTURE(at);
    RoomView view = ViewRoom(schedule, "Saal 1", At(at), *berlin, 3);
    CHECK(view.state == RoomState::kBreak);
    CHECK(ConferenceDay(*berlin, At(at)) == CivilDate{2025, 3, 30});
  }
  // 03:59 CEST (01:59 UTC) still belongs to the evening before.
  CHECK(ConferenceDay(*berlin, At("2025-03-30T03:59:00+02:00")) == CivilDate{2025, 3, 29});
  CHECK(ViewRoom(schedule, "Saal 1", At("2025-03-30T03:30:00+02:00"), *berlin, 3).state ==
        RoomState::kDayOver);
  // Autumn: 2025-10-26 03:00 CEST becomes 02:00 CET. 03:00–04:00 CET is still
  // the evening before, and 04:00 CET starts the new day.
  CHECK(ConferenceDay(*berlin, At("2025-10-26T03:30:00+01:00")) == CivilDate{2025, 10, 25});
  CHECK(ConferenceDay(*berlin, At("2025-10-26T04:00:00+01:00")) == CivilDate{2025, 10, 26});
  CHECK(ConferenceDay(*berlin, At("2025-10-26T02:30:00+02:00")) == CivilDate{2025, 10, 25});
  schedule.sessions = {MakeSession("Saal 1", "Evening", "2025-10-25T20:00:00+02:00", 60),
                       MakeSession("Saal 1", "Morning", "2025-10-26T09:00:00+01:00", 60)};
  CHECK(ViewRoom(schedule, "Saal 1", At("2025-10-26T03:30:00+01:00"), *berlin, 3).state ==
        RoomState::kDayOver);
  CHECK(ViewRoom(schedule, "Saal 1", At("2025-10-26T04:10:00+01:00"), *berlin, 3).state ==
        RoomState::kBreak);
}

TEST_CASE("before the first session of the event, and after the last") {
  CHECK(MainHallAt("2025-10-14T18:00:00+05:00").state == RoomState::kBeforeEvent);
  CHECK(MainHallAt("2025-10-14T18:00:00+05:00").next.front().title == "Opening address");
  RoomView after = MainHallAt("2025-10-16T17:30:00+05:00");
  CHECK(after.state == RoomState::kAfterEvent);
  CHECK(after.next.empty());
}

TEST_CASE("a room with no sessions is after the event once the event has begun") {
  auto view =
      ViewRoom(Forum(), "Press room", At("2025-10-15T10:40:00+05:00"), Zone::Fixed(kAlmaty), 3);
  CHECK(view.state == RoomState::kAfterEvent);
  CHECK_FALSE(view.now);
}

TEST_CASE("next_count limits the upcoming sessions") {
  CHECK(MainHallAt("2025-10-15T10:40:00+05:00", 1).next.size() == 1);
}

TEST_CASE("the hallway shows every room in feed order, or the configured rooms in their order") {
  Schedule schedule = Forum();
  HallwayView all =
      ViewHallway(schedule, {}, At("2025-10-15T14:50:00+05:00"), Zone::Fixed(kAlmaty));
  REQUIRE(all.rows.size() == 3);
  CHECK(all.rows[0].room == "Main Hall");
  CHECK_FALSE(all.rows[0].now);
  CHECK(all.rows[0].next->title == "Reception");
  CHECK(all.rows[1].now->title == "Water security");
  CHECK(all.rows[1].next->title == "AI and trust");
  CHECK_FALSE(all.rows[2].now);
  CHECK_FALSE(all.rows[2].next);
  CHECK(all.state == RoomState::kInSession);

  HallwayView chosen = ViewHallway(schedule, {"Hall A", "Main Hall"},
                                   At("2025-10-15T12:30:00+05:00"), Zone::Fixed(kAlmaty));
  REQUIRE(chosen.rows.size() == 2);
  CHECK(chosen.rows[0].room == "Hall A");
  CHECK(chosen.state == RoomState::kBreak);
}

TEST_CASE("the next boundary is the next start or end in the rooms shown") {
  Schedule schedule = Forum();
  CHECK(NextBoundary(schedule, {"Main Hall"}, At("2025-10-15T10:40:00+05:00")) ==
        At("2025-10-15T12:00:00+05:00"));
  CHECK(NextBoundary(schedule, {}, At("2025-10-15T13:10:00+05:00")) ==
        At("2025-10-15T14:30:00+05:00"));
  CHECK_FALSE(NextBoundary(schedule, {}, At("2025-10-17T00:00:00+05:00")));
}

TEST_CASE("the display zone follows the feed's zone name only when it agrees with the offsets") {
  Schedule schedule = Forum();
  auto zone = ChooseDisplayZone(schedule, "");
  REQUIRE(zone.ok());
  CHECK(zone->name() == "Asia/Almaty");  // +05:00 in October 2025
  CHECK(zone->ToCivil(At("2025-10-15T10:40:00+05:00")).hour == 10);

  schedule.time_zone_name = "UTC";  // as pretalx-democon says, while writing +05:00
  zone = ChooseDisplayZone(schedule, "");
  REQUIRE(zone.ok());
  CHECK(zone->name() == "+05:00");

  zone = ChooseDisplayZone(schedule, "Europe/Berlin");
  REQUIRE(zone.ok());
  CHECK(zone->ToCivil(At("2025-10-15T10:40:00+05:00")).hour == 7);  // CEST
  CHECK_FALSE(ChooseDisplayZone(schedule, "Mars/Olympus").ok());
}

TEST_CASE("Almaty was +06:00 before March 2024 and is +05:00 since") {
  auto zone = Zone::Load("Asia/Almaty");
  REQUIRE(zone.ok());
  CHECK(zone->OffsetAt(At("2023-10-15T12:00:00Z")) == 6 * 3600);
  CHECK(zone->OffsetAt(At("2025-10-15T12:00:00Z")) == 5 * 3600);
}

TEST_CASE("pretalx-democon's 09:00 talks show at 09:00 although it names its zone UTC") {
  auto schedule =
      ParseFeed(testing::ReadFile(testing::RealFeed("pretalx-democon-2020.schedule.json")));
  REQUIRE(schedule.ok());
  auto zone = ChooseDisplayZone(*schedule, "");
  REQUIRE(zone.ok());
  RoomView view = ViewRoom(*schedule, "Gray Room", At("2020-12-14T08:10:00Z"), *zone, 3);
  REQUIRE(view.now);
  CivilTime start = zone->ToCivil(view.now->start);
  CHECK(start.hour == 9);
  CHECK(start.minute == 0);
}

}  // namespace
}  // namespace foyer

namespace foyer {
namespace {

TEST_CASE("a cancelled session is never on now, and is listed as upcoming until it ends") {
  Schedule schedule = Forum();
  schedule.sessions[1].cancelled = true;  // the main session, 10:30-12:00
  RoomView during = MainHallAt_(schedule, "2025-10-15T10:40:00+05:00");
  CHECK_FALSE(during.now);
  CHECK(during.state == RoomState::kBreak);
  REQUIRE_FALSE(during.next.empty());
  CHECK(during.next[0].title == "Main session");
  CHECK(during.next[0].cancelled);
  RoomView after = MainHallAt_(schedule, "2025-10-15T12:10:00+05:00");
  CHECK(after.next[0].title == "Second session");
}

TEST_CASE("a session moved to another room is listed in its old room until it ends") {
  Schedule schedule = Forum();
  schedule.sessions[2].room = "Hall A";  // the second session, 13:00
  schedule.sessions[2].previous.room = "Main Hall";
  RoomView main = MainHallAt_(schedule, "2025-10-15T12:30:00+05:00");
  CHECK(main.next[0].title == "Second session");
  CHECK(main.next[0].room == "Hall A");
  RoomView during = MainHallAt_(schedule, "2025-10-15T13:10:00+05:00");
  CHECK_FALSE(during.now);  // it takes place in Hall A
  RoomView hall_a =
      ViewRoom(schedule, "Hall A", At("2025-10-15T13:10:00+05:00"), Zone::Fixed(kAlmaty), 3);
  REQUIRE(hall_a.now);
  CHECK(hall_a.now->title == "Second session");
}

}  // namespace
}  // namespace foyer
