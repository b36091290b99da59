#include "app/modes.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/cached_schedule.h"
#include "app/clock_check.h"
#include "app/print.h"
#include "app/screenshot.h"
#include "app/stop_signals.h"
#include "base/log.h"
#include "store/store.h"
#include "sync/syncer.h"

namespace foyer {
namespace {

// Opens the cache and loads what it holds.
Result<CachedSchedule> OpenCached(const Config& config) {
  auto store = Store::Open(config.cache.path);
  if (!store.ok()) return store.status();
  return LoadCachedSchedule(**store, config);
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
  auto cached = OpenCached(config);
  if (cached.ok() && cached->has_schedule()) {
    std::vector<std::string> wanted = config.display.rooms;
    if (config.display.mode == DisplayMode::kRoom)
      wanted.insert(wanted.begin(), config.display.room);
    int problems = 0;
    for (const std::string& room : wanted) {
      if (cached->schedule.FindRoom(room)) continue;
      std::string known;
      for (const Room& r : cached->schedule.rooms) known += (known.empty() ? "" : ", ") + r.name;
      std::fprintf(stderr, "%s:1: room \"%s\" is not in the cached schedule; its rooms are: %s\n",
                   config.path.c_str(), room.c_str(), known.c_str());
      ++problems;
    }
    if (problems) return 2;
  }
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
  auto store = Store::Open(config.cache.path);
  if (!store.ok()) {
    PrintSyncFailure(store.status().message());
    return 1;
  }
  SyncOptions options = SyncOptionsFor(config);
  SyncOutcome outcome = Syncer(env, http.get(), store->get(), options).SyncOnce();
  nlohmann::json out;
  out["result"] = outcome.KindName();
  out["sessions"] = outcome.sessions;
  out["rooms"] = outcome.rooms;
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
  PrintSyncLine(out);
  return outcome.kind == SyncOutcome::Kind::kFailed ? 1 : 0;
}

int RunPrint(const Config& config, const ScreenMoment& moment) {
  auto plan = OpenPlan(config);
  if (!plan) return 1;
  std::printf("%s\n", PrintJson(*plan, Trusted(moment, plan->cached)).c_str());
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
