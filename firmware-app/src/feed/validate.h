// Checks a parsed Schedule for what would show wrongly on a screen. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/problems.h"
#include "model/schedule.h"

namespace foyer {

// A problem ValidateSchedule finds, and how much it matters.
struct ScheduleProblem {
  Problem problem;
  // A warning is worth a look but the schedule shows right as it is (a
  // session of more than a day: screens give its dates, not minutes left);
  // anything else a screen would show wrongly or not at all.
  bool warning = false;
};

// Problems an organizer should look at, each placed at a session, e.g.
// {"2025-10-15, Main Hall, \"Opening address\"", "ends before it starts (end
// 09:00, start 10:00)"}, in session order; empty when all is well.
std::vector<ScheduleProblem> ReviewSchedule(const Schedule& schedule);
// ReviewSchedule's problems, warnings included, without their weight.
std::vector<Problem> ValidateSchedule(const Schedule& schedule);

}  // namespace foyer
