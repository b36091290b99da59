// What every mode of the foyer command shares: the cached schedule as the
// screen sees it, which rooms it shows, whether its data is stale and its clock
// trustworthy, and the ScreenInput layout draws from. Thread-compatible.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "base/time.h"
#include "layout/layout.h"
#include "model/schedule.h"
#include "store/store.h"
#include "sync/syncer.h"

namespace foyer {

struct CachedSchedule {
  Schedule schedule;
  FeedState feed;
  std::vector<Announcement> announcements;
  Zone zone = Zone::Fixed(0);
  // The newest successful sync known: the cache's last change or the RAM
  // mirror of the polls (sync/health.h). The kiosk adds its sync thread's.
  UnixSeconds last_success = 0;
  bool has_schedule() const { return !schedule.sessions.empty() || !schedule.rooms.empty(); }
};

// Loads the schedule, announcements and feed state from the store, reads the
// polls' health mirror and chooses the display zone.
Result<CachedSchedule> LoadCachedSchedule(Store& store, const Config& config);

// The sync's options for this screen's config.
SyncOptions SyncOptionsFor(const Config& config);

// The name of the configured room as the feed writes it (display.room may give
// its slug or differ in case); display.room itself when the cache lacks it.
std::string ResolveRoom(const Config& config, const Schedule& schedule);
// The configured hallway rooms resolved the same way (empty: all).
std::vector<std::string> ResolveRooms(const Config& config, const Schedule& schedule);
// The rooms this screen shows: its room, or the hallway's rooms (all when none given).
std::vector<std::string> RoomsShown(const Config& config, const Schedule& schedule);

// True when the last successful sync is older than feed.stale_after at real time `real_now`.
bool IsStale(const Config& config, UnixSeconds last_success, UnixSeconds real_now);

// Boards without a real-time clock boot in the past until NTP answers. A clock
// earlier than this build, or than the last successful sync, cannot be right.
// `why` receives the reason when it is not.
bool ClockPlausible(UnixSeconds real_now, UnixSeconds last_success, std::string* why = nullptr);

// The instant a screen is drawn for.
struct ScreenMoment {
  UnixSeconds at = 0;         // the schedule's "now" (demo clock, --at, or the system's)
  UnixSeconds real_now = 0;   // the wall clock, for staleness
  bool clock_trusted = true;  // false: show a neutral screen, no "now"
};

// Everything layout needs to draw the configured screen.
ScreenInput MakeScreenInput(const Config& config, const CachedSchedule& cached,
                            const ScreenMoment& moment, int width, int height);

// The --print JSON (docs/CONTRACTS.md, "--print output") for the configured screen.
std::string PrintJson(const Config& config, const CachedSchedule& cached,
                      const ScreenMoment& moment);

}  // namespace foyer
