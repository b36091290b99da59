// What every mode of the foyer command shares: the cached schedule as the
// screen sees it, which room it shows, whether its data is stale, and the
// ScreenInput layout draws from. Thread-compatible.
#pragma once

#include <memory>
#include <string>

#include "app/config.h"
#include "base/time.h"
#include "layout/layout.h"
#include "model/schedule.h"
#include "store/store.h"

namespace foyer {

struct CachedSchedule {
  Schedule schedule;
  FeedState feed;
  Zone zone = Zone::Fixed(0);
  bool has_schedule() const { return !schedule.sessions.empty() || !schedule.rooms.empty(); }
};

// Loads the schedule and feed state from the store and chooses the display zone.
Result<CachedSchedule> LoadCachedSchedule(Store& store, const Config& config);

// The name of the configured room as the feed writes it (display.room may give
// its slug or differ in case); display.room itself when the cache lacks it.
std::string ResolveRoom(const Config& config, const Schedule& schedule);
// The configured hallway rooms resolved the same way (empty: all).
std::vector<std::string> ResolveRooms(const Config& config, const Schedule& schedule);

// True when the last successful sync is older than feed.stale_after at real time
// `real_now`; `last_success` is the newest success known (cache or memory).
bool IsStale(const Config& config, UnixSeconds last_success, UnixSeconds real_now);

// Everything layout needs to draw the configured screen at `at`.
ScreenInput MakeScreenInput(const Config& config, const CachedSchedule& cached, UnixSeconds at,
                            UnixSeconds last_success, UnixSeconds real_now, int width, int height);

// The --print JSON (DESIGN.md) for the configured screen at `at`.
std::string PrintJson(const Config& config, const CachedSchedule& cached, UnixSeconds at,
                      UnixSeconds real_now);

}  // namespace foyer
