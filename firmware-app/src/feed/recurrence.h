// Recurring iCalendar events (RFC 5545 RRULE): the rule as read, and the
// wall-clock starts it gives. Pure; thread-safe.
//
// What conference calendars use is supported: FREQ=DAILY, WEEKLY, MONTHLY and
// YEARLY with INTERVAL, COUNT, UNTIL, BYDAY (with ordinals in MONTHLY and
// YEARLY: "2TU", "-1FR"), BYMONTHDAY, BYMONTH and WKST. A rule with any other
// part (BYSETPOS, BYHOUR, BYWEEKNO, FREQ=HOURLY, …) is not supported, and
// its event keeps its first occurrence only, rather than a guessed series.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "base/time.h"

namespace foyer {

struct RecurrenceRule {
  enum class Frequency { kDaily, kWeekly, kMonthly, kYearly };
  struct Day {
    int weekday = 0;  // 0 = Monday … 6 = Sunday
    int ordinal = 0;  // 2 in "2TU", -1 in "-1FR"; 0: every such weekday
  };

  Frequency frequency = Frequency::kDaily;
  int interval = 1;
  std::optional<int> count;
  // UNTIL as written: a UTC instant ("…Z"), or wall-clock seconds (a local
  // date-time, or a date's last second).
  std::optional<UnixSeconds> until;
  bool until_is_utc = false;
  std::vector<Day> by_day;
  std::vector<int> by_month_day;  // 1…31, or -1…-31 from the month's end
  std::vector<int> by_month;      // 1…12
  int week_start = 0;             // WKST, 0 = Monday
};

// The weekday of an iCalendar code, "MO" … "SU" (any case): 0 = Monday … 6 =
// Sunday; -1 for anything else.
int WeekdayFromCode(std::string_view code);

// Reads an RRULE value ("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6"); nullopt when it is
// malformed or uses a part not supported here.
std::optional<RecurrenceRule> ParseRecurrenceRule(std::string_view text);

// At most this many occurrences, none later than this after the first: enough
// for any event, and a bound for rules that never end.
constexpr size_t kMaxOccurrences = 500;
constexpr std::int64_t kRecurrenceHorizonDays = 2 * 366;

// The wall-clock starts of the rule's occurrences from `first` (DTSTART's
// wall-clock seconds, always the first occurrence), in order. `to_utc` gives
// the instant of a wall-clock time, for a UTC UNTIL.
std::vector<UnixSeconds> ExpandRecurrence(const RecurrenceRule& rule, UnixSeconds first,
                                          const std::function<UnixSeconds(UnixSeconds)>& to_utc);

}  // namespace foyer
