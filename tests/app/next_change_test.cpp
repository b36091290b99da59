// When the screen next changes (app/next_change.h): what the kiosk sleeps until.
#include "app/next_change.h"

#include <doctest/doctest.h>

namespace foyer {
namespace {

// A clock standing still at a chosen instant.
class FixedClock : public EnvWrapper {
 public:
  explicit FixedClock(UnixSeconds at) : EnvWrapper(Env::Default()), at_(at) {}
  std::int64_t NowMicros() override { return at_ * 1'000'000; }

 private:
  UnixSeconds at_;
};

UnixSeconds At(const char* iso) { return ParseIsoInstant(iso)->utc; }

ScreenPlan Hallway() {
  ScreenPlan plan;
  plan.mode = DisplayMode::kHallway;
  Session talk;
  talk.room = "Main Hall";
  talk.start = At("2025-10-15T10:00:00+05:00");
  talk.end = At("2025-10-15T12:00:00+05:00");
  plan.cached.schedule.rooms = {{"Main Hall", ""}};
  plan.cached.schedule.sessions = {talk};
  plan.cached.zone = Zone::Fixed(5 * 3600);
  plan.rooms_shown = {"Main Hall"};
  return plan;
}

TEST_CASE("a lit hallway wakes for its page turns; a dark one only each minute") {
  ScreenPlan plan = Hallway();
  // 10:40:01: the next page turn of 8, 10 or 12 s is at most 8 s away.
  FixedClock lit(At("2025-10-15T10:40:01+05:00"));
  const std::int64_t page_turn = MillisUntilNextChange(plan, &lit, &lit);
  CHECK(page_turn > 0);
  CHECK(page_turn <= 8'000 + 5);
  plan.hours = *ParseHours("08:00-20:00");
  FixedClock night(At("2025-10-15T21:00:01+05:00"));
  CHECK(MillisUntilNextChange(plan, &night, &night) == 59'000 + 5);  // the next minute
}

}  // namespace
}  // namespace foyer
