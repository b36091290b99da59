// What the cache holds for a screen: the schedule, its feed state and the
// announcements, read from the store in one go, with the display zone chosen
// and the newest successful sync known. Also the sync's options for a
// config. Plain values; thread-compatible.
#pragma once

#include <vector>

#include "app/config.h"
#include "base/time.h"
#include "model/schedule.h"
#include "store/cache_file.h"
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
  // How the cache file is doing (the kiosk's sync thread, else the polls'
  // health mirror, else this process's own opening of it).
  StorageStatus storage;
  // Why cached content is not shown ("" when all is): the schedule or
  // announcements were not verified with the feed.minisign_key set now.
  std::string withheld;
  bool has_schedule() const { return !schedule.sessions.empty() || !schedule.rooms.empty(); }
};

// Loads the schedule, announcements and feed state from the store, reads the
// polls' health mirror and chooses the display zone. Content that the
// configured feed.minisign_key did not verify is left out (see `withheld`).
Result<CachedSchedule> LoadCachedSchedule(Store& store, const Config& config);

// The sync's options for this screen's config.
SyncOptions SyncOptionsFor(const Config& config);

}  // namespace foyer
