#include "base/env.h"

#include <doctest/doctest.h>

namespace foyer {
namespace {

// A wall clock that stands still until a test moves it.
class StillEnv : public EnvWrapper {
 public:
  StillEnv() : EnvWrapper(Env::Default()) {}
  std::int64_t NowMicros() override { return now_micros; }
  std::int64_t now_micros = 1'700'000'000'000'000;
};

TEST_CASE("a demo clock starts at its instant and runs on at real speed") {
  StillEnv real;
  OffsetClockEnv clock(&real, 1760506800);
  CHECK(clock.Now() == 1760506800);
  real.now_micros += 90'000'000;
  CHECK(clock.Now() == 1760506800 + 90);
}

TEST_CASE("a demo clock with a speed runs that many times as fast") {
  StillEnv real;
  OffsetClockEnv clock(&real, 1760506800, 600);
  CHECK(clock.Now() == 1760506800);
  real.now_micros += 6'000'000;  // six real seconds: an hour
  CHECK(clock.Now() == 1760506800 + 3600);
  real.now_micros += 500;
  CHECK(clock.NowMicros() == (1760506800 + 3600) * 1'000'000LL + 300'000);
}

}  // namespace
}  // namespace foyer
