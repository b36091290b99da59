// iCalendar (RFC 5545) and xCal (RFC 6321) → Schedule: one Session per VEVENT,
// in feed order.
//
// The walk: cut the bytes into content lines (CRLF, LF or CR endings; a line
// that begins with a space or tab continues the one before); check each is
// UTF-8; read each as NAME;PARAM=VALUE;PARAM="quoted":value; and keep what each
// component says — the calendar's name and zone, each VTIMEZONE's observances,
// each VEVENT's properties (not those of a VALARM inside it). Only then are the
// events turned into Sessions, because a VTIMEZONE may follow the events that
// use it.
//
// Real exporters break the RFC (see tests/data/feeds/SOURCES.md): bare LF,
// unfolded lines thousands of octets long, values after a stray space
// ("LOCATION: XOR"), bogus property lines ("VTIMEZONE: Europe/Rome"), TZID with
// parameters, UIDs that repeat. Lines that cannot be read are skipped. An event
// is refused only when it cannot be placed in time, and the error names it by
// number, line, SUMMARY and UID. A feed that ends inside a VEVENT or without
// END:VCALENDAR is refused too: it was most likely cut short, and showing the
// half that arrived would hide the rest without a word.
//
// Choices where a feed leaves something open:
//   - A TZID is read as the IANA zone of that name (or the Area/City tail of
//     "/mozilla.org/20050126_1/Europe/Berlin"); failing that, by the VTIMEZONE
//     that defines it (Outlook's "W. Europe Standard Time"), whose yearly
//     BYMONTH/BYDAY rules and RDATEs are evaluated here.
//   - Floating local times and all-day dates are read in options.floating_zone
//     (clock.timezone), else in the calendar's X-WR-TIMEZONE, else refused with
//     an error that says to set clock.timezone.
//   - No DTEND and no DURATION: a date lasts its day (RFC 5545). A date-time is
//     given kOpenEndedLength, cut short where the next session in its room
//     starts. (RFC 5545 has it end as it starts, but a screen would then never
//     show it as running: pyconuk's evening socials would vanish at 19:30.)
//   - Room: LOCATION; else a "Track: N" line in the DESCRIPTION (ics.py exports,
//     inpycon) as "Track N"; else kDefaultRoom — the plenary items that carry
//     no track (keynotes, openings, breaks) are taken to be on the main stage.
//     (inpycon's workshop day runs three untracked workshops at a time: they
//     share that room, overlapping, as the feed tells no more about them.)
//   - Speakers: the CN of ORGANIZER and ATTENDEE; else the names of a
//     "Speaker: A, B" line in the DESCRIPTION (inpycon).
//   - UID is kept as the guid but never used to merge or drop events: real feeds
//     repeat it (moca) or regenerate it on every build (pyconuk).
//   - Recurring events (RRULE, RDATE, EXDATE) become one Session per occurrence
//     (feed/recurrence.h says which rules; at most kMaxOccurrences, none past
//     kRecurrenceHorizonDays), each with the guid UID/START-IN-UTC; a VEVENT
//     with a RECURRENCE-ID replaces the occurrence it names, keeping its guid.
//   - Pentabarf's xCal: pentabarf:title and :subtitle over its SUMMARY, which
//     joins them with "-"; an ATTENDEE that is a name rather than an address
//     ("Bruno Kern, Initiative Ökosozialismus") is a speaker.
//
// xCal (RFC 6321, and pentabarf's older shape) is read into the same components
// and properties by walking its XML, then interpreted the same way.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

#include "base/text.h"
#include "base/time.h"
#include "base/utf8.h"
#include "feed/feed.h"
#include "feed/nesting.h"
#include "feed/open_ended.h"
#include "feed/recurrence.h"
#include "feed/text.h"

#include <pugixml.hpp>

namespace foyer {
namespace {

using feed::Paragraphs;
using feed::Quote;

using feed::EndOpenEndedSessions;
using feed::kOpenEndedLength;
// Recurring events that expand past this are refused: the largest real feed
// has 1351 sessions, and each takes memory, cache space and layout time.
constexpr size_t kMostSessions = 20000;
constexpr const char* kDefaultRoom = "Main";
constexpr UnixSeconds kDay = 86400;

// What RFC 5545 calls white space in a content line: space and tab.
constexpr std::string_view kSpaceOrTab = " \t";
bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The content line's white space trimmed.
std::string_view TrimSpace(std::string_view text) { return Trim(text, kSpaceOrTab); }

// Floor division of seconds into days, for instants before 1970 as well.
std::int64_t DaysOf(UnixSeconds seconds) {
  return seconds >= 0 ? seconds / kDay : (seconds - (kDay - 1)) / kDay;
}

// ---------------------------------------------------------------------------
// Content lines

// One property: NAME;PARAM=VALUE:value.
struct ContentLine {
  size_t line = 0;   // the physical line it begins on, from 1
  std::string name;  // upper case
  std::vector<std::pair<std::string, std::string>> params;  // upper-case name, unquoted value
  std::string value;                                        // trimmed, still escaped

