// Tells the service manager how the kiosk is doing, over systemd's notify
// protocol (sd_notify from libsystemd): READY=1 once the first frame is on
// the panel, or once the kiosk is waiting for a display to be plugged in (it
// is then running as it should, and a start that waited for a panel would
// hold up boot and package upgrades for as long as the panel is off),
// WATCHDOG=1 from the UI loop itself (so a wedged screen stops
// pinging and gets restarted; no helper thread pings for it), and STATUS=
// as one readable line when it changes. Without NOTIFY_SOCKET (not under
// systemd) every call does nothing. UI thread only.
#pragma once

#include <cstdint>
#include <string>

#include "app/screen_plan.h"

namespace foyer {

class Supervisor {
 public:
  // Reads WATCHDOG_USEC (sd_watchdog_enabled): the kiosk pings at half of it.
  Supervisor();

  // A frame was presented: the first one makes the service ready.
  void FramePresented() { Ready(); }
  // The kiosk runs as it should (it draws, or waits for a display): READY=1, once.
  void Ready();
  // The UI loop is alive: pings the watchdog when a ping is due.
  void Alive(std::int64_t now_micros);
  // Sends STATUS=line when it differs from the last one sent.
  void Status(const std::string& line);

  // How long the loop may sleep before it must ping again (-1: no watchdog).
  std::int64_t MillisUntilPing(std::int64_t now_micros) const;

 private:
  bool ready_ = false;
  std::int64_t ping_every_micros_ = 0;  // 0: no watchdog
  std::int64_t last_ping_micros_ = 0;
  std::string status_;
};

// "Main Hall · in session · data from 10:42": the service's STATUS= line for
// the screen at the moment ("clock not set yet", "waiting for the schedule";
// "dark: outside display.hours" ends it while the screen sleeps).
std::string StatusLine(const ScreenPlan& plan, const ScreenMoment& moment);

}  // namespace foyer
