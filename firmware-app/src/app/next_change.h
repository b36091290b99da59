// When the screen next changes: the next moment that can change a pixel of
// it. The kiosk sleeps until then (app/wake.h), so an idle screen costs about
// one wake-up a minute. Pure given the Envs; thread-compatible.
#pragma once

#include <cstdint>

#include "app/screen_plan.h"
#include "base/env.h"

namespace foyer {

// Milliseconds until the next thing that can change a pixel: the next minute
// (the clock), the next session boundary in the rooms shown, a hallway page
// turn, an announcement starting or ending, or the data turning stale.
// `clock` gives the schedule's now, `real` the wall clock; `clock` runs
// `speed` times as fast as `real` (a demo clock's clock.speed), and the
// answer is in real milliseconds.
std::int64_t MillisUntilNextChange(const ScreenPlan& plan, Env* clock, Env* real,
                                   std::int64_t speed = 1);

}  // namespace foyer
