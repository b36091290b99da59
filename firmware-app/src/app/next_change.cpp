#include "app/next_change.h"

#include <algorithm>

#include "layout/hallway_pages.h"
#include "timeline/timeline.h"

namespace foyer {
namespace {

// The next instant after `now` at which the schedule's side of the screen changes.
UnixSeconds NextScheduleChange(const ScreenPlan& plan, UnixSeconds now) {
  UnixSeconds wake = (now / 60 + 1) * 60;
  if (auto boundary = NextBoundary(plan.cached.schedule, plan.rooms_shown, now))
    wake = std::min(wake, *boundary);
  // A lit hallway may page through its rooms (layout decides whether it must,
  // and how long a page stays: one of the choices). A dark screen wakes each
  // minute to see whether its hours began.
  if (plan.hallway() && PowerAt(plan, now) == Power::kOn)
    for (int seconds : kHallwayPageSecondsChoices)
      wake = std::min(wake, (now / seconds + 1) * seconds);
  for (const Announcement& a : plan.cached.announcements)
    for (UnixSeconds t : {a.starts, a.ends})
      if (t > now) wake = std::min(wake, t);
  return wake;
}

}  // namespace

std::int64_t MillisUntilNextChange(const ScreenPlan& plan, Env* clock, Env* real,
                                   std::int64_t speed) {
  std::int64_t now_micros = clock->NowMicros();
  UnixSeconds wake = NextScheduleChange(plan, now_micros / 1000000);
  // Just past the change, rounded up into real time.
  std::int64_t millis = ((wake * 1000000 - now_micros) / 1000 + 5 + speed - 1) / speed;
  if (UnixSeconds last_success = plan.cached.last_success; last_success > 0) {
    UnixSeconds stale_at = last_success + plan.stale_after + 1;
    UnixSeconds real_now = real->Now();
    if (stale_at > real_now) millis = std::min<std::int64_t>(millis, (stale_at - real_now) * 1000);
  }
  return std::max<std::int64_t>(millis, 5);
}

}  // namespace foyer
