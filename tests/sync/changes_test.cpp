#include "sync/changes.h"

#include <doctest/doctest.h>

#include "base/time.h"

namespace foyer {
namespace {

UnixSeconds At(const char* iso) { return ParseIsoInstant(iso)->utc; }

Session Talk(const char* guid, const char* room, const char* title, const char* start) {
  Session s;
  s.guid = guid;
  s.room = room;
  s.title = title;
  s.start = At(start);
  s.end = s.start + 3600;
  return s;
}

Schedule Forum() {
  Schedule schedule;
  schedule.rooms = {{"Hall A", ""}, {"Hall B", ""}};
  schedule.sessions = {Talk("g1", "Hall A", "Water security", "2025-10-15T13:00:00+05:00"),
                       Talk("g2", "Hall A", "Trade", "2025-10-15T15:00:00+05:00"),
                       Talk("g3", "Hall B", "Transport", "2025-10-15T13:00:00+05:00"),
                       Talk("g4", "Hall B", "Climate", "2025-10-15T15:00:00+05:00")};
  return schedule;
}

TEST_CASE("a moved, retimed or retitled session keeps its previous values") {
  Schedule update = Forum();
  update.sessions[0].start = At("2025-10-15T13:30:00+05:00");
  update.sessions[0].end = update.sessions[0].start + 3600;
  update.sessions[1].room = "Hall B";
  update.sessions[2].title = "Transport and the Middle Corridor";
  Schedule marked = MarkChanges(Forum(), update);
  CHECK(marked.sessions[0].previous.start == At("2025-10-15T13:00:00+05:00"));
  CHECK(marked.sessions[0].previous.end == At("2025-10-15T14:00:00+05:00"));
  CHECK_FALSE(marked.sessions[0].previous.room);
  CHECK(marked.sessions[1].previous.room == std::optional<std::string>("Hall A"));
  CHECK(marked.sessions[2].previous.title == std::optional<std::string>("Transport"));
  CHECK_FALSE(marked.sessions[3].previous.any());
  CHECK(marked.sessions.size() == 4);
}

TEST_CASE("marks last across later updates, and go when the session moves back") {
  Schedule update = Forum();
  update.sessions[0].start += 1800;
  Schedule first = MarkChanges(Forum(), update);
  Schedule same = MarkChanges(first, update);  // an unrelated edit elsewhere
  CHECK(same.sessions[0].previous.start == At("2025-10-15T13:00:00+05:00"));
  Schedule again = update;
  again.sessions[0].start += 1800;  // moved once more: still "moved from 13:00"
  CHECK(MarkChanges(same, again).sessions[0].previous.start == At("2025-10-15T13:00:00+05:00"));
  Schedule back = MarkChanges(same, Forum());
  CHECK_FALSE(back.sessions[0].previous.start);
}

TEST_CASE("a removed session stays, marked cancelled, through later updates") {
  Schedule update = Forum();
  update.sessions.erase(update.sessions.begin() + 1);  // "Trade" at 15:00
  Schedule marked = MarkChanges(Forum(), update);
  REQUIRE(marked.sessions.size() == 4);
  CHECK(marked.sessions.back().title == "Trade");
  CHECK(marked.sessions.back().cancelled);
  // Still there after the next update (screens hide it once its time has passed).
  Schedule next = MarkChanges(marked, update);
  REQUIRE(next.sessions.size() == 4);
  CHECK(next.sessions.back().cancelled);
}

TEST_CASE("a feed that renews every id is taken as new, not as everything cancelled") {
  Schedule renewed = Forum();
  for (Session& s : renewed.sessions) s.guid += "-regenerated";
  Schedule marked = MarkChanges(Forum(), renewed);
  CHECK(marked.sessions.size() == 4);
  for (const Session& s : marked.sessions) {
    CHECK_FALSE(s.cancelled);
    CHECK_FALSE(s.previous.any());
  }
}

}  // namespace
}  // namespace foyer
