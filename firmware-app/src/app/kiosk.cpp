#include "app/kiosk.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/print.h"
#include "app/stop_signals.h"
#include "base/log.h"
#include "layout/layout.h"
#include "sync/child_http_client.h"

namespace foyer {

Kiosk::Kiosk(const Config& config, Env* clock, Env* real, Supervisor& supervisor, Waker& waker,
             SyncThread& sync, KioskFleet* fleet, std::unique_ptr<Display> display,
             std::unique_ptr<FontChain> fonts, std::unique_ptr<Store> store)
    : config_(config),
      clock_(clock),
      real_(real),
      fonts_(std::move(fonts)),
      measurer_(fonts_.get()),
      display_(std::move(display)),
      supervisor_(supervisor),
      waker_(waker),
      events_(config.display.fullscreen),
      power_(config.display.power_off_command, config.display.power_on_command),
      sync_(sync),
      fleet_(fleet) {
  display_->UseFonts(fonts_.get());
  plan_ = PlanScreen(config_, CachedSchedule{});
  if (store) UseStore(std::move(store));
}

void Kiosk::RefreshData() {
  if (auto moved = sync_.TakeReader())
    UseStore(std::move(moved));
  else if (store_)
    ReloadIfChanged();
  plan_.cached.storage = sync_.storage();
  plan_.cached.last_success = std::max(plan_.cached.last_success, sync_.last_success());
}

void Kiosk::ReloadIfChanged() {
  auto changes = store_->ChangeCounter();
  if (!changes.ok() || *changes == seen_changes_) return;
  seen_changes_ = *changes;
  auto fresh = LoadCachedSchedule(*store_, config_);
  if (fresh.ok()) {
    plan_ = PlanScreen(config_, std::move(*fresh));
    return;
  }
  // The screen keeps what it shows; the sync thread checks the cache and heals it.
  LogWarning("cannot read the cache: " + fresh.status().message());
  sync_.CheckCache();
}

void Kiosk::UseStore(std::unique_ptr<Store> store) {
  auto changes = store->ChangeCounter();
  seen_changes_ = changes.ok() ? *changes : 0;
  auto fresh = LoadCachedSchedule(*store, config_);
  store_ = std::move(store);
  if (!fresh.ok()) {
    LogWarning("cannot read the cache: " + fresh.status().message());
    return;
  }
  if (!fresh->has_schedule() && plan_.cached.has_schedule()) return;
  plan_ = PlanScreen(config_, std::move(*fresh));
}

ScreenMoment Kiosk::Moment() {
  ScreenMoment moment{clock_->Now(), real_->Now(), true};
  // A demo clock is taken as given; the system clock only while plausible.
  if (!config_.clock.start)
    moment.clock_trusted = clock_watch_.Check(moment.real_now, plan_.cached.last_success);
  return moment;
}

void Kiosk::Frame(const ScreenMoment& moment) {
  const std::int64_t started = real_->MonotonicMicros();
  int width = 0, height = 0;
  display_->PictureSize(width, height);
  DisplayList list = LayoutScreen(MakeScreenInput(plan_, moment, width, height), measurer_);
  if (fleet_ && fleet_->TakeScreenshotRequest()) display_->CaptureNext();
  if (display_->Show(list, must_draw_)) {
    stats_.FrameDrawn(started, real_->MonotonicMicros());
    supervisor_.FramePresented();
    if (stats_.frames() == 1) sync_.ReleaseFirstPoll();
  }
  if (auto picture = display_->TakeCapture(); picture && fleet_)
    fleet_->SendScreenshot(std::move(*picture));
  must_draw_ = false;
}

void Kiosk::Report(const ScreenMoment& moment) {
  supervisor_.Alive(real_->MonotonicMicros());
  supervisor_.Status(StatusLine(plan_, moment));
  // Outside its hours the frame is black; the TV itself is switched too when
  // the venue gave commands for it.
  const bool lit = !moment.clock_trusted || PowerAt(plan_, moment.at) == Power::kOn;
  power_.Want(lit ? Power::kOn : Power::kOff, real_->MonotonicMicros());
  if (fleet_) fleet_->Report(plan_, moment);
}

std::int64_t Kiosk::SleepMillis(std::int64_t deadline_micros) {
  std::int64_t wait =
      MillisUntilNextChange(plan_, clock_, real_, config_.clock.start ? config_.clock.speed : 1);
  // An untrusted clock is checked again every few seconds: NTP may answer any time.
  if (!clock_watch_.trusted()) wait = std::min<std::int64_t>(wait, 5000);
  frame_due_micros_ = real_->MonotonicMicros() + wait * 1000;
  // The watchdog is pinged from this loop, so it wakes in time to ping.
  if (std::int64_t ping = supervisor_.MillisUntilPing(real_->MonotonicMicros()); ping >= 0)
    wait = std::min(wait, ping + 1);
  if (std::int64_t input = events_.InputPollMillis(); input >= 0) wait = std::min(wait, input);
  if (deadline_micros) wait = std::min(wait, (deadline_micros - real_->MonotonicMicros()) / 1000);
  return wait;
}

void Kiosk::Handle(const DisplayEvents& events, bool woken) {
  if (events.quit) running_ = false;
  if (events.device_reset) display_->DeviceLost();
  if (events.redraw) must_draw_ = true;
  frame_due_ = woken || must_draw_ || real_->MonotonicMicros() >= frame_due_micros_;
}

void Kiosk::RequestStop() {
  stop_requested_ = true;
  waker_.Wake();
}

void Kiosk::RequestLiveStats() {
  live_stats_requested_ = true;
  waker_.Wake();
}

void Kiosk::Run(std::int64_t deadline_micros) {
  run_started_micros_ = real_->MonotonicMicros();
  while (running_ && !stop_requested_) {
    if (frame_due_) RefreshData();
    const ScreenMoment moment = Moment();
    if (frame_due_) Frame(moment);
    Report(moment);
    if (live_stats_requested_.exchange(false)) PrintLiveStats();
    std::int64_t wait = SleepMillis(deadline_micros);
    if (deadline_micros && wait <= 0) break;
    const bool woken = waker_.Wait(wait);
    Handle(events_.Pump(), woken);
  }
}

nlohmann::json Kiosk::StatsJson(double seconds) {
  // Flat, so the line stays one object of plain values.
  nlohmann::json stats = stats_.Json(sync_.syncs(), seconds);
  const nlohmann::json storage = StorageJson(sync_.storage());
  for (const auto& [key, value] : storage.items())
    if (key != "writable") stats["cache_" + key] = value;
  return stats;
}

void Kiosk::PrintLiveStats() {
  nlohmann::json stats = StatsJson((real_->MonotonicMicros() - run_started_micros_) / 1e6);
  std::vector<CacheSize> caches = display_->Caches();
  for (CacheSize& cache : fonts_->Caches()) caches.push_back(std::move(cache));
  caches.push_back(measurer_.Cache());
  nlohmann::json out = nlohmann::json::object();
  for (const CacheSize& cache : caches)
    out[cache.name] = {
        {"entries", cache.entries}, {"bytes", cache.bytes}, {"cap_bytes", cache.cap_bytes}};
  const PainterStats painter = display_->painter_stats();
  out["text_textures"]["hits"] = painter.cache_hits;
  out["text_textures"]["misses"] = painter.cache_misses;
  out["text_textures"]["evictions"] = painter.evictions;
  stats["caches"] = std::move(out);
  std::fprintf(stderr, "%s\n", stats.dump().c_str());
  std::fflush(stderr);
}

std::string Kiosk::Finish(double seconds) {
  if (fleet_) fleet_->Stop();
  sync_.Stop();
  return StatsJson(seconds).dump();
}

namespace {

constexpr std::int64_t kDisplayRetryMicros = 5'000'000;

// Opens the panel. A fullscreen kiosk (a panel, not a preview window) that
// finds no display waits for one instead of exiting, so a board booted with
// its screen off does not crash-loop: it retries every few seconds, says why
// once in the log and in its status, and keeps its watchdog fed meanwhile.
Result<std::unique_ptr<Display>> OpenDisplay(const Config& config, Env* real,
                                             Supervisor& supervisor, const StopSignals& signals,
                                             Waker& waker, SyncThread& sync,
                                             std::int64_t deadline_micros) {
  const DisplayOptions options{config.display.width, config.display.height,
                               config.display.fullscreen, config.display.rotation};
  std::string logged;
  for (;;) {
    auto display = Display::Open(options);
    if (display.ok() || !config.display.fullscreen) return display;
    if (deadline_micros && real->MonotonicMicros() >= deadline_micros) return display;
    const std::string why = display.status().message();
    if (why != logged) LogWarning(why + "; waiting for a display (trying again every 5 s)");
    logged = why;
    supervisor.Status("waiting for a display: " + why);
    supervisor.Ready();       // running as it should: boot and upgrades need not wait for a panel
    sync.ReleaseFirstPoll();  // no frame to wait for
    // Asleep until the next try or ping; a stop signal wakes it at once.
    const std::int64_t retry_at = real->MonotonicMicros() + kDisplayRetryMicros;
    for (std::int64_t now = real->MonotonicMicros(); now < retry_at;
         now = real->MonotonicMicros()) {
      if (signals.stopped() || (deadline_micros && now >= deadline_micros)) return display;
      supervisor.Alive(now);
      std::int64_t wait = (retry_at - now) / 1000 + 1;
      if (deadline_micros) wait = std::min(wait, (deadline_micros - now) / 1000 + 1);
      if (std::int64_t ping = supervisor.MillisUntilPing(now); ping >= 0)
        wait = std::min(wait, ping + 1);
      waker.Wait(wait);
    }
  }
}

// The --exit-after line of a kiosk that never had a display.
std::string WaitedStats(const SyncThread& sync, Env* real, std::int64_t started_micros) {
  return KioskStats().Json(sync.syncs(), (real->MonotonicMicros() - started_micros) / 1e6).dump();
}

// The screen fetches through the fetch helper, so that its own process never
// loads libcurl (sync/child_http_client.h); in this process when there is none.
std::unique_ptr<HttpClient> FetchClient() {
  std::string helper = FetchHelperPath();
  if (!helper.empty()) return NewChildHttpClient({std::move(helper)});
  LogWarning(std::string("sync: no fetch helper (") + kFetchHelperName + " beside foyer, or " +
             PackagedFetchHelperPath() +
             "); fetching in this process instead, which keeps libcurl's ~8 MiB loaded");
  return NewCurlHttpClient();
}

}  // namespace

int RunKiosk(const Config& config, Env* clock, Env* real, double exit_after_seconds) {
  StopSignals signals;  // before SDL starts, so that SDL keeps its own handlers out
  Supervisor supervisor;
  Waker waker;
  // A stop signal ends the wait for a display at once (and, below, the kiosk).
  OnStopScope wake_on_stop(signals, [&waker] { waker.Wake(); });
  const std::int64_t started = real->MonotonicMicros();
  const std::int64_t deadline =
      exit_after_seconds > 0 ? started + static_cast<std::int64_t>(exit_after_seconds * 1e6) : 0;
  // Opened, checked and healed first; whatever the cache file's trouble, the
  // screen runs (store/cache_file.h).
  auto cache = std::make_unique<CacheFile>(config.cache.path, real);
  cache->Get();
  auto reader = cache->OpenReader();
  if (!reader.ok()) LogWarning("cannot read the cache: " + reader.status().message());
  // The sync and the fleet link run from the start, so that a screen waiting
  // for its panel still syncs and reports. The sync thread only tells the UI
  // that something changed; the UI reads the store.
  SyncOptions sync_options = SyncOptionsFor(config);
  sync_options.hold_first_poll = true;
  SyncThread sync(real, FetchClient(), std::move(cache), sync_options, [&waker] { waker.Wake(); });
  auto fleet = KioskFleet::Start(
      config, clock, real, [&sync] { sync.FeedChanged(); }, [&waker] { waker.Wake(); });
  auto display = OpenDisplay(config, real, supervisor, signals, waker, sync, deadline);
  if (!display.ok() && (signals.stopped() || deadline)) {
    // Stopped, or --exit-after's time ran out, while waiting for a display.
    if (deadline) std::printf("%s\n", WaitedStats(sync, real, started).c_str());
    return 0;
  }
  if (!display.ok()) {
    std::fprintf(stderr,
                 "foyer: %s.\nPreview it offscreen instead: foyer --config %s --screenshot "
                 "screen.png\n",
                 display.status().message().c_str(), config.path.c_str());
    return 3;
  }
  auto fonts = FontChain::Load();
  if (!fonts.ok()) {
    std::fprintf(stderr, "foyer: %s\n", fonts.status().message().c_str());
    return 1;
  }
  Kiosk kiosk(config, clock, real, supervisor, waker, sync, fleet.get(), std::move(*display),
              std::move(*fonts), reader.ok() ? std::move(*reader) : nullptr);
  OnStopScope stop_kiosk(signals, [&kiosk] { kiosk.RequestStop(); });
  OnReportScope report_kiosk(signals, [&kiosk] { kiosk.RequestLiveStats(); });
  kiosk.Run(deadline);
  std::string stats = kiosk.Finish((real->MonotonicMicros() - started) / 1e6);
  if (exit_after_seconds > 0) std::printf("%s\n", stats.c_str());
  return 0;
}

}  // namespace foyer