  const std::string* Param(std::string_view param) const {
    for (const auto& [name, value] : params)
      if (name == param) return &value;
    return nullptr;
  }
};

// RFC 6868 parameter escapes: ^n newline, ^' double quote, ^^ caret.
std::string DecodeParamValue(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '^' && i + 1 < text.size()) {
      char next = text[i + 1];
      if (next == 'n' || next == 'N' || next == '\'' || next == '^') {
        out += next == '\'' ? '"' : next == '^' ? '^' : '\n';
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// Reads NAME *(;PARAM=VALUE[,VALUE]) ":" value. False for a line that is not a
// property at all (garbage, a blank line), which the caller skips.
bool ParseContentLine(std::string_view text, ContentLine& out) {
  size_t pos = 0;
  while (pos < text.size() && (std::isalnum(static_cast<unsigned char>(text[pos])) ||
                               text[pos] == '-' || text[pos] == '_'))
    ++pos;
  if (pos == 0) return false;
  out.name = ToUpperAscii(text.substr(0, pos));
  out.params.clear();
  while (pos < text.size() && text[pos] == ';') {
    size_t begin = ++pos;
    while (pos < text.size() && text[pos] != '=' && text[pos] != ';' && text[pos] != ':') ++pos;
    std::string param = ToUpperAscii(TrimSpace(text.substr(begin, pos - begin)));
    std::string value;
    if (pos < text.size() && text[pos] == '=') {
      ++pos;
      // A value list may mix quoted and plain parts; it ends at an unquoted ';' or ':'.
      while (pos < text.size() && text[pos] != ';' && text[pos] != ':') {
        if (text[pos] == '"') {
          size_t close = text.find('"', pos + 1);
          if (close == std::string_view::npos) return false;
          value.append(text.substr(pos + 1, close - pos - 1));
          pos = close + 1;
        } else {
          value += text[pos++];
        }
      }
    }
    out.params.emplace_back(std::move(param), DecodeParamValue(TrimSpace(value)));
  }
  while (pos < text.size() && IsSpaceOrTab(text[pos])) ++pos;  // "NAME :value"
  if (pos >= text.size() || text[pos] != ':') return false;
  out.value = std::string(TrimSpace(text.substr(pos + 1)));
  return true;
}

// Calls on_line(first physical line number, unfolded line) for every logical line.
template <typename OnLine>
void ForEachUnfoldedLine(std::string_view text, OnLine on_line) {
  std::string current;
  size_t current_line = 0, line_number = 0, pos = 0;
  bool have = false;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view physical = text.substr(pos, end - pos);
    ++line_number;
    pos = end;
    if (pos < text.size()) pos += text.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
    if (have && !physical.empty() && IsSpaceOrTab(physical.front())) {
      current.append(physical.substr(1));
      continue;
    }
    if (have) on_line(current_line, std::string_view(current));
    current.assign(physical);
    current_line = line_number;
    have = true;
  }
  if (have) on_line(current_line, std::string_view(current));
}

// TEXT value escapes: \, \; \n \N \\ (and \: and \", which some exporters write).
std::string UnescapeText(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      char next = value[i + 1];
      if (next == 'n' || next == 'N') {
        out += '\n';
        ++i;
        continue;
      }
      if (next == ',' || next == ';' || next == '\\' || next == ':' || next == '"') {
        out += next;
        ++i;
        continue;
      }
    }
    out += value[i];
  }
  return out;
}

// ---------------------------------------------------------------------------
// Date-time values

enum class TimeKind {
  kUtc,     // "20150918T070000Z": seconds is the instant
  kOffset,  // "2015-09-18T08:00:00+01:00" (not RFC 5545, but unambiguous): the instant
  kLocal,   // "20150812T160000": wall-clock seconds, read in a zone
  kDate,    // "20150812": the local midnight starting the day, read in a zone
};

struct TimeValue {
  TimeKind kind = TimeKind::kUtc;
  UnixSeconds seconds = 0;
  int offset = 0;  // kOffset only
};

bool ReadFixedDigits(std::string_view text, size_t& pos, int count, int& out) {
  out = 0;
  for (int i = 0; i < count; ++i, ++pos) {
    if (pos >= text.size() || !IsDigit(text[pos])) return false;
    out = out * 10 + (text[pos] - '0');
  }
  return true;
}

bool IsRealDate(CivilDate date) {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         CivilFromDays(DaysFromCivil(date)) == date;
}

// "20150918T070000Z", "20150812T160000", "20150812", "…T1600"; and, liberally,
// ISO 8601 with dashes and colons ("2015-08-12T16:00:00+02:00", "2015-08-12").
std::optional<TimeValue> ParseTimeValue(std::string_view text) {
  text = TrimSpace(text);
  size_t pos = 0;
  CivilDate date;
  if (ReadFixedDigits(text, pos, 4, date.year) && ReadFixedDigits(text, pos, 2, date.month) &&
      ReadFixedDigits(text, pos, 2, date.day)) {
    if (!IsRealDate(date)) return std::nullopt;
    UnixSeconds midnight = DaysFromCivil(date) * kDay;
    if (pos == text.size()) return TimeValue{TimeKind::kDate, midnight, 0};
    if (text[pos] != 'T' && text[pos] != 't') return std::nullopt;
    ++pos;
    int hour = 0, minute = 0, second = 0;
    if (!ReadFixedDigits(text, pos, 2, hour) || !ReadFixedDigits(text, pos, 2, minute))
      return std::nullopt;
    if (pos < text.size() && IsDigit(text[pos]) && !ReadFixedDigits(text, pos, 2, second))
      return std::nullopt;
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    UnixSeconds local = midnight + hour * 3600 + minute * 60 + second;
    std::string_view rest = text.substr(pos);
    if (rest.empty()) return TimeValue{TimeKind::kLocal, local, 0};
    if (rest == "Z" || rest == "z") return TimeValue{TimeKind::kUtc, local, 0};
    auto offset = ParseUtcOffset(rest);
    if (!offset.ok()) return std::nullopt;
    return TimeValue{TimeKind::kOffset, local - *offset, *offset};
  }
  if (auto instant = ParseIsoInstant(text); instant.ok()) {
    if (!instant->has_offset) return TimeValue{TimeKind::kLocal, instant->utc, 0};
    if (instant->offset_seconds == 0) return TimeValue{TimeKind::kUtc, instant->utc, 0};
    return TimeValue{TimeKind::kOffset, instant->utc, instant->offset_seconds};
  }
  if (auto day = ParseIsoDate(text); day.ok() && text.size() == 10)
    return TimeValue{TimeKind::kDate, DaysFromCivil(*day) * kDay, 0};
  return std::nullopt;
}

// "+0100", "-0330", "+013000" (TZOFFSETFROM/TO), in seconds east of UTC.
std::optional<int> ParseTzOffset(std::string_view text) {
  text = TrimSpace(text);
  if (text.size() != 5 && text.size() != 7) return std::nullopt;
  if (text[0] != '+' && text[0] != '-') return std::nullopt;
  size_t pos = 1;
  int hours = 0, minutes = 0, seconds = 0;
  if (!ReadFixedDigits(text, pos, 2, hours) || !ReadFixedDigits(text, pos, 2, minutes))
    return std::nullopt;
  if (text.size() == 7 && !ReadFixedDigits(text, pos, 2, seconds)) return std::nullopt;
  if (hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
  int total = hours * 3600 + minutes * 60 + seconds;
  return text[0] == '-' ? -total : total;
}

// ---------------------------------------------------------------------------
// VTIMEZONE: used only for TZIDs that name no IANA zone.

// A STANDARD or DAYLIGHT part: from each onset on, offset_to is in force.
struct Observance {
  UnixSeconds start = 0;  // DTSTART, wall-clock seconds
  std::optional<int> offset_from, offset_to;
  std::vector<UnixSeconds> rdates;  // wall-clock seconds
  // RRULE:FREQ=YEARLY;BYMONTH=M;BYDAY=±nDD (or BYMONTHDAY=D)
  bool yearly = false;
  int month = 0;      // 0: DTSTART's month
  int week = 0;       // 1…5 from the start of the month, -1…-5 from its end; 0: none
  int weekday = -1;   // 0 = Monday … 6 = Sunday; -1: none
  int month_day = 0;  // 0: DTSTART's day
  std::optional<UnixSeconds> until;
};

struct VTimezone {
  std::string tzid;
  std::vector<Observance> observances;
};

// "12", "+2", "-1" as an int; 0 for anything else or anything past ±9999.
int SmallInt(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value > 9999 || value < -9999)
    return 0;
  return value;
}

void ReadRule(std::string_view rule, Observance& observance) {
  bool yearly = false;
  while (!rule.empty()) {
    size_t semicolon = rule.find(';');
    std::string_view part = rule.substr(0, semicolon);
    rule = semicolon == std::string_view::npos ? std::string_view() : rule.substr(semicolon + 1);
    size_t equals = part.find('=');
    if (equals == std::string_view::npos) continue;
    std::string key = ToUpperAscii(TrimSpace(part.substr(0, equals)));
    std::string_view value = TrimSpace(part.substr(equals + 1));
    value = value.substr(0, value.find(','));  // the first of a list
    if (key == "FREQ") {
      yearly = ToUpperAscii(value) == "YEARLY";
    } else if (key == "BYMONTH") {
      observance.month = SmallInt(value);
    } else if (key == "BYMONTHDAY") {
      observance.month_day = SmallInt(value);
    } else if (key == "BYDAY" && value.size() >= 2) {
      observance.weekday = WeekdayFromCode(value.substr(value.size() - 2));
      std::string number(value.substr(0, value.size() - 2));
      observance.week = number.empty() || number == "+" || number == "-" ? 1 : SmallInt(number);
    } else if (key == "UNTIL") {
      if (auto until = ParseTimeValue(value)) observance.until = until->seconds;
    }
  }
  observance.yearly = yearly && observance.month >= 0 && observance.month <= 12 &&
                      (observance.weekday < 0 ||
                       (observance.week != 0 && observance.week >= -5 && observance.week <= 5));
}

// The day in `year` that a yearly rule picks, if that month has it.
std::optional<CivilDate> RuleDay(const Observance& observance, int year, CivilDate first) {
  int month = observance.month ? observance.month : first.month;
  std::int64_t month_begin = DaysFromCivil({year, month, 1});
  std::int64_t month_end =
      month == 12 ? DaysFromCivil({year + 1, 1, 1}) : DaysFromCivil({year, month + 1, 1});
  std::int64_t day = 0;
  if (observance.weekday >= 0) {
    if (observance.week > 0) {
      int first_weekday = Weekday(CivilFromDays(month_begin));
      day = month_begin + (observance.weekday - first_weekday + 7) % 7 + 7 * (observance.week - 1);
    } else {
      int last_weekday = Weekday(CivilFromDays(month_end - 1));
      day = month_end - 1 - (last_weekday - observance.weekday + 7) % 7 + 7 * (observance.week + 1);
    }
  } else {
    day = month_begin + (observance.month_day ? observance.month_day : first.day) - 1;
  }
  if (day < month_begin || day >= month_end) return std::nullopt;
  return CivilFromDays(day);
}

// The latest onset of an observance at or before a wall-clock time, if any.
std::optional<UnixSeconds> LatestOnset(const Observance& observance, UnixSeconds local) {
  std::optional<UnixSeconds> best;
  auto consider = [&](UnixSeconds onset) {
    if (onset <= local && (!best || onset > *best)) best = onset;
  };
  consider(observance.start);
  for (UnixSeconds rdate : observance.rdates) consider(rdate);
  if (observance.yearly) {
    std::int64_t start_days = DaysOf(observance.start);
    CivilDate first = CivilFromDays(start_days);
    UnixSeconds time_of_day = observance.start - start_days * kDay;
    int year = CivilFromDays(DaysOf(local)).year;
    for (int y = year; y >= year - 1 && y >= first.year; --y) {
      auto day = RuleDay(observance, y, first);
      if (!day) continue;
      UnixSeconds onset = DaysFromCivil(*day) * kDay + time_of_day;
      if (onset < observance.start || (observance.until && onset > *observance.until)) continue;
      consider(onset);
    }
  }
  return best;
}

// The offset a VTIMEZONE puts in force at a wall-clock time. Onsets are
// compared as wall-clock times, which blurs only the hour around a change.
int OffsetOfLocal(const VTimezone& zone, UnixSeconds local) {
  const Observance* best = nullptr;
  UnixSeconds best_onset = 0;
  for (const Observance& observance : zone.observances) {
    if (!observance.offset_to) continue;
    auto onset = LatestOnset(observance, local);
    if (onset && (!best || *onset > best_onset)) {
      best = &observance;
      best_onset = *onset;
    }
  }
  if (best) return *best->offset_to;
  // Before every onset: what was in force before the earliest one.
  const Observance* earliest = nullptr;
  for (const Observance& observance : zone.observances) {
    if (observance.offset_to && (!earliest || observance.start < earliest->start))
      earliest = &observance;
  }
  if (!earliest) return 0;
  return earliest->offset_from ? *earliest->offset_from : *earliest->offset_to;
}

// ---------------------------------------------------------------------------
// The calendar as read: components and their properties, before interpretation.

struct RawEvent {
  size_t number = 0;  // 1 for the feed's first VEVENT
  size_t line = 0;    // where its BEGIN:VEVENT is
  std::vector<ContentLine> properties;

