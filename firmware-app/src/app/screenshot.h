// A screen drawn offscreen into a PNG, with no display server: --screenshot.
// Thread-compatible.
#pragma once

#include <string>

#include "app/screen_plan.h"

namespace foyer {

// Draws the screen at the moment into a PNG of width x height (the physical
// panel); a panel turned by `rotation` degrees shows an upright picture.
Status TakeScreenshot(const ScreenPlan& plan, const ScreenMoment& moment, int width, int height,
                      int rotation, const std::string& path);

}  // namespace foyer
