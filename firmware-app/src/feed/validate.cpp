// The checks are few on purpose: each one is something a screen would show
// wrongly or not at all. Oddities screens cope with (overlaps in one room,
// zero-length entries, events outside their day's window) are not reported.

#include "feed/validate.h"

#include <string>

#include "base/time.h"

namespace foyer {
namespace {

constexpr UnixSeconds kLongestSensibleSession = 24 * 3600;

CivilTime LocalTime(const Session& session, UnixSeconds instant) {
  return Zone::Fixed(session.utc_offset).ToCivil(instant);
}

std::string HourMinute(const Session& session, UnixSeconds instant) {
  CivilTime local = LocalTime(session, instant);
  return FormatHourMinute(local.hour, local.minute);
}

// "2025-10-15, Main Hall, \"Opening address\"": the session's local date (in
// the offset the feed wrote it in), its room and its title.
std::string Where(const Session& session) {
  std::string where = FormatDate(LocalTime(session, session.start).date) + ", ";
  where += session.room.empty() ? "(no room)" : session.room;
  if (session.title.empty())
    return where + ", untitled session at " + HourMinute(session, session.start);
  return where + ", \"" + session.title + "\"";
}

std::string Hours(UnixSeconds seconds) {
  return std::to_string(seconds / 3600) + " h " + std::to_string(seconds / 60 % 60) + " min";
}

}  // namespace

std::vector<ScheduleProblem> ReviewSchedule(const Schedule& schedule) {
  std::vector<ScheduleProblem> problems;
  if (schedule.sessions.empty()) {
    problems.push_back({{"schedule", "has no sessions: screens would have nothing to show"}});
    return problems;
  }
  for (const Session& session : schedule.sessions) {
    if (session.end < session.start) {
      problems.push_back(
          {{Where(session), "ends before it starts (start " + HourMinute(session, session.start) +
                                ", end " + HourMinute(session, session.end) + ")"}});
    } else if (session.end - session.start > kLongestSensibleSession) {
      // An exhibition or a hackathon may run for days: screens show its dates.
      problems.push_back({{Where(session), "lasts " + Hours(session.end - session.start) +
                                               ", more than a day: is its duration right?"},
                          true});
    }
    if (session.title.empty()) problems.push_back({{Where(session), "has no title"}});
    if (session.room.empty()) problems.push_back({{Where(session), "has no room"}});
  }
  return problems;
}

std::vector<Problem> ValidateSchedule(const Schedule& schedule) {
  std::vector<Problem> problems;
  for (ScheduleProblem& found : ReviewSchedule(schedule))
    problems.push_back(std::move(found.problem));
  return problems;
}

}  // namespace foyer