  const ContentLine* Find(std::string_view name) const {
    for (const ContentLine& property : properties)
      if (property.name == name) return &property;
    return nullptr;
  }
};

struct Calendar {
  std::string name;       // X-WR-CALNAME (or NAME, RFC 7986)
  std::string zone_name;  // X-WR-TIMEZONE
  std::vector<RawEvent> events;
  std::vector<VTimezone> timezones;
};

// Builds a Calendar from content lines in feed order: BEGIN and END open and
// close components, and each property lands in the component it is in. Fed by
// the text reader (ReadCalendar) and by the xCal walker (ReadXCalendar) alike.
class CalendarBuilder {
 public:
  void Add(const ContentLine& property) {
    size_t line = property.line;
    if (property.name == "BEGIN") {
      std::string component = ToUpperAscii(property.value);
      if (component == "VCALENDAR") seen_calendar_ = true;
      // A VEVENT or VTIMEZONE never nests: a second BEGIN ends a missing END.
      if (component == "VEVENT" || component == "VTIMEZONE") Close(component);
      if (stack_.size() >= feed::kMostNesting) {  // real calendars nest three deep
        if (too_deep_line_ == 0) too_deep_line_ = line;
        return;
      }
      if (component == "VEVENT")
        calendar_.events.push_back({calendar_.events.size() + 1, line, {}});
      if (component == "VTIMEZONE") calendar_.timezones.emplace_back();
      if ((component == "STANDARD" || component == "DAYLIGHT") && !stack_.empty() &&
          stack_.back() == "VTIMEZONE")
        calendar_.timezones.back().observances.emplace_back();
      stack_.push_back(std::move(component));
      return;
    }
    if (property.name == "END") {
      Close(ToUpperAscii(property.value));
      return;
    }
    if (stack_.empty()) return;
    const std::string& top = stack_.back();
    if (top == "VEVENT") {
      calendar_.events.back().properties.push_back(property);
    } else if (top == "VCALENDAR") {
      if ((property.name == "X-WR-CALNAME" || (property.name == "NAME" && calendar_.name.empty())))
        calendar_.name = CollapseWhitespace(UnescapeText(property.value));
      if (property.name == "X-WR-TIMEZONE")
        calendar_.zone_name = CollapseWhitespace(UnescapeText(property.value));
    } else if (top == "VTIMEZONE") {
      if (property.name == "TZID") calendar_.timezones.back().tzid = std::string(property.value);
    } else if ((top == "STANDARD" || top == "DAYLIGHT") && stack_.size() >= 2 &&
               stack_[stack_.size() - 2] == "VTIMEZONE") {
      AddToObservance(property, calendar_.timezones.back().observances.back());
    }
  }

