#include "app/supervisor.h"

#include <systemd/sd-daemon.h>

#include <algorithm>

#include "timeline/timeline.h"

namespace foyer {

Supervisor::Supervisor() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
    ping_every_micros_ = static_cast<std::int64_t>(usec / 2);
}

void Supervisor::Ready() {
  if (ready_) return;
  ready_ = true;
  sd_notify(0, "READY=1");
}

void Supervisor::Alive(std::int64_t now_micros) {
  if (ping_every_micros_ == 0 || now_micros - last_ping_micros_ < ping_every_micros_) return;
  last_ping_micros_ = now_micros;
  sd_notify(0, "WATCHDOG=1");
}

void Supervisor::Status(const std::string& line) {
  if (line == status_) return;
  status_ = line;
  sd_notify(0, ("STATUS=" + line).c_str());
}

std::int64_t Supervisor::MillisUntilPing(std::int64_t now_micros) const {
  if (ping_every_micros_ == 0) return -1;
  return std::max<std::int64_t>(0, (last_ping_micros_ + ping_every_micros_ - now_micros) / 1000);
}

namespace {

// "in session", "day over": the state's name as words.
std::string StateWords(RoomState state) {
  std::string words = RoomStateName(state);
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

// "data from 10:42" (in the display zone), "no sync yet".
std::string DataAge(const ScreenPlan& plan, const ScreenMoment& moment) {
  UnixSeconds last = plan.cached.last_success;
  if (last == 0) return "no sync yet";
  CivilTime civil = plan.cached.zone.ToCivil(last);
  std::string line = "data from " + FormatHourMinute(civil.hour, civil.minute);
  if (IsStale(plan, moment.real_now)) line += " (stale)";
  return line;
}

}  // namespace

std::string StatusLine(const ScreenPlan& plan, const ScreenMoment& moment) {
  const std::string where =
      plan.hallway() ? "hallway, " + std::to_string(plan.rooms_shown.size()) + " rooms" : plan.room;
  if (!moment.clock_trusted) return where + " · clock not set yet";
  if (!plan.cached.has_schedule()) return where + " · waiting for the schedule";
  const Schedule& schedule = plan.cached.schedule;
  const Zone& zone = plan.cached.zone;
  RoomState state = plan.hallway()
                        ? ViewHallway(schedule, plan.hallway_rooms, moment.at, zone).state
                        : ViewRoom(schedule, plan.room, moment.at, zone, 0).state;
  const std::string line = where + " · " + StateWords(state) + " · " + DataAge(plan, moment);
  return PowerAt(plan, moment.at) == Power::kOff ? line + " · dark: outside display.hours" : line;
}

}  // namespace foyer
