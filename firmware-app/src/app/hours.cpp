#include "app/hours.h"

#include <algorithm>

namespace foyer {
namespace {

// "HH:MM" as minutes after midnight (24:00 allowed when `end`), or -1.
int ParseMinutes(std::string_view text, bool end) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (int i : {0, 1, 3, 4})
    if (text[i] < '0' || text[i] > '9') return -1;
  int hour = (text[0] - '0') * 10 + (text[1] - '0');
  int minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (minute > 59 || hour > 24 || (hour == 24 && (!end || minute != 0))) return -1;
  return hour * 60 + minute;
}

bool InRooms(const std::vector<std::string>& rooms, const std::string& room) {
  return rooms.empty() || std::find(rooms.begin(), rooms.end(), room) != rooms.end();
}

bool InWindow(const Hours& hours, const Zone& zone, UnixSeconds at) {
  CivilTime local = zone.ToCivil(at);
  int minute = local.hour * 60 + local.minute;
  if (hours.from_minute < hours.to_minute)
    return minute >= hours.from_minute && minute < hours.to_minute;
  return minute >= hours.from_minute || minute < hours.to_minute;  // past midnight
}

// On from an hour before the first session of the conference day of `at` until
// half an hour after its last, and around any session that runs over the day's edge.
bool AroundSessions(const Schedule& schedule, const std::vector<std::string>& rooms,
                    const Zone& zone, UnixSeconds at) {
  const CivilDate today = ConferenceDay(zone, at);
  std::optional<UnixSeconds> first, last;
  for (const Session& s : schedule.sessions) {
    if (s.cancelled || !InRooms(rooms, s.room)) continue;
    if (at >= s.start - kOnBeforeFirstSession && at < s.end + kOnAfterLastSession) return true;
    if (ConferenceDay(zone, s.start) != today) continue;
    first = std::min(first.value_or(s.start), s.start);
    last = std::max(last.value_or(s.end), s.end);
  }
  return first && at >= *first - kOnBeforeFirstSession && at < *last + kOnAfterLastSession;
}

}  // namespace

std::optional<Hours> ParseHours(std::string_view text) {
  if (text == "always") return Hours{};
  if (text == "event") return Hours{HoursKind::kEvent};
  if (text.size() != 11 || text[5] != '-') return std::nullopt;
  int from = ParseMinutes(text.substr(0, 5), false);
  int to = ParseMinutes(text.substr(6), true);
  if (from < 0 || to < 0 || from == to) return std::nullopt;
  return Hours{HoursKind::kWindow, from, to};
}

Power PowerAt(const Hours& hours, const Schedule& schedule, const std::vector<std::string>& rooms,
              const Zone& zone, UnixSeconds at) {
  switch (hours.kind) {
    case HoursKind::kAlways:
      return Power::kOn;
    case HoursKind::kWindow:
      return InWindow(hours, zone, at) ? Power::kOn : Power::kOff;
    case HoursKind::kEvent:
      if (schedule.sessions.empty()) return Power::kOn;
      return AroundSessions(schedule, rooms, zone, at) ? Power::kOn : Power::kOff;
  }
  return Power::kOn;
}

}  // namespace foyer