  // The calendar, or why the feed looks cut short.
  Result<Calendar> Finish() {
    if (too_deep_line_ != 0) return feed::TooDeep("line " + std::to_string(too_deep_line_));
    if (!seen_calendar_) return Status::Error("not an iCalendar feed: no BEGIN:VCALENDAR line");
    if (Contains("VEVENT")) {
      const RawEvent& last = calendar_.events.back();
      return Status::Error("line " + std::to_string(last.line) + ": VEVENT " +
                           std::to_string(last.number) +
                           " never ends (no END:VEVENT before the feed ends): the feed looks cut "
                           "short");
    }
    if (Contains("VCALENDAR"))
      return Status::Error("the feed ends without END:VCALENDAR: it looks cut short");
    return std::move(calendar_);
  }

 private:
  static void AddToObservance(const ContentLine& property, Observance& observance) {
    if (property.name == "DTSTART") {
      if (auto start = ParseTimeValue(property.value)) observance.start = start->seconds;
    } else if (property.name == "TZOFFSETFROM") {
      observance.offset_from = ParseTzOffset(property.value);
    } else if (property.name == "TZOFFSETTO") {
      observance.offset_to = ParseTzOffset(property.value);
    } else if (property.name == "RRULE") {
      ReadRule(property.value, observance);
    } else if (property.name == "RDATE") {
      std::string_view list = property.value;
      while (!list.empty()) {
        size_t comma = list.find(',');
        if (auto rdate = ParseTimeValue(list.substr(0, comma)))
          observance.rdates.push_back(rdate->seconds);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      }
    }
  }

  bool Contains(const std::string& component) const {
    return std::find(stack_.begin(), stack_.end(), component) != stack_.end();
  }
  void Close(const std::string& component) {
    auto it = std::find(stack_.rbegin(), stack_.rend(), component);
    if (it != stack_.rend()) stack_.erase(std::prev(it.base()), stack_.end());
  }

  Calendar calendar_;
  std::vector<std::string> stack_;  // open components, outermost first
  bool seen_calendar_ = false;
  size_t too_deep_line_ = 0;  // the first BEGIN past feed::kMostNesting
};

Result<Calendar> ReadCalendar(std::string_view text) {
  CalendarBuilder builder;
  ContentLine property;
  Status invalid;  // the first line that is not UTF-8
  ForEachUnfoldedLine(text, [&](size_t line, std::string_view raw) {
    if (!invalid.ok()) return;
    // Checked after unfolding: a fold may split a UTF-8 sequence (RFC 5545
    // says it should not, but folding by octets is common).
    if (size_t bad = FindInvalidUtf8(raw); bad != std::string_view::npos) {
      invalid = Status::ErrorAt("line " + std::to_string(line),
                                "not UTF-8: invalid byte sequence at octet " +
                                    std::to_string(bad + 1) + " of the (unfolded) line");
      return;
    }
    if (!ParseContentLine(raw, property)) return;
    property.line = line;
    builder.Add(property);
  });
  if (!invalid.ok()) return invalid;
  return builder.Finish();
}

// ---------------------------------------------------------------------------
// Events → Sessions

// How wall-clock times become instants: an IANA (or fixed) zone, or a VTIMEZONE.
struct LocalZone {
  const Zone* zone = nullptr;
  const VTimezone* vtimezone = nullptr;

  bool known() const { return zone != nullptr || vtimezone != nullptr; }
  // The instant of a wall-clock time, and the offset in force then.
  std::pair<UnixSeconds, int> ToUtc(UnixSeconds local) const {
    if (zone != nullptr) {
      UnixSeconds utc = zone->LocalToUtc(local);
      return {utc, zone->OffsetAt(utc)};
    }
    int offset = OffsetOfLocal(*vtimezone, local);
    return {local - offset, offset};
  }
};

struct Instant {
  UnixSeconds utc = 0;
  int offset = 0;
  bool is_date = false;
  bool wall_clock = false;  // a local date-time or a date, read in `zone`
  UnixSeconds local = 0;    // wall_clock only: the wall-clock seconds (a date's midnight)
  LocalZone zone;           // wall_clock only
};

// One start of a recurring event.
struct Occurrence {
  UnixSeconds utc = 0;
  int offset = 0;
};

class EventReader {
 public:
  EventReader(const Calendar& calendar, const FeedOptions& options) : calendar_(calendar) {
    if (options.floating_zone != nullptr) {
      floating_.zone = options.floating_zone;
    } else if (!calendar.zone_name.empty()) {
      if (auto zone = ZoneOf(calendar.zone_name); zone.ok()) floating_ = *zone;
    }
  }

  // The first TZID that named an IANA zone, for Schedule::time_zone_name.
  const std::string& first_iana_tzid() const { return first_iana_tzid_; }

