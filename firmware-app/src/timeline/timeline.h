// Timeline: what a screen shows at an instant — for one room, the session on
// now, the next ones and the room's state; for a hallway, every room's now and
// next. Times are compared as UTC instants and shown in the display zone.
// Pure functions over a Schedule; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "model/schedule.h"

namespace foyer {

enum class RoomState {
  kInSession,    // a session runs now
  kBreak,        // nothing now, more later the same (conference) day
  kDayOver,      // nothing more today; the next session is on a later day
  kBeforeEvent,  // the event has not started yet
  kAfterEvent,   // nothing more to come
};
// "in_session", "break", "day_over", "before_event", "after_event".
const char* RoomStateName(RoomState state);

// Conference days (base/time.h, ConferenceDay) run from 04:00 to 03:59 local time.

struct RoomView {
  std::string room;  // the room's name as the feed writes it
  RoomState state = RoomState::kAfterEvent;
  std::optional<Session> now;
  std::vector<Session> next;  // in start order, at most next_count
};

struct HallwayRow {
  std::string room;
  std::optional<Session> now;
  std::optional<Session> next;
  bool full = false;  // a "full" announcement is active for the room
};

struct HallwayView {
  RoomState state = RoomState::kAfterEvent;  // of the rooms shown, taken together
  std::vector<HallwayRow> rows;
  std::optional<UnixSeconds> resumes;  // the soonest next start in any of the rooms
};

// The zone to show times in (docs/CONTRACTS.md, "Time"): `configured` (clock.timezone)
// when given; else the feed's time_zone_name when it agrees with the offsets
// most sessions carry; else the offset most sessions carry.
Result<Zone> ChooseDisplayZone(const Schedule& schedule, const std::string& configured);

// REQUIRES: room names a room of the schedule (Schedule::FindRoom(room)->name).
RoomView ViewRoom(const Schedule& schedule, const std::string& room, UnixSeconds at,
                  const Zone& zone, int next_count);
// rooms: names in display order; empty means every room of the schedule, in feed order.
HallwayView ViewHallway(const Schedule& schedule, const std::vector<std::string>& rooms,
                        UnixSeconds at, const Zone& zone);

// The first session start or end strictly after `at` (in any of `rooms`, or
// all when empty), or nullopt: when the screen must change next.
std::optional<UnixSeconds> NextBoundary(const Schedule& schedule,
                                        const std::vector<std::string>& rooms, UnixSeconds at);

}  // namespace foyer
