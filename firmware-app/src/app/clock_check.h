// Whether the system clock can be believed. Boards without a real-time clock
// boot in the past until NTP answers; a screen must not show a wrong "now".
// Thread-compatible.
#pragma once

#include <string>

#include "base/time.h"

namespace foyer {

// A clock earlier than this build, or than the last successful sync, cannot
// be right. `why` receives the reason when it is not.
bool ClockPlausible(UnixSeconds real_now, UnixSeconds last_success, std::string* why = nullptr);

// The kiosk's view of the clock over time: logs once when it stops or starts
// being plausible, not at every frame.
class ClockWatch {
 public:
  // True when the clock is plausible at real_now.
  bool Check(UnixSeconds real_now, UnixSeconds last_success);
  bool trusted() const { return trusted_; }

 private:
  bool trusted_ = true;
};

}  // namespace foyer