  // Reads one VEVENT. `open_ended` is set when it has neither DTEND nor DURATION
  // and starts at a time of day: its end is then provisional.
  Status Read(const RawEvent& event, Session& session, bool& open_ended, Instant* start_out) {
    ReadNames(event, session);
    std::string label = LabelOf(event, session);
    const ContentLine* dtstart = event.Find("DTSTART");
    if (dtstart == nullptr)
      return Status::ErrorAt(label, "DTSTART: missing: the event cannot be placed in time");
    auto start = ReadTime(*dtstart);
    if (!start.ok()) return start.status().WithContext(label);
    session.start = start->utc;
    session.utc_offset = start->offset;
    *start_out = *start;
    if (Status end = ReadEnd(event, *start, session, open_ended); !end.ok())
      return end.WithContext(label);

    std::string description;
    if (const ContentLine* property = event.Find("DESCRIPTION"))
      description = UnescapeText(property->value);
    session.abstract = Paragraphs(description);
    if (const ContentLine* url = event.Find("URL"))
      session.url = CollapseWhitespace(UnescapeText(url->value));
    if (const ContentLine* categories = event.Find("CATEGORIES"))
      session.track = CollapseWhitespace(UnescapeText(categories->value));
    // An exporter's own cancellation is shown as one ("Cancelled: …") until it ends.
    if (const ContentLine* status = event.Find("STATUS"))
      session.cancelled = CollapseWhitespace(status->value) == "CANCELLED";
    ReadRoom(event, description, session);
    ReadSpeakers(event, description, session);
    return Status::Ok();
  }

 private:
  // The title, subtitle, language and UID.
  static void ReadNames(const RawEvent& event, Session& session) {
    const ContentLine* summary = event.Find("SUMMARY");
    const ContentLine* uid = event.Find("UID");
    session.title = summary ? CollapseWhitespace(UnescapeText(summary->value)) : "";
    session.guid = uid ? CollapseWhitespace(uid->value) : "";
    // Pentabarf's xCal writes SUMMARY as "title-subtitle" (a stray "-" when there
    // is no subtitle) beside pentabarf:title and pentabarf:subtitle.
    if (const ContentLine* title = event.Find("X-PENTABARF-TITLE")) {
      if (std::string text = CollapseWhitespace(UnescapeText(title->value)); !text.empty())
        session.title = std::move(text);
    }
    if (const ContentLine* subtitle = event.Find("X-PENTABARF-SUBTITLE"))
      session.subtitle = CollapseWhitespace(UnescapeText(subtitle->value));
    if (const ContentLine* language = event.Find("X-PENTABARF-LANGUAGE-CODE"))
      session.language = CollapseWhitespace(UnescapeText(language->value));
  }

  // Where a problem with the event is: `line 12: VEVENT 3 ("Opening", UID 7@x)`.
  static std::string LabelOf(const RawEvent& event, const Session& session) {
    std::string label =
        "line " + std::to_string(event.line) + ": VEVENT " + std::to_string(event.number);
    std::string named;
    if (!session.title.empty()) named = Quote(session.title);
    if (!session.guid.empty()) named += (named.empty() ? "UID " : ", UID ") + session.guid;
    if (!named.empty()) label += " (" + named + ")";
    return label;
  }

  // The session's end: DTEND, DTSTART plus DURATION, a date's whole day, or
  // (open_ended) kOpenEndedLength after a date-time.
  Status ReadEnd(const RawEvent& event, const Instant& start, Session& session, bool& open_ended) {
    open_ended = false;
    if (const ContentLine* dtend = event.Find("DTEND")) {
      auto end = ReadTime(*dtend);
      if (!end.ok()) return end.status();
      session.end = end->utc;
    } else if (const ContentLine* duration = event.Find("DURATION")) {
      auto seconds = feed::ParseIsoDuration(duration->value);
      if (!seconds)
        return Status::Error("DURATION: not a duration: " + Quote(duration->value) +
                             " (expected e.g. PT30M, PT2H30M or P1D)");
      if (start.is_date && *seconds % kDay == 0) {
        session.end = start.zone.ToUtc(start.local + *seconds).first;  // days, not hours
      } else {
        session.end = session.start + *seconds;
      }
    } else if (start.is_date) {
      session.end = start.zone.ToUtc(start.local + kDay).first;
    } else {
      session.end = session.start + kOpenEndedLength;
      open_ended = true;
    }
    return Status::Ok();
  }

  // LOCATION; else a "Track: N" line in the DESCRIPTION as "Track N"; else kDefaultRoom.
  static void ReadRoom(const RawEvent& event, const std::string& description, Session& session) {
    if (const ContentLine* location = event.Find("LOCATION"))
      session.room = CollapseWhitespace(UnescapeText(location->value));
    if (session.room.empty()) {
      std::string track = DescriptionLine(description, {"Track:"});
      session.room = track.empty()            ? kDefaultRoom
                     : IsDigit(track.front()) ? "Track " + track
                                              : track;
    }
  }

  // The CN of ORGANIZER and ATTENDEE (or an ATTENDEE written as a name); else
  // the names of a "Speaker: A, B" line in the DESCRIPTION.
  static void ReadSpeakers(const RawEvent& event, const std::string& description,
                           Session& session) {
    for (const ContentLine& property : event.properties) {
      if (property.name != "ORGANIZER" && property.name != "ATTENDEE") continue;
      const std::string* cn = property.Param("CN");
      if (cn != nullptr) {
        AddSpeaker(session, CollapseWhitespace(*cn));
      } else if (property.name == "ATTENDEE" && property.value.find(':') == std::string::npos) {
        // Not an address ("mailto:…") but a name, as pentabarf's xCal writes them.
        AddSpeaker(session, CollapseWhitespace(UnescapeText(property.value)));
      }
    }
    if (!session.speakers.empty()) return;
    std::string listed = DescriptionLine(description, {"Speaker:", "Speakers:"});
    std::string_view names = listed;
    while (!names.empty()) {
      size_t comma = names.find(',');
      AddSpeaker(session, CollapseWhitespace(names.substr(0, comma)));
      names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
    }
  }

  // The zone a TZID names (cached): an IANA zone, else a VTIMEZONE of the feed.
  Result<LocalZone> ZoneOf(const std::string& tzid) {
    auto it = zones_.find(tzid);
    if (it == zones_.end()) it = zones_.emplace(tzid, FindZone(tzid)).first;
    const CachedZone& cached = it->second;
    if (!cached.error.ok()) return cached.error;
    return LocalZone{cached.zone.get(), cached.vtimezone};
  }

  struct CachedZone {
    std::unique_ptr<Zone> zone;
    const VTimezone* vtimezone = nullptr;
    Status error;
  };

