// RRULE: read the rule, then walk its periods (days, weeks, months or years,
// INTERVAL apart) from DTSTART's, listing each period's candidate days in order
// and keeping those at or after DTSTART, until COUNT, UNTIL, kMaxOccurrences or
// kRecurrenceHorizonDays ends the series. Times are wall-clock seconds (days
// of 86 400 s), so a weekly 10:00 stays at 10:00 across a daylight-saving
// change; the caller turns each into an instant in DTSTART's zone.

#include "feed/recurrence.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <system_error>

#include "base/text.h"

namespace foyer {
namespace {

constexpr std::int64_t kDay = 86400;

std::optional<int> Integer(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Calls `each` on every item of a comma-separated list; false when one fails.
template <typename Each>
bool ForEachItem(std::string_view list, Each each) {
  if (list.empty()) return false;
  while (true) {
    size_t comma = list.find(',');
    if (!each(list.substr(0, comma))) return false;
    if (comma == std::string_view::npos) return true;
    list.remove_prefix(comma + 1);
  }
}

// "20251015", "20251015T100000", "20251015T100000Z" (dashes and colons allowed).
bool ReadUntil(std::string_view text, RecurrenceRule& rule) {
  std::string compact;
  for (char c : text)
    if (c != '-' && c != ':') compact += c;
  rule.until_is_utc = !compact.empty() && (compact.back() == 'Z' || compact.back() == 'z');
  if (rule.until_is_utc) compact.pop_back();
  auto digits = [&](size_t from, size_t count) -> std::optional<int> {
    if (from + count > compact.size()) return std::nullopt;
    for (size_t i = from; i < from + count; ++i)
      if (!std::isdigit(static_cast<unsigned char>(compact[i]))) return std::nullopt;
    return std::stoi(compact.substr(from, count));
  };
  auto year = digits(0, 4), month = digits(4, 2), day = digits(6, 2);
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return false;
  std::int64_t days = DaysFromCivil({*year, *month, *day});
  if (compact.size() == 8) {
    rule.until = days * kDay + kDay - 1;  // the whole day
    rule.until_is_utc = false;
    return true;
  }
  if (compact.size() != 15 || (compact[8] != 'T' && compact[8] != 't')) return false;
  auto hour = digits(9, 2), minute = digits(11, 2), second = digits(13, 2);
  if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 60) return false;
  rule.until = days * kDay + *hour * 3600 + *minute * 60 + *second;
  return true;
}

int DaysInMonth(int year, int month) {
  std::int64_t begin = DaysFromCivil({year, month, 1});
  std::int64_t end =
      month == 12 ? DaysFromCivil({year + 1, 1, 1}) : DaysFromCivil({year, month + 1, 1});
  return static_cast<int>(end - begin);
}

// The days (as days since 1970) of one month that the rule picks, in order.
std::vector<std::int64_t> DaysOfMonth(const RecurrenceRule& rule, int year, int month,
                                      int default_day) {
  std::int64_t begin = DaysFromCivil({year, month, 1});
  int length = DaysInMonth(year, month);
  auto month_day_matches = [&](int day) {
    if (rule.by_month_day.empty()) return true;
    return std::any_of(rule.by_month_day.begin(), rule.by_month_day.end(), [&](int wanted) {
      return wanted > 0 ? day == wanted : day == length + 1 + wanted;
    });
  };
  std::vector<std::int64_t> days;
  if (!rule.by_day.empty()) {
    int first_weekday = Weekday(CivilDate{year, month, 1});
    for (int day = 1; day <= length; ++day) {
      int weekday = (first_weekday + day - 1) % 7;
      int from_start = (day - 1) / 7 + 1, from_end = -((length - day) / 7 + 1);
      bool picked =
          std::any_of(rule.by_day.begin(), rule.by_day.end(), [&](const RecurrenceRule::Day& d) {
            return d.weekday == weekday &&
                   (d.ordinal == 0 || d.ordinal == from_start || d.ordinal == from_end);
          });
      if (picked && month_day_matches(day)) days.push_back(begin + day - 1);
    }
    return days;
  }
  if (!rule.by_month_day.empty()) {
    for (int day = 1; day <= length; ++day)
      if (month_day_matches(day)) days.push_back(begin + day - 1);
    return days;
  }
  if (default_day <= length) days.push_back(begin + default_day - 1);  // no 31 June: skipped
  return days;
}

bool InMonths(const RecurrenceRule& rule, int month) {
  return rule.by_month.empty() ||
         std::find(rule.by_month.begin(), rule.by_month.end(), month) != rule.by_month.end();
}

// The candidate days of period `k` (the k-th day, week, month or year of the
// series) in order, and the first day of that period.
std::vector<std::int64_t> Candidates(const RecurrenceRule& rule, std::int64_t first_day,
                                     std::int64_t k, std::int64_t& period_begin) {
  CivilDate first = CivilFromDays(first_day);
  std::vector<std::int64_t> days;
  std::int64_t step = k * rule.interval;
  switch (rule.frequency) {
    case RecurrenceRule::Frequency::kDaily: {
      period_begin = first_day + step;
      CivilDate date = CivilFromDays(period_begin);
      int weekday = Weekday(date);
      bool weekday_ok =
          rule.by_day.empty() || std::any_of(rule.by_day.begin(), rule.by_day.end(),
                                             [&](const auto& d) { return d.weekday == weekday; });
      bool month_day_ok =
          rule.by_month_day.empty() ||
          std::any_of(rule.by_month_day.begin(), rule.by_month_day.end(), [&](int wanted) {
            int length = DaysInMonth(date.year, date.month);
            return wanted > 0 ? date.day == wanted : date.day == length + 1 + wanted;
          });
      if (weekday_ok && month_day_ok && InMonths(rule, date.month)) days.push_back(period_begin);
      break;
    }
    case RecurrenceRule::Frequency::kWeekly: {
      std::int64_t week_begin = first_day - (Weekday(first) - rule.week_start + 7) % 7;
      period_begin = week_begin + 7 * step;
      for (int i = 0; i < 7; ++i) {
        std::int64_t day = period_begin + i;
        CivilDate date = CivilFromDays(day);
        int weekday = Weekday(date);
        bool picked = rule.by_day.empty()
                          ? weekday == Weekday(first)
                          : std::any_of(rule.by_day.begin(), rule.by_day.end(),
                                        [&](const auto& d) { return d.weekday == weekday; });
        if (picked && InMonths(rule, date.month)) days.push_back(day);
      }
      break;
    }
    case RecurrenceRule::Frequency::kMonthly: {
      std::int64_t index = std::int64_t{first.year} * 12 + (first.month - 1) + step;
      int year = static_cast<int>(index / 12), month = static_cast<int>(index % 12) + 1;
      period_begin = DaysFromCivil({year, month, 1});
      if (InMonths(rule, month)) days = DaysOfMonth(rule, year, month, first.day);
      break;
    }
    case RecurrenceRule::Frequency::kYearly: {
      int year = first.year + static_cast<int>(step);
      period_begin = DaysFromCivil({year, 1, 1});
      for (int month = 1; month <= 12; ++month) {
        if (rule.by_month.empty() ? month != first.month : !InMonths(rule, month)) continue;
        for (std::int64_t day : DaysOfMonth(rule, year, month, first.day)) days.push_back(day);
      }
      break;
    }
  }
  return days;
}

}  // namespace

int WeekdayFromCode(std::string_view code) {
  static constexpr const char* kCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  std::string upper = ToUpperAscii(code);
  for (int i = 0; i < 7; ++i)
    if (upper == kCodes[i]) return i;
  return -1;
}

namespace {

// FREQ's value; false for HOURLY and finer (not a conference's) and for
// anything else.
bool ReadFrequency(std::string_view value, RecurrenceRule& rule) {
  std::string frequency = ToUpperAscii(value);
  if (frequency == "DAILY") {
    rule.frequency = RecurrenceRule::Frequency::kDaily;
  } else if (frequency == "WEEKLY") {
    rule.frequency = RecurrenceRule::Frequency::kWeekly;
  } else if (frequency == "MONTHLY") {
    rule.frequency = RecurrenceRule::Frequency::kMonthly;
  } else if (frequency == "YEARLY") {
    rule.frequency = RecurrenceRule::Frequency::kYearly;
  } else {
    return false;
  }
  return true;
}

// BYDAY, BYMONTHDAY or BYMONTH's list; false when an item is out of range.
bool ReadByList(const std::string& key, std::string_view value, RecurrenceRule& rule) {
  if (key == "BYDAY") {
    return ForEachItem(value, [&](std::string_view item) {
      if (item.size() < 2) return false;
      int weekday = WeekdayFromCode(item.substr(item.size() - 2));
      std::string_view number = item.substr(0, item.size() - 2);
      std::optional<int> ordinal = number.empty() ? 0 : Integer(number);
      if (weekday < 0 || !ordinal || *ordinal < -53 || *ordinal > 53) return false;
      rule.by_day.push_back({weekday, *ordinal});
      return true;
    });
  }
  if (key == "BYMONTHDAY") {
    return ForEachItem(value, [&](std::string_view item) {
      auto day = Integer(item);
      if (!day || *day == 0 || *day < -31 || *day > 31) return false;
      rule.by_month_day.push_back(*day);
      return true;
    });
  }
  return ForEachItem(value, [&](std::string_view item) {  // BYMONTH
    auto month = Integer(item);
    if (!month || *month < 1 || *month > 12) return false;
    rule.by_month.push_back(*month);
    return true;
  });
}

// One KEY=value part of the rule; false when it is not read (an unknown or
// unsupported part, or a bad value).
bool ReadRulePart(const std::string& key, std::string_view value, RecurrenceRule& rule) {
  if (key == "FREQ") return ReadFrequency(value, rule);
  if (key == "INTERVAL") {
    auto interval = Integer(value);
    if (!interval || *interval < 1 || *interval > 10000) return false;
    rule.interval = *interval;
    return true;
  }
  if (key == "COUNT") {
    auto count = Integer(value);
    if (!count || *count < 1) return false;
    rule.count = *count;
    return true;
  }
  if (key == "UNTIL") return ReadUntil(value, rule);
  if (key == "BYDAY" || key == "BYMONTHDAY" || key == "BYMONTH")
    return ReadByList(key, value, rule);
  if (key == "WKST") {
    rule.week_start = WeekdayFromCode(value);
    return rule.week_start >= 0;
  }
  return false;  // BYSETPOS, BYHOUR, BYWEEKNO, BYYEARDAY, …
}

// True when the expansion below can follow the rule's BYDAY ordinals.
bool OrdinalsSupported(const RecurrenceRule& rule) {
  bool ordinals = std::any_of(rule.by_day.begin(), rule.by_day.end(),
                              [](const RecurrenceRule::Day& d) { return d.ordinal != 0; });
  if (ordinals) {
    // Ordinals count within a month here: not in days or weeks, nor a year's weeks.
    if (rule.frequency == RecurrenceRule::Frequency::kDaily ||
        rule.frequency == RecurrenceRule::Frequency::kWeekly)
      return false;
    for (const RecurrenceRule::Day& day : rule.by_day)
      if (day.ordinal < -5 || day.ordinal > 5) return false;
  }
  // Not "the 20th Monday of the year".
  return !(rule.frequency == RecurrenceRule::Frequency::kYearly && !rule.by_day.empty() &&
           rule.by_month.empty());
}

}  // namespace

std::optional<RecurrenceRule> ParseRecurrenceRule(std::string_view text) {
  RecurrenceRule rule;
  bool have_frequency = false;
  while (!text.empty()) {
    size_t semicolon = text.find(';');
    std::string_view part = TrimEnd(text.substr(0, semicolon));
    text = semicolon == std::string_view::npos ? std::string_view() : text.substr(semicolon + 1);
    if (part.empty()) continue;
    size_t equals = part.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    std::string key = ToUpperAscii(part.substr(0, equals));
    if (!ReadRulePart(key, part.substr(equals + 1), rule)) return std::nullopt;
    have_frequency |= key == "FREQ";
  }
  if (!have_frequency || !OrdinalsSupported(rule)) return std::nullopt;
  return rule;
}

std::vector<UnixSeconds> ExpandRecurrence(const RecurrenceRule& rule, UnixSeconds first,
                                          const std::function<UnixSeconds(UnixSeconds)>& to_utc) {
  std::vector<UnixSeconds> starts = {first};
  std::int64_t first_day = first >= 0 ? first / kDay : (first - (kDay - 1)) / kDay;
  UnixSeconds time_of_day = first - first_day * kDay;
  size_t limit = std::min<size_t>(kMaxOccurrences,
                                  rule.count ? static_cast<size_t>(*rule.count) : kMaxOccurrences);
  std::int64_t last_day = first_day + kRecurrenceHorizonDays;
  for (std::int64_t k = 0; starts.size() < limit; ++k) {
    std::int64_t period_begin = 0;
    std::vector<std::int64_t> days = Candidates(rule, first_day, k, period_begin);
    if (period_begin > last_day) break;
    for (std::int64_t day : days) {
      if (day > last_day) return starts;
      UnixSeconds local = day * kDay + time_of_day;
      if (local <= first) continue;
      if (rule.until && (rule.until_is_utc ? to_utc(local) : local) > *rule.until) return starts;
      starts.push_back(local);
      if (starts.size() >= limit) return starts;
    }
  }
  return starts;
}

}  // namespace foyer
