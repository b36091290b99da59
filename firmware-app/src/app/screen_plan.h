// What this screen shows, resolved once from the config and the cache: its
// rooms as the feed names them, the announcements for them, the display zone,
// languages and theme. The kiosk resolves it again only when the config or
// the cache changes; a frame then takes only the moment (MakeScreenInput).
// Plain values; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "app/cached_schedule.h"
#include "app/config.h"
#include "layout/layout.h"

namespace foyer {

// The instant a screen is drawn for.
struct ScreenMoment {
  UnixSeconds at = 0;         // the schedule's "now" (demo clock, --at, or the system's)
  UnixSeconds real_now = 0;   // the wall clock, for staleness
  bool clock_trusted = true;  // false: show a neutral screen, no "now"
};

struct ScreenPlan {
  DisplayMode mode = DisplayMode::kRoom;
  std::string room;  // room mode: the room's name as the feed writes it (display.room when unknown)
  // Hallway mode: display.rooms as the feed names them; empty means every room.
  std::vector<std::string> hallway_rooms;
  // Every room this screen shows, by the feed's names: what can change it.
  std::vector<std::string> rooms_shown;
  // The cached announcements with their rooms named as the feed names them.
  std::vector<Announcement> announcements;
  std::vector<Language> languages = {Language::kEnglish};
  Theme theme = Theme::Dark();
  std::string logo;
  int next_count = 3;
  HallwayOrder hallway_order = HallwayOrder::kFeed;
  Hours hours;       // when the panel is lit
  std::string info;  // display.info: room screens show it
  int stale_after = 900;
  bool zone_known = true;  // a schedule or clock.timezone tells the local time
  CachedSchedule cached;

  bool hallway() const { return mode == DisplayMode::kHallway; }
};

// Resolves the config against what the cache holds.
ScreenPlan PlanScreen(const Config& config, CachedSchedule cached);

// True when the last successful sync is older than feed.stale_after at real time `real_now`.
bool IsStale(const ScreenPlan& plan, UnixSeconds real_now);

// The announcements for this screen active at `at`, most urgent first.
std::vector<Announcement> ActiveAnnouncementsAt(const ScreenPlan& plan, UnixSeconds at);

// Whether the panel is lit at `at`: within display.hours, or an emergency is on.
Power PowerAt(const ScreenPlan& plan, UnixSeconds at);

// The hallway board at `at` from the hallway's view then: the rooms left
// today, in display.hallway_order, those with an active "full" announcement marked.
std::vector<HallwayRow> BoardAt(const ScreenPlan& plan, const HallwayView& view, UnixSeconds at);

// Everything layout needs to draw the screen at the moment on a width x height picture.
ScreenInput MakeScreenInput(const ScreenPlan& plan, const ScreenMoment& moment, int width,
                            int height);

}  // namespace foyer
