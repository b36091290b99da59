#include "app/cached_schedule.h"

#include <algorithm>

#include "base/log.h"
#include "sync/health.h"
#include "timeline/timeline.h"

namespace foyer {
namespace {

// Leaves out what `key` (feed.minisign_key, "" none) did not verify: a key set
// after the content was cached, or another key.
Status WithholdUnverified(Store& store, const std::string& key, CachedSchedule& cached) {
  if (key.empty()) return Status::Ok();
  auto announcements_feed = store.LoadFeedState(FeedKind::kAnnouncements);
  if (!announcements_feed.ok()) return announcements_feed.status();
  std::vector<std::string> withheld;
  if (cached.feed.verified_key != key && cached.has_schedule()) {
    cached.schedule = Schedule{};
    withheld.push_back("the cached schedule");
  }
  if (announcements_feed->verified_key != key && !cached.announcements.empty()) {
    cached.announcements.clear();
    withheld.push_back("the cached announcements");
  }
  if (!withheld.empty())
    cached.withheld = withheld.front() +
                      (withheld.size() > 1 ? " and " + withheld.back() + " were" : " was") +
                      " not verified with feed.minisign_key and not shown until the feed's "
                      "signature is checked";
  return Status::Ok();
}

}  // namespace

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
  if (Status withheld = WithholdUnverified(store, config.feed.minisign_key, cached); !withheld.ok())
    return withheld;
  SyncHealth health = ReadSyncHealth(SyncHealthPath(config.cache.path));
  cached.last_success = std::max(cached.feed.last_sync, health.last_success);
  cached.storage = {health.storage_problem, health.moved_aside};
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
