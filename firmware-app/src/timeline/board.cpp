#include "timeline/board.h"

#include <algorithm>
#include <limits>

namespace foyer {
namespace {

// Whether the row has something left on the conference day of `at`.
bool HasSomethingToday(const HallwayRow& row, UnixSeconds at, const Zone& zone) {
  if (row.now) return true;
  return row.next && ConferenceDay(zone, row.next->start) == ConferenceDay(zone, at);
}

// A departures board's key: the next start today; else the end of what runs now.
UnixSeconds DepartureKey(const HallwayRow& row, UnixSeconds at, const Zone& zone) {
  if (row.next && ConferenceDay(zone, row.next->start) == ConferenceDay(zone, at))
    return row.next->start;
  if (row.now) return std::numeric_limits<UnixSeconds>::max() / 2 + row.now->end;
  return std::numeric_limits<UnixSeconds>::max();
}

}  // namespace

std::vector<HallwayRow> BoardRows(const HallwayView& view, UnixSeconds at, const Zone& zone,
                                  HallwayOrder order) {
  std::vector<HallwayRow> rows;
  for (const HallwayRow& row : view.rows)
    if (HasSomethingToday(row, at, zone)) rows.push_back(row);
  if (order == HallwayOrder::kNext)
    std::stable_sort(rows.begin(), rows.end(), [&](const HallwayRow& a, const HallwayRow& b) {
      return DepartureKey(a, at, zone) < DepartureKey(b, at, zone);
    });
  return rows;
}

}  // namespace foyer
