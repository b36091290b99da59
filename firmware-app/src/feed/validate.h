// Checks a parsed Schedule for what would show wrongly on a screen. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/schedule.h"

namespace foyer {

struct FeedProblem {
  std::string where;    // e.g. "2025-10-15, Main Hall, \"Opening address\""
  std::string message;  // e.g. "ends before it starts (end 09:00, start 10:00)"
};

// Problems an organizer should fix; empty when the schedule can be shown as is.
std::vector<FeedProblem> ValidateSchedule(const Schedule& schedule);

}  // namespace foyer
