// The kiosk's part in a fleet ([fleet] in the config): its link to the broker
// (fleet/screen_link.h), what it reports there (app/fleet_status.h) and its
// remote screenshots. Without [fleet] there is none, and the kiosk runs as
// before.
//
// Report, TakeScreenshotRequest and SendScreenshot on the UI thread; the
// callbacks given to Start run on the link's thread.
#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include "app/config.h"
#include "app/fleet_status.h"
#include "app/screen_plan.h"
#include "fleet/screen_link.h"
#include "render/picture.h"

namespace foyer {

class KioskFleet {
 public:
  // Null without [fleet]. `feed_changed` (the sync's FeedChanged) and
  // `wake_ui` (ends the UI's sleep) must be thread-safe and outlive this.
  // A password file that cannot be read is logged; the link then logs in without it.
  static std::unique_ptr<KioskFleet> Start(const Config& config, Env* clock, Env* real,
                                           std::function<void()> feed_changed,
                                           std::function<void()> wake_ui);
  ~KioskFleet();  // Stop()
  // Says offline, disconnects and joins (about a second at most).
  void Stop();

  // What the screen shows now: published when it changed.
  void Report(const ScreenPlan& plan, const ScreenMoment& moment);
  // True once for each screenshot request (several requests in a row: once).
  bool TakeScreenshotRequest() { return screenshot_requested_.exchange(false); }
  // Encodes the picture on the link's thread and publishes it.
  void SendScreenshot(Picture picture);

 private:
  KioskFleet(const std::string& screen_id, Env* clock, Env* real)
      : status_(screen_id, clock, real) {}

  FleetStatus status_;
  std::atomic<bool> screenshot_requested_{false};
  std::unique_ptr<ScreenLink> link_;  // last: its thread uses the members above
};

}  // namespace foyer
