// Env: the one way in for time, sleep and randomness (after leveldb's Env).
//
// Logic never reads the system clock itself; it asks the Env it was given, so
// tests can stand at "day 2, 09:59" or run a clock that jumps. Env::Default() is
// the real system and is thread-safe; fakes say what they guarantee.
#pragma once

#include <cstdint>
#include <memory>

namespace foyer {

// Seconds since the Unix epoch, UTC. The only instant type in foyer.
using UnixSeconds = std::int64_t;

class Env {
 public:
  virtual ~Env() = default;

  // Wall-clock time now, in microseconds since the epoch.
  virtual std::int64_t NowMicros() = 0;
  UnixSeconds Now() { return NowMicros() / 1000000; }

  // Monotonic microseconds, for durations and timeouts only.
  virtual std::int64_t MonotonicMicros() = 0;

  virtual void SleepForMicros(std::int64_t micros) = 0;

  // A uniformly distributed 64-bit random number (for jitter).
  virtual std::uint64_t Random() = 0;

  // The process-wide real Env. Never deleted.
  static Env* Default();
};

// Forwards everything to another Env; tests override only what they fake.
class EnvWrapper : public Env {
 public:
  explicit EnvWrapper(Env* target) : target_(target) {}
  std::int64_t NowMicros() override { return target_->NowMicros(); }
  std::int64_t MonotonicMicros() override { return target_->MonotonicMicros(); }
  void SleepForMicros(std::int64_t micros) override { target_->SleepForMicros(micros); }
  std::uint64_t Random() override { return target_->Random(); }

 protected:
  Env* target() const { return target_; }

 private:
  Env* target_;
};

// A clock that starts at a chosen instant and runs on, `speed` times as fast
// as `target`'s: the demo clock of `[clock] start` and `speed`. Thread-safe.
class OffsetClockEnv : public EnvWrapper {
 public:
  // REQUIRES: speed >= 1.
  OffsetClockEnv(Env* target, UnixSeconds start, std::int64_t speed = 1)
      : EnvWrapper(target),
        start_micros_(start * 1000000),
        origin_micros_(target->NowMicros()),
        speed_(speed) {}
  std::int64_t NowMicros() override {
    return start_micros_ + (target()->NowMicros() - origin_micros_) * speed_;
  }

 private:
  const std::int64_t start_micros_, origin_micros_, speed_;
};

}  // namespace foyer
