#include "app/cached_schedule.h"

#include <algorithm>

#include "base/log.h"
#include "sync/health.h"
#include "timeline/timeline.h"

namespace foyer {

Result<CachedSchedule> LoadCachedSchedule(Store& store, const Config& config) {
  CachedSchedule cached;
  auto schedule = store.LoadSchedule();
  if (!schedule.ok()) return schedule.status();
  auto feed = store.LoadFeedState();
  if (!feed.ok()) return feed.status();
  auto announcements = store.LoadAnnouncements();
  if (!announcements.ok()) return announcements.status();
  cached.schedule = std::move(*schedule);
  cached.feed = std::move(*feed);
  cached.announcements = std::move(*announcements);
  cached.last_success = std::max(cached.feed.last_sync,
                                 ReadSyncHealth(SyncHealthPath(config.cache.path)).last_success);
  auto zone = ChooseDisplayZone(cached.schedule, config.clock.timezone);
  if (!zone.ok()) return zone.status().WithContext("clock.timezone");
  cached.zone = std::move(*zone);
  return cached;
}

SyncOptions SyncOptionsFor(const Config& config) {
  SyncOptions options;
  options.url = config.feed.url;
  options.announcements_url = config.feed.announcements_url;
  options.timeout_seconds = config.feed.timeout;
  options.max_bytes = static_cast<std::size_t>(config.feed.max_bytes);
  options.interval_seconds = config.feed.interval;
  options.minisign_key = config.feed.minisign_key;
  options.ca_file = config.feed.ca_file;
  options.token_file = config.feed.token_file;
  if (auto folder = SyncHealthFolder(); !folder.ok())
    LogWarning("sync: " + folder.status().message() +
               "; --print then knows only the syncs that changed the cache");
  options.health_path = SyncHealthPath(config.cache.path);
  options.timezone = config.clock.timezone;
  return options;
}

}  // namespace foyer
