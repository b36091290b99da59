// Checks a parsed Schedule for what would show wrongly on a screen. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/problems.h"
#include "model/schedule.h"

namespace foyer {

// Problems an organizer should fix, each placed at a session, e.g.
// {"2025-10-15, Main Hall, \"Opening address\"", "ends before it starts (end
// 09:00, start 10:00)"}; empty when the schedule can be shown as is.
std::vector<Problem> ValidateSchedule(const Schedule& schedule);

}  // namespace foyer