  CachedZone FindZone(const std::string& tzid) {
    CachedZone cached;
    std::string name(TrimSpace(tzid));
    // "Europe/Berlin", then the tails of "/mozilla.org/20050126_1/Europe/Berlin".
    for (size_t from = 0; from != std::string::npos;) {
      if (from < name.size()) {
        if (auto zone = Zone::Load(name.substr(from)); zone.ok()) {
          cached.zone = std::make_unique<Zone>(std::move(zone).value());
          if (first_iana_tzid_.empty()) first_iana_tzid_ = name.substr(from);
          return cached;
        }
      }
      size_t slash = name.find('/', from);
      from = slash == std::string::npos ? slash : slash + 1;
    }
    for (const VTimezone& vtimezone : calendar_.timezones) {
      bool usable = std::any_of(vtimezone.observances.begin(), vtimezone.observances.end(),
                                [](const Observance& o) { return o.offset_to.has_value(); });
      if (usable && TrimSpace(vtimezone.tzid) == name) {
        cached.vtimezone = &vtimezone;
        return cached;
      }
    }
    cached.error = Status::Error("TZID " + Quote(tzid) +
                                 ": unknown time zone (not an IANA zone name, and no VTIMEZONE "
                                 "in the feed defines it)");
    return cached;
  }

  Result<Instant> ReadTime(const ContentLine& property) {
    auto value = ParseTimeValue(property.value);
    if (!value)
      return Status::Error(property.name + ": not a date and time: " + Quote(property.value) +
                           " (expected e.g. 20150918T070000Z)");
    Instant instant;
    if (value->kind == TimeKind::kUtc || value->kind == TimeKind::kOffset) {
      instant.utc = value->seconds;
      instant.offset = value->offset;
      return instant;
    }
    LocalZone zone = floating_;
    if (const std::string* tzid = property.Param("TZID"); tzid != nullptr && !tzid->empty()) {
      auto named = ZoneOf(*tzid);
      if (!named.ok()) return named.status().WithContext(property.name);
      zone = *named;
    }
    if (!zone.known()) {
      const char* what = value->kind == TimeKind::kDate
                             ? " is an all-day date with no time zone"
                             : " is a floating local time (no Z, no TZID, no X-WR-TIMEZONE)";
      return Status::Error(property.name + ": " + Quote(property.value) + what + ": " +
                           std::string(kSetClockTimezone) + " to the venue's time zone");
    }
    std::tie(instant.utc, instant.offset) = zone.ToUtc(value->seconds);
    instant.is_date = value->kind == TimeKind::kDate;
    instant.wall_clock = true;
    instant.local = value->seconds;
    instant.zone = zone;
    return instant;
  }

 public:
  // The starts of a VEVENT that starts at `start`: the one start, or every
  // occurrence of its RRULE and RDATEs less its EXDATEs. A rule this reader
  // does not support (recurrence.h) leaves the first occurrence alone.
  std::vector<Occurrence> OccurrencesOf(const RawEvent& event, const Instant& start) {
    std::vector<Occurrence> starts = {{start.utc, start.offset}};
    // Wall-clock times in DTSTART's zone, or at its fixed offset.
    auto to_utc = [&](UnixSeconds local) {
      return start.wall_clock ? start.zone.ToUtc(local)
                              : std::make_pair(local - start.offset, start.offset);
    };
    UnixSeconds first_local = start.wall_clock ? start.local : start.utc + start.offset;
    if (const ContentLine* rrule = event.Find("RRULE")) {
      if (auto rule = ParseRecurrenceRule(rrule->value)) {
        starts.clear();
        for (UnixSeconds local :
             ExpandRecurrence(*rule, first_local, [&](UnixSeconds l) { return to_utc(l).first; })) {
          auto [utc, offset] = to_utc(local);
          starts.push_back({utc, offset});
        }
      }
    }
    std::set<UnixSeconds> excluded;
    std::set<std::int64_t> excluded_days;  // EXDATE;VALUE=DATE: local days
    for (const ContentLine& property : event.properties) {
      if (property.name != "RDATE" && property.name != "EXDATE") continue;
      std::string_view list = property.value;
      while (!list.empty()) {
        size_t comma = list.find(',');
        ContentLine item = property;
        item.value = std::string(TrimSpace(list.substr(0, comma)));
        item.value = item.value.substr(0, item.value.find('/'));  // a PERIOD's start
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        auto instant = ReadTime(item);
        if (!instant.ok()) continue;  // an unreadable date: nothing to add or take away
        if (property.name == "RDATE") {
          starts.push_back({instant->utc, instant->offset});
        } else if (instant->is_date) {
          excluded_days.insert(DaysOf(instant->local));
        } else {
          excluded.insert(instant->utc);
        }
      }
    }
    std::sort(starts.begin(), starts.end(),
              [](const Occurrence& a, const Occurrence& b) { return a.utc < b.utc; });
    starts.erase(
        std::unique(starts.begin(), starts.end(),
                    [](const Occurrence& a, const Occurrence& b) { return a.utc == b.utc; }),
        starts.end());
    starts.erase(std::remove_if(starts.begin(), starts.end(),
                                [&](const Occurrence& o) {
                                  return excluded.count(o.utc) ||
                                         excluded_days.count(DaysOf(o.utc + o.offset));
                                }),
                 starts.end());
    if (starts.size() > kMaxOccurrences) starts.resize(kMaxOccurrences);
    return starts;
  }

  // RECURRENCE-ID's instant: which occurrence of its UID this VEVENT replaces.
  std::optional<UnixSeconds> RecurrenceIdOf(const RawEvent& event) {
    const ContentLine* id = event.Find("RECURRENCE-ID");
    if (id == nullptr) return std::nullopt;
    auto instant = ReadTime(*id);
    if (!instant.ok()) return std::nullopt;
    return instant->utc;
  }

 private:
  // The rest of the first DESCRIPTION line that starts with one of `labels`
  // (case-insensitive), e.g. "4" from "Track: 4"; empty when there is none.
  static std::string DescriptionLine(std::string_view description,
                                     std::initializer_list<std::string_view> labels) {
    while (!description.empty()) {
      size_t newline = description.find('\n');
      std::string_view line = TrimSpace(description.substr(0, newline));
      description =
          newline == std::string_view::npos ? std::string_view() : description.substr(newline + 1);
      for (std::string_view label : labels) {
        if (StartsWithNoCase(line, label)) {
          std::string rest = CollapseWhitespace(line.substr(label.size()));
          if (!rest.empty()) return rest;
        }
      }
    }
    return "";
  }

