// The running kiosk (window or fullscreen, background sync, redraw only on
// change) and the offscreen screenshot. UI thread only.
#pragma once

#include <string>

#include "app/config.h"
#include "app/screen.h"
#include "base/env.h"

namespace foyer {

// Runs until quit (or exit_after_seconds > 0 have passed, then prints the
// {"frames", "syncs", …} line). `clock` gives the schedule's "now" (a demo
// clock, or the system's, which is shown only while plausible); `real` the wall
// clock, for staleness. Returns the process exit code.
int RunKiosk(const Config& config, Env* clock, Env* real, double exit_after_seconds);

// Draws the configured screen at the moment into a PNG of width x height (the
// physical panel), with no display server.
Status TakeScreenshot(const Config& config, const CachedSchedule& cached,
                      const ScreenMoment& moment, int width, int height, const std::string& path);

}  // namespace foyer
