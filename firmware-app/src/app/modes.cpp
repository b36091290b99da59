#include "app/modes.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

#include "app/cached_schedule.h"
#include "app/clock_check.h"
#include "app/print.h"
#include "app/screenshot.h"
#include "app/stop_signals.h"
#include "base/log.h"
#include "store/cache_file.h"
#include "store/store.h"
#include "sync/syncer.h"

namespace foyer {
namespace {

// Opens the cache, healed as the screen would heal it (store/cache_file.h), and
// loads what it holds.
Result<CachedSchedule> OpenCached(const Config& config) {
  CacheFile cache(config.cache.path, Env::Default());
  auto cached = LoadCachedSchedule(cache.Get(), config);
  if (!cached.ok() && cache.NeedsHealing()) cached = LoadCachedSchedule(cache.Get(), config);
  if (!cached.ok()) return cached.status();
  // What this process found itself comes before the syncing process's word.
  if (!cache.status().writable() || !cache.status().moved_aside.empty())
    cached->storage = cache.status();
  return cached;
}

// The rooms the config names that the synced schedule does not have; the
// cache is only read. Returns how many.
int CheckRooms(const Config& config) {
  auto store = Store::Open(config.cache.path, {.read_only = true, .create = false});
  if (!store.ok()) return 0;  // not synced yet
  auto cached = LoadCachedSchedule(**store, config);
  if (!cached.ok() || !cached->has_schedule()) return 0;
  std::vector<std::string> wanted = config.display.rooms;
  if (config.display.mode == DisplayMode::kRoom) wanted.insert(wanted.begin(), config.display.room);
  int problems = 0;
  for (size_t i = 0; i < wanted.size(); ++i) {
    const std::string& room = wanted[i];
    if (cached->schedule.FindRoom(room)) continue;
    std::string known;
    for (const Room& r : cached->schedule.rooms) known += (known.empty() ? "" : ", ") + r.name;
    const bool the_room = config.display.mode == DisplayMode::kRoom && i == 0;
    const std::string place =
        PlaceName(config, the_room ? config.display.room_at : config.display.rooms_at);
    std::fprintf(stderr, "%s: room \"%s\" is not in the cached schedule; its rooms are: %s\n",
                 place.c_str(), room.c_str(), known.c_str());
    ++problems;
  }
  return problems;
}

// One sync into the cache, healing it when the sync found it failing; fails
// when the cache cannot be written, as nothing would last.
SyncOutcome SyncOnceInto(CacheFile& cache, Env* env, const Config& config, HttpClient* http) {
  Store& store = cache.Get();
  SyncOutcome outcome;
  if (cache.in_memory()) {
    outcome.error = cache.status().problem;
    return outcome;
  }
  Syncer syncer(env, http, &store, SyncOptionsFor(config));
  syncer.SetStorage(cache.status());
  outcome = syncer.SyncOnce();
  if (!cache.NeedsHealing()) return outcome;
  syncer.UseStore(&cache.Get());
  if (cache.in_memory()) return outcome;  // its error tells why
  syncer.SetStorage(cache.status());
  return syncer.SyncOnce();  // into the new cache, the damaged one moved aside
}

// Opens the cache and resolves the screen against it; prints why not on failure.
std::optional<ScreenPlan> OpenPlan(const Config& config) {
  auto cached = OpenCached(config);
  if (!cached.ok()) {
    std::fprintf(stderr, "foyer: %s\n", cached.status().message().c_str());
    return std::nullopt;
  }
  return PlanScreen(config, std::move(*cached));
}

// A moment on the system clock is trusted only when the clock is plausible.
ScreenMoment Trusted(ScreenMoment moment, const CachedSchedule& cached) {
  if (!moment.clock_trusted) {
    std::string why;
    moment.clock_trusted = ClockPlausible(moment.real_now, cached.last_success, &why);
    if (!moment.clock_trusted) LogWarning(why);
  }
  return moment;
}

// The --sync-once line. What is not UTF-8 is replaced rather than thrown
// over: the line is always printed.
void PrintSyncLine(const nlohmann::json& line) {
  std::printf("%s\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace

int RunCheck(const Config& config) {
  int problems = 0;
  if (Status cache = InspectCache(config.cache.path); !cache.ok()) {
    std::fprintf(stderr, "%s: cache.path: %s\n", PlaceName(config, config.cache.path_at).c_str(),
                 cache.message().c_str());
    ++problems;
  } else {
    problems += CheckRooms(config);
  }
  if (problems) return 2;
  if (config.overrides.empty())
    std::printf("%s: ok\n", config.path.c_str());
  else
    std::printf("%s: ok (with %s)\n", config.path.c_str(), config.overrides.c_str());
  return 0;
}

void PrintSyncFailure(const std::string& error) {
  PrintSyncLine({{"result", "failed"}, {"sessions", 0}, {"rooms", 0}, {"error", error}});
}

int RunSyncOnce(const Config& config, Env* env) {
  auto http = NewCurlHttpClient();
  StopSignals signals;  // SIGTERM ends the transfer, and the line says so
  OnStopScope stop_fetch(signals, [&http] { http->Stop(); });
  CacheFile cache(config.cache.path, env);
  SyncOutcome outcome = SyncOnceInto(cache, env, config, http.get());
  nlohmann::json out = {
      {"result", outcome.KindName()}, {"sessions", outcome.sessions}, {"rooms", outcome.rooms}};
  out["http_status"] = outcome.http_status;
  out["bytes"] = outcome.bytes;
  out["duration_ms"] = outcome.duration_ms;
  if (outcome.kind == SyncOutcome::Kind::kFailed) out["error"] = outcome.error;
  if (outcome.has_announcements) {
    out["announcements"] = outcome.announcements;
    out["announcements_result"] = SyncKindName(outcome.announcements_kind);
    if (outcome.announcements_kind == SyncOutcome::Kind::kFailed)
      out["announcements_error"] = outcome.announcements_error;
  }
  out["storage"] = StorageJson(cache.status());
  PrintSyncLine(out);
  return outcome.kind == SyncOutcome::Kind::kFailed ? 1 : 0;
}

int RunPrint(const Config& config, const ScreenMoment& moment, int width, int height) {
  auto plan = OpenPlan(config);
  if (!plan) return 1;
  PrintPanel panel{width, height};
  if (config.display.rotation == 90 || config.display.rotation == 270)
    std::swap(panel.width, panel.height);
  std::printf("%s\n", PrintJson(*plan, Trusted(moment, plan->cached), panel).c_str());
  return 0;
}

int RunScreenshot(const Config& config, const ScreenMoment& moment, int width, int height,
                  const std::string& path) {
  auto plan = OpenPlan(config);
  if (!plan) return 1;
  Status status = TakeScreenshot(*plan, Trusted(moment, plan->cached), width, height,
                                 config.display.rotation, path);
  if (!status.ok()) {
    std::fprintf(stderr, "foyer: %s\n", status.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace foyer
