// The running kiosk: a window or the whole panel, a background sync, and a
// frame drawn only when something on it changed. Its parts, each with one job:
//   render/display.h         the window, renderer and textures (RAII), turning, present
//   render/display_events.h  SDL's events while asleep (quit, expose, device reset)
//   app/screen_plan.h        what this screen shows, resolved once per change
//   app/next_change.h        when the screen next changes
//   app/wake.h               sleeping until then, or until another thread has news
//   app/kiosk_stats.h        frames and timings for --exit-after and SIGUSR1
//   app/supervisor.h         systemd: ready, watchdog pings, status line
//   app/power_switch.h       the venue's commands that switch the TV with the hours
//   app/kiosk_fleet.h        [fleet]: status to the broker, feed notices, remote screenshots
// The loop: refresh the data when the store changed → the frame (input →
// layout → draw if changed → present) → sleep until the next change → handle
// events. UI thread only.
#pragma once

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/clock_check.h"
#include "app/config.h"
#include "app/kiosk_fleet.h"
#include "app/kiosk_stats.h"
#include "app/next_change.h"
#include "app/power_switch.h"
#include "app/screen_plan.h"
#include "app/supervisor.h"
#include "app/wake.h"
#include "base/env.h"
#include "render/display.h"
#include "render/display_events.h"
#include "render/fonts.h"
#include "store/cache_file.h"
#include "store/store.h"
#include "sync/syncer.h"

namespace foyer {

// Runs until quit (or exit_after_seconds > 0 have passed, then prints the
// {"frames", "syncs", …} line). `clock` gives the schedule's "now" (a demo
// clock, or the system's, which is shown only while plausible); `real` the wall
// clock, for staleness. Returns the process exit code.
int RunKiosk(const Config& config, Env* clock, Env* real, double exit_after_seconds);

class Kiosk {
 public:
  // REQUIRES: config, clock, real, supervisor, waker, sync and fleet (null
  // without [fleet]) outlive this. `store` reads the cache (null when it
  // cannot be read), which `sync` keeps. The kiosk sleeps on `waker`, which
  // the sync thread rings; it lets the sync's first poll begin once its first
  // frame is on the panel.
  Kiosk(const Config& config, Env* clock, Env* real, Supervisor& supervisor, Waker& waker,
        SyncThread& sync, KioskFleet* fleet, std::unique_ptr<Display> display,
        std::unique_ptr<FontChain> fonts, std::unique_ptr<Store> store);

  // Runs until quit or until the monotonic `deadline_micros` (0: none).
  void Run(std::int64_t deadline_micros);
  // Makes Run return at once (a stop signal). Thread-safe.
  void RequestStop();
  // Has Run print the live statistics line to stderr (SIGUSR1) as soon as it
  // wakes: what Finish returns, plus every cache's size against its cap
  // (docs/CONTRACTS.md). Thread-safe; only wakes the UI thread.
  void RequestLiveStats();
  // Stops the fleet link and the sync; returns the statistics line of a run
  // of `seconds`.
  std::string Finish(double seconds);

 private:
  // Reloads the cache and resolves the screen again when the store changed,
  // or reads from a new connection when the sync thread moved the cache.
  void RefreshData();
  void ReloadIfChanged();
  // Reads from `store` from now on. A screen does not trade its schedule for
  // an empty new cache (one made after damage): it keeps what it shows until
  // the sync fills the new one.
  void UseStore(std::unique_ptr<Store> store);
  ScreenMoment Moment();
  // input → layout → draw if changed → present.
  void Frame(const ScreenMoment& moment);
  // Tells systemd the loop is alive and what the screen shows.
  void Report(const ScreenMoment& moment);
  // How long to sleep: until the next change, the clock's recheck, the
  // watchdog's ping, the next look for input, or the deadline.
  std::int64_t SleepMillis(std::int64_t deadline_micros);
  void Handle(const DisplayEvents& events, bool woken);
  // The --exit-after line's fields for a run of `seconds`.
  nlohmann::json StatsJson(double seconds);
  // StatsJson of the run so far with "caches", as one line on stderr.
  void PrintLiveStats();

  const Config& config_;
  Env* clock_;
  Env* real_;
  // Fonts outlive the display's painter that draws with them.
  std::unique_ptr<FontChain> fonts_;
  FontMeasurer measurer_;
  std::unique_ptr<Display> display_;
  std::unique_ptr<Store> store_;
  std::int64_t seen_changes_ = 0;
  ScreenPlan plan_;
  ClockWatch clock_watch_;
  KioskStats stats_;
  Supervisor& supervisor_;
  Waker& waker_;
  EventPump events_;
  bool must_draw_ = true;
  bool running_ = true;
  // When the screen may next change (monotonic micros): a wake-up before it
  // with nothing new (a watchdog ping) needs no frame.
  std::int64_t frame_due_micros_ = 0;
  bool frame_due_ = true;
  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> live_stats_requested_{false};
  std::int64_t run_started_micros_ = 0;
  PowerSwitch power_;
  SyncThread& sync_;
  KioskFleet* fleet_;  // null without [fleet]
};

}  // namespace foyer
