#include "timeline/timeline.h"

#include <algorithm>
#include <map>

namespace foyer {
namespace {

bool InRooms(const std::vector<std::string>& rooms, const std::string& room) {
  return rooms.empty() || std::find(rooms.begin(), rooms.end(), room) != rooms.end();
}

// The sessions of one room in start order (feed order among equal starts),
// including those an update moved away from it (Session::room is then another).
std::vector<const Session*> SessionsIn(const Schedule& schedule, const std::string& room) {
  std::vector<const Session*> sessions;
  for (const Session& session : schedule.sessions)
    if (session.room == room || (session.previous.room && *session.previous.room == room))
      sessions.push_back(&session);
  std::stable_sort(sessions.begin(), sessions.end(),
                   [](const Session* a, const Session* b) { return a->start < b->start; });
  return sessions;
}

// A session that really takes place in `room` (not cancelled, not moved away).
bool TakesPlace(const Session& session, const std::string& room) {
  return !session.cancelled && session.room == room;
}

std::optional<UnixSeconds> EventStart(const Schedule& schedule) {
  std::optional<UnixSeconds> start;
  for (const Session& session : schedule.sessions)
    if (!session.cancelled && (!start || session.start < *start)) start = session.start;
  return start;
}

RoomState StateOf(bool has_now, const Session* next, std::optional<UnixSeconds> event_start,
                  UnixSeconds at, const Zone& zone) {
  if (has_now) return RoomState::kInSession;
  if (event_start && at < *event_start) return RoomState::kBeforeEvent;
  if (!next) return RoomState::kAfterEvent;
  if (ConferenceDay(zone, next->start) == ConferenceDay(zone, at)) return RoomState::kBreak;
  return RoomState::kDayOver;
}

// The session running at `at` (the one that started last when several
// overlap), the first one starting after it, and the upcoming list a room
// screen shows: sessions still to start, and until they end, those cancelled
// or moved away, so attendees learn of it at the door.
void FindNowAndNext(const std::vector<const Session*>& sessions, const std::string& room,
                    UnixSeconds at, const Session*& now, const Session*& first_next,
                    std::vector<const Session*>& shown, size_t shown_count) {
  now = nullptr;
  first_next = nullptr;
  for (const Session* session : sessions)
    if (TakesPlace(*session, room) && session->start <= at && at < session->end) now = session;
  for (const Session* session : sessions) {
    bool real = TakesPlace(*session, room);
    if (real && session->start > at && !first_next) first_next = session;
    bool upcoming = real ? session->start > at && session != now : session->end > at;
    if (upcoming && shown.size() < shown_count) shown.push_back(session);
  }
}

}  // namespace

const char* RoomStateName(RoomState state) {
  switch (state) {
    case RoomState::kInSession:
      return "in_session";
    case RoomState::kBreak:
      return "break";
    case RoomState::kDayOver:
      return "day_over";
    case RoomState::kBeforeEvent:
      return "before_event";
    case RoomState::kAfterEvent:
      return "after_event";
  }
  return "after_event";
}

Result<Zone> ChooseDisplayZone(const Schedule& schedule, const std::string& configured) {
  if (!configured.empty()) return Zone::Load(configured);
  std::map<int, int> votes;
  for (const Session& session : schedule.sessions) ++votes[session.utc_offset];
  int dominant = 0, most = 0;
  for (auto [offset, count] : votes)
    if (count > most) dominant = offset, most = count;
  if (!schedule.time_zone_name.empty()) {
    auto named = Zone::Load(schedule.time_zone_name);
    if (named.ok()) {
      size_t agree = 0;
      for (const Session& session : schedule.sessions)
        agree += named->OffsetAt(session.start) == session.utc_offset;
      if (agree * 2 > schedule.sessions.size()) return named;
    }
  }
  return Zone::Fixed(dominant);
}

RoomView ViewRoom(const Schedule& schedule, const std::string& room, UnixSeconds at,
                  const Zone& zone, int next_count) {
  RoomView view;
  view.room = room;
  const Session* now = nullptr;
  const Session* first_next = nullptr;
  std::vector<const Session*> next;
  FindNowAndNext(SessionsIn(schedule, room), room, at, now, first_next, next,
                 static_cast<size_t>(std::max(0, next_count)));
  view.state = StateOf(now != nullptr, first_next, EventStart(schedule), at, zone);
  if (now) view.now = *now;
  for (const Session* session : next) view.next.push_back(*session);
  return view;
}

HallwayView ViewHallway(const Schedule& schedule, const std::vector<std::string>& rooms,
                        UnixSeconds at, const Zone& zone) {
  HallwayView view;
  std::vector<std::string> names = rooms;
  if (names.empty())
    for (const Room& room : schedule.rooms) names.push_back(room.name);
  bool any_now = false;
  const Session* soonest = nullptr;
  for (const std::string& name : names) {
    const Session* now = nullptr;
    const Session* first_next = nullptr;
    std::vector<const Session*> unused;
    FindNowAndNext(SessionsIn(schedule, name), name, at, now, first_next, unused, 0);
    HallwayRow row;
    row.room = name;
    if (now) row.now = *now, any_now = true;
    if (first_next) {
      row.next = *first_next;
      if (!soonest || first_next->start < soonest->start) soonest = first_next;
    }
    view.rows.push_back(std::move(row));
  }
  view.state = StateOf(any_now, soonest, EventStart(schedule), at, zone);
  if (soonest) view.resumes = soonest->start;
  return view;
}

std::optional<UnixSeconds> NextBoundary(const Schedule& schedule,
                                        const std::vector<std::string>& rooms, UnixSeconds at) {
  std::optional<UnixSeconds> boundary;
  auto consider = [&](UnixSeconds t) {
    if (t > at && (!boundary || t < *boundary)) boundary = t;
  };
  for (const Session& session : schedule.sessions) {
    if (!InRooms(rooms, session.room)) continue;
    consider(session.start);
    consider(session.end);
  }
  return boundary;
}

}  // namespace foyer
