// The --print JSON (docs/CONTRACTS.md, "--print output"): what the screen
// shows at a moment, for scripts, checks and venue staff. Pure;
// thread-compatible.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/screen_plan.h"

namespace foyer {

// The panel `--print` reports "pages" for: its picture size as layout sees it
// (width and height swapped for a panel turned 90 or 270 degrees).
struct PrintPanel {
  int width = 1920, height = 1080;
};

std::string PrintJson(const ScreenPlan& plan, const ScreenMoment& moment,
                      const PrintPanel& panel = {});

// {"writable", "problem", "moved_aside"}: how the cache file is doing, as
// --print, --sync-once and --exit-after tell it.
nlohmann::json StorageJson(const StorageStatus& storage);

}  // namespace foyer
