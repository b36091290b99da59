#include "timeline/board.h"

#include <doctest/doctest.h>

namespace foyer {
namespace {

UnixSeconds At(const char* iso) { return ParseIsoInstant(iso)->utc; }

Session Talk(const char* room, const char* start, int minutes) {
  Session session;
  session.room = room;
  session.title = std::string("Talk in ") + room;
  session.start = At(start);
  session.end = session.start + minutes * 60;
  session.utc_offset = 3600;
  return session;
}

std::vector<std::string> Names(const std::vector<HallwayRow>& rows) {
  std::vector<std::string> names;
  for (const HallwayRow& row : rows) names.push_back(row.room);
  return names;
}

// Day 2 of a congress at 14:20: a room on now, two later today, one done for
// the day (its next is tomorrow) and one with nothing at all.
HallwayView Afternoon() {
  HallwayView view;
  view.rows = {
      {"Saal 1", Talk("Saal 1", "2025-12-28T14:00:00+01:00", 40),
       Talk("Saal 1", "2025-12-28T16:00:00+01:00", 40)},
      {"Saal GLITCH", std::nullopt, Talk("Saal GLITCH", "2025-12-28T17:00:00+01:00", 40)},
      {"Kidspace", std::nullopt, Talk("Kidspace", "2025-12-29T11:00:00+01:00", 60)},
      {"Saal ZIGZAG", std::nullopt, Talk("Saal ZIGZAG", "2025-12-28T15:00:00+01:00", 40)},
      {"Empty assembly", std::nullopt, std::nullopt},
  };
  return view;
}

TEST_CASE("a room with nothing left today leaves the hallway board") {
  const UnixSeconds at = At("2025-12-28T14:20:00+01:00");
  auto rows = BoardRows(Afternoon(), at, Zone::Fixed(3600), HallwayOrder::kFeed);
  CHECK(Names(rows) == std::vector<std::string>{"Saal 1", "Saal GLITCH", "Saal ZIGZAG"});
}

TEST_CASE("a departures board puts what starts soonest first") {
  const UnixSeconds at = At("2025-12-28T14:20:00+01:00");
  auto rows = BoardRows(Afternoon(), at, Zone::Fixed(3600), HallwayOrder::kNext);
  CHECK(Names(rows) == std::vector<std::string>{"Saal ZIGZAG", "Saal 1", "Saal GLITCH"});
}

TEST_CASE("a session past midnight keeps its room on the board of the day before") {
  HallwayView view;
  view.rows = {{"Stage", std::nullopt, Talk("Stage", "2025-12-29T00:30:00+01:00", 60)}};
  auto rows =
      BoardRows(view, At("2025-12-28T23:50:00+01:00"), Zone::Fixed(3600), HallwayOrder::kFeed);
  CHECK(rows.size() == 1);
}

}  // namespace
}  // namespace foyer
