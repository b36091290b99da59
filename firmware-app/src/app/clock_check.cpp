#include "app/clock_check.h"

#include "base/log.h"

namespace foyer {

bool ClockPlausible(UnixSeconds real_now, UnixSeconds last_success, std::string* why) {
  // A day of slack for builds made with a clock slightly ahead, an hour for syncs.
  const UnixSeconds build = FOYER_BUILD_UNIX;
  if (real_now < build - 86400) {
    if (why)
      *why = "the system clock says " + FormatUtcIso(real_now) + ", before this foyer was built (" +
             FormatUtcIso(build) + "): waiting for NTP to set the time";
    return false;
  }
  if (last_success > 0 && real_now < last_success - 3600) {
    if (why)
      *why = "the system clock says " + FormatUtcIso(real_now) +
             ", before the last successful sync (" + FormatUtcIso(last_success) +
             "): waiting for NTP to set the time";
    return false;
  }
  return true;
}

bool ClockWatch::Check(UnixSeconds real_now, UnixSeconds last_success) {
  std::string why;
  bool trusted = ClockPlausible(real_now, last_success, &why);
  if (trusted != trusted_) {
    trusted_ = trusted;
    if (trusted)
      LogInfo("the system clock looks right again: showing the schedule");
    else
      LogWarning(why);
  }
  return trusted;
}

}  // namespace foyer
