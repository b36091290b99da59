// The hallway board: which rooms of a HallwayView stay on the board and in
// what order. A room with nothing on now and nothing more today (its next
// session is on a later conference day, or there is none) leaves the board;
// the rest keep the feed's order or are sorted like a departures board.
// Pure; thread-safe.
#pragma once

#include <vector>

#include "base/names.h"
#include "base/time.h"
#include "timeline/timeline.h"

namespace foyer {

// display.hallway_order.
enum class HallwayOrder {
  kFeed,  // the feed's order (or display.rooms')
  kNext,  // what starts soonest first; a room whose next session is not today last
};
inline constexpr NameTable<HallwayOrder, 2> kHallwayOrderNames{{{
    {HallwayOrder::kFeed, "feed"},
    {HallwayOrder::kNext, "next"},
}}};

// The rows of `view` that stay on the board at `at`, in `order`: a room with a
// session on now, or with its next session later the same conference day.
std::vector<HallwayRow> BoardRows(const HallwayView& view, UnixSeconds at, const Zone& zone,
                                  HallwayOrder order);

}  // namespace foyer
