// The --print JSON (docs/CONTRACTS.md, "--print output"): what the screen
// shows at a moment, for scripts, checks and venue staff. Pure;
// thread-compatible.
#pragma once

#include <string>

#include "app/screen_plan.h"

namespace foyer {

std::string PrintJson(const ScreenPlan& plan, const ScreenMoment& moment);

}  // namespace foyer