  static void AddSpeaker(Session& session, std::string name) {
    if (name.empty()) return;
    if (std::find(session.speakers.begin(), session.speakers.end(), name) != session.speakers.end())
      return;
    session.speakers.push_back(std::move(name));
  }

  const Calendar& calendar_;
  LocalZone floating_;
  std::map<std::string, CachedZone> zones_;  // by TZID; nodes are stable
  std::string first_iana_tzid_;
};

// ---------------------------------------------------------------------------
// xCal: the same calendar written as XML

bool IsComponentName(const std::string& name) {
  static constexpr const char* kComponents[] = {"VCALENDAR", "VEVENT",    "VTODO",
                                                "VJOURNAL",  "VFREEBUSY", "VTIMEZONE",
                                                "STANDARD",  "DAYLIGHT",  "VALARM"};
  return std::any_of(std::begin(kComponents), std::end(kComponents),
                     [&](const char* component) { return name == component; });
}

// The properties whose values the event reader unescapes as TEXT.
bool IsTextProperty(const std::string& name) {
  return name == "SUMMARY" || name == "DESCRIPTION" || name == "LOCATION" || name == "CATEGORIES" ||
         name == "URL" || name == "NAME" || name == "X-WR-CALNAME" || name == "X-WR-TIMEZONE" ||
         name.rfind("X-", 0) == 0;
}

// TEXT as a content line writes it, so that UnescapeText gives it back.
std::string EscapeText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ',' || c == ';') out += '\\';
    if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Walks an xCal document and feeds its components and properties to a
// CalendarBuilder as the text reader would. Two shapes are read:
//   - RFC 6321: <vevent><properties><dtstart><parameters><tzid><text>…</text>
//     </tzid></parameters><date-time>2015-08-11T16:00:00</date-time></dtstart>…,
//     sub-components under <components>, values typed (<text>, <date-time>,
//     <utc-offset>, <recur> with one element per rule part, …);
//   - pentabarf's and the older draft's: <vevent><dtstart tzid="…">20150811T160000
//     </dtstart>…, the value as the element's text and parameters as attributes.
// Elements of another namespace prefix become X-PREFIX-NAME properties
// (pentabarf:title is X-PENTABARF-TITLE). Lines are the XML's.
class XCalWalker {
 public:
  // `buffer` is what pugixml parsed in place.
  XCalWalker(std::string_view buffer, CalendarBuilder& builder)
      : buffer_(buffer.data()), builder_(builder) {
    for (size_t at = buffer.find('\n'); at != std::string_view::npos;
         at = buffer.find('\n', at + 1))
      line_starts_.push_back(at + 1);
  }

  void Component(const pugi::xml_node& element) {
    std::string name = PropertyName(element);
    Emit(element, "BEGIN", name);
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      std::string local = LocalName(child);
      if (local == "properties") {
        for (pugi::xml_node property : child.children())
          if (property.type() == pugi::node_element) Property(property);
      } else if (local == "components") {
        for (pugi::xml_node component : child.children())
          if (component.type() == pugi::node_element) Component(component);
      } else if (IsComponentName(ToUpperAscii(local)) && !HasPrefix(child)) {
        Component(child);
      } else {
        Property(child);
      }
    }
    Emit(element, "END", name);
  }

 private:
  static std::string LocalName(const pugi::xml_node& element) {
    std::string_view name = element.name();
    size_t colon = name.find(':');
    return std::string(colon == std::string_view::npos ? name : name.substr(colon + 1));
  }

  // A prefix other than xCal's own ("xcal:", "xCal:").
  static bool HasPrefix(const pugi::xml_node& element) {
    std::string_view name = element.name();
    size_t colon = name.find(':');
    return colon != std::string_view::npos && ToUpperAscii(name.substr(0, colon)) != "XCAL";
  }

  static std::string PropertyName(const pugi::xml_node& element) {
    std::string_view name = element.name();
    size_t colon = name.find(':');
    if (!HasPrefix(element)) return ToUpperAscii(LocalName(element));
    return "X-" + ToUpperAscii(name.substr(0, colon)) + "-" + ToUpperAscii(name.substr(colon + 1));
  }

  // All the text inside an element, trimmed.
  static std::string TextOf(const pugi::xml_node& element) {
    std::string text;
    for (pugi::xml_node node = element.first_child(); node; node = node.next_sibling()) {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        text += node.value();
      } else if (node.type() == pugi::node_element) {
        text += TextOf(node);
      }
    }
    return std::string(Trim(text, " \t\r\n"));
  }

  // A typed value as a content line writes it.
  static std::string ValueOf(const pugi::xml_node& value, const std::string& property) {
    std::string type = LocalName(value);
    if (type == "recur") {  // <recur><freq>YEARLY</freq><byday>-1SU</byday>…
      std::map<std::string, std::string> parts;
      std::vector<std::string> order;
      for (pugi::xml_node part : value.children()) {
        if (part.type() != pugi::node_element) continue;
        std::string key = ToUpperAscii(LocalName(part));
        if (!parts.count(key)) order.push_back(key);
        std::string& joined = parts[key];
        joined += (joined.empty() ? "" : ",") + TextOf(part);
      }
      std::string rule;
      for (const std::string& key : order)
        rule += (rule.empty() ? "" : ";") + key + "=" + parts[key];
      return rule;
    }
    std::string text = TextOf(value);
    if (type == "utc-offset") text.erase(std::remove(text.begin(), text.end(), ':'), text.end());
    if (type == "text" && IsTextProperty(property)) return EscapeText(text);
    return text;
  }

  void Property(const pugi::xml_node& element) {
    ContentLine line;
    line.line = LineOf(element);
    line.name = PropertyName(element);
    for (pugi::xml_attribute attribute : element.attributes()) {
      std::string_view name = attribute.name();
      if (name == "xmlns" || name.rfind("xmlns:", 0) == 0) continue;
      line.params.emplace_back(ToUpperAscii(name), attribute.value());
    }
    std::vector<std::string> values;
    bool typed = false;
    for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      typed = true;
      if (LocalName(child) == "parameters") {
        for (pugi::xml_node parameter : child.children()) {
          if (parameter.type() != pugi::node_element) continue;
          std::string joined;
          for (pugi::xml_node value : parameter.children()) {
            if (value.type() != pugi::node_element) continue;
            joined += (joined.empty() ? "" : ",") + TextOf(value);
          }
          if (joined.empty()) joined = TextOf(parameter);
          line.params.emplace_back(ToUpperAscii(LocalName(parameter)), std::move(joined));
        }
      } else {
        values.push_back(ValueOf(child, line.name));
      }
    }
    if (typed) {
      for (const std::string& value : values) line.value += (line.value.empty() ? "" : ",") + value;
    } else {
      line.value = TextOf(element);
      if (IsTextProperty(line.name)) line.value = EscapeText(line.value);
    }
    builder_.Add(line);
  }

  void Emit(const pugi::xml_node& element, const char* what, const std::string& component) {
    ContentLine line;
    line.line = LineOf(element);
    line.name = what;
    line.value = component;
    builder_.Add(line);
  }

  // The line of an element's start tag (its name points into the parse buffer).
  size_t LineOf(const pugi::xml_node& element) const {
    size_t offset = static_cast<size_t>(element.name() - buffer_);
    return static_cast<size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                               line_starts_.begin() + 1);
  }

  const char* buffer_;
  CalendarBuilder& builder_;
  std::vector<size_t> line_starts_;  // offsets just past each '\n'
};

Result<Calendar> ReadXCalendar(std::string_view bytes) {
  bytes = SkipUtf8Bom(bytes);
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos)
    return Status::Error("not UTF-8: invalid byte sequence at byte " + std::to_string(bad) + " (" +
                         feed::LineAndColumn(bytes, bad) + ")");
  // C0 controls other than tab, CR and LF are illegal in XML and dropped, as
  // for schedule.xml; no line break is dropped, so lines stay the feed's.
  std::string buffer;
  buffer.reserve(bytes.size());
  for (char c : bytes)
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') buffer += c;
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_buffer_inplace(
      buffer.data(), buffer.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    size_t offset = static_cast<size_t>(
        std::clamp<std::ptrdiff_t>(parsed.offset, 0, static_cast<std::ptrdiff_t>(buffer.size())));
    return Status::Error("not well-formed XML at " + feed::LineAndColumn(buffer, offset) + ": " +
                         parsed.description());
  }
  // The walker recurses into components: a tree nested too deep is refused first.
  if (pugi::xml_node deep = feed::FirstElementDeeperThan(document)) {
    size_t offset = static_cast<size_t>(deep.name() - buffer.data()) - 1;
    return feed::TooDeep(feed::LineAndColumn(buffer, offset) + ", element <" + deep.name() + ">");
  }
  pugi::xml_node root = document.document_element();
  CalendarBuilder builder;
  XCalWalker walker(buffer, builder);
  auto is_calendar = [](const pugi::xml_node& node) {
    std::string name = ToUpperAscii(node.name());
    return node.type() == pugi::node_element &&
           (name == "VCALENDAR" ||
            (name.size() > 10 && name.compare(name.size() - 10, 10, ":VCALENDAR") == 0));
  };
  if (is_calendar(root)) {
    walker.Component(root);  // <vcalendar> as the root
  } else {
    for (pugi::xml_node child : root.children())
      if (is_calendar(child)) walker.Component(child);
  }
  return builder.Finish();
}

Result<Schedule> ScheduleFromCalendar(const Calendar& calendar, const FeedOptions& options) {
  Schedule schedule;
  schedule.title = calendar.name;
  EventReader reader(calendar, options);
  std::vector<bool> open_ended;
  schedule.sessions.reserve(calendar.events.size());
  ProblemList problems;
  // Occurrences that a VEVENT of their own replaces (UID and RECURRENCE-ID).
  std::map<std::string, std::set<UnixSeconds>> replaced;
  for (const RawEvent& event : calendar.events) {
    const ContentLine* uid = event.Find("UID");
    if (uid == nullptr) continue;
    if (auto id = reader.RecurrenceIdOf(event))
      replaced[CollapseWhitespace(uid->value)].insert(*id);
  }
  for (const RawEvent& event : calendar.events) {
    Session session;
    bool open = false;
    Instant start;
    if (Status status = reader.Read(event, session, open, &start); !status.ok()) {
      problems.Add(status, kSetClockTimezone);  // and on to the next event, to report every one
      continue;
    }
    // An occurrence's guid is its UID and original start, as RECURRENCE-ID names
    // it: moving one occurrence keeps its guid, so screens say it moved.
    if (auto id = reader.RecurrenceIdOf(event)) {
      if (!session.guid.empty()) session.guid += "/" + FormatUtcIso(*id);
    } else if (event.Find("RRULE") != nullptr || event.Find("RDATE") != nullptr) {
      const std::set<UnixSeconds>& skip = replaced[session.guid];
      UnixSeconds length = session.end - session.start;
      for (const Occurrence& occurrence : reader.OccurrencesOf(event, start)) {
        if (skip.count(occurrence.utc)) continue;
        if (schedule.sessions.size() >= kMostSessions)
          return Status::ErrorAt(
              "line " + std::to_string(event.line) + ": VEVENT " + std::to_string(event.number),
              "its recurrences take the schedule past " + std::to_string(kMostSessions) +
                  " sessions, more than any conference has: check its RRULE");
        Session copy = session;
        copy.start = occurrence.utc;
        copy.end = occurrence.utc + length;
        copy.utc_offset = occurrence.offset;
        if (!session.guid.empty()) copy.guid += "/" + FormatUtcIso(occurrence.utc);
        schedule.sessions.push_back(std::move(copy));
        open_ended.push_back(open);
      }
      continue;
    }
    schedule.sessions.push_back(std::move(session));
    open_ended.push_back(open);
  }
  if (!problems.empty()) return problems.ToStatus();
  EndOpenEndedSessions(schedule.sessions, open_ended);

  schedule.time_zone_name =
      calendar.zone_name.empty() ? reader.first_iana_tzid() : calendar.zone_name;
  std::set<std::string> seen;  // rooms in the order sessions first name them
  for (const Session& session : schedule.sessions) {
    if (seen.insert(session.room).second) schedule.rooms.push_back(Room{session.room, ""});
  }
  return schedule;
}

}  // namespace

Result<Schedule> ParseICalendar(std::string_view bytes, const FeedOptions& options) {
  auto calendar = ReadCalendar(SkipUtf8Bom(bytes));
  if (!calendar.ok()) return calendar.status();
  return ScheduleFromCalendar(*calendar, options);
}

Result<Schedule> ParseXCalendar(std::string_view bytes, const FeedOptions& options) {
  auto calendar = ReadXCalendar(bytes);
  if (!calendar.ok()) return calendar.status();
  return ScheduleFromCalendar(*calendar, options);
}

}  // namespace foyer
