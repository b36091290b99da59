// Civil time: ISO 8601 parsing and formatting, and time zones.
//
// foyer stores every instant as UTC (UnixSeconds) and shows it in the screen's
// zone. A Zone is either a fixed UTC offset ("+05:00", from a feed) or an IANA
// zone ("Asia/Almaty", from clock.timezone) read from the system's TZif files.
// Plain values; a Zone is immutable after loading and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/env.h"
#include "base/status.h"

namespace foyer {

struct CivilDate {
  int year = 1970, month = 1, day = 1;
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

struct CivilTime {
  CivilDate date;
  int hour = 0, minute = 0, second = 0;
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
std::int64_t DaysFromCivil(CivilDate date);
CivilDate CivilFromDays(std::int64_t days);
// 0 = Monday … 6 = Sunday.
int Weekday(CivilDate date);

// An instant read from text, with the offset it was written in.
struct ParsedInstant {
  UnixSeconds utc = 0;
  int offset_seconds = 0;   // east of UTC
  bool has_offset = false;  // false: a floating local time
};

// Parses "2025-10-15T10:40:00+05:00", "…Z", "…+0500", "2025-10-15 10:40",
// fractional seconds. Without an offset the time is floating: utc is then the
// local time read as if it were UTC, and has_offset is false.
Result<ParsedInstant> ParseIsoInstant(std::string_view text);
// Parses "2025-10-15".
Result<CivilDate> ParseIsoDate(std::string_view text);
// Parses "+05:00", "-0330", "Z".
Result<int> ParseUtcOffset(std::string_view text);

std::string FormatDate(CivilDate date);              // "2025-10-15"
std::string FormatOffset(int offset_seconds);        // "+05:00"
std::string FormatHourMinute(int hour, int minute);  // "09:05"

class Zone {
 public:
  // A fixed offset east of UTC; name() is "+05:00".
  static Zone Fixed(int offset_seconds);
  // An IANA zone from /usr/share/zoneinfo (or $TZDIR).
  static Result<Zone> Load(const std::string& iana_name);

  // The offset east of UTC in force at an instant.
  int OffsetAt(UnixSeconds utc) const;
  // The instant of a local wall-clock time (given as if it were UTC seconds).
  // In a gap (clocks jump forward) the later offset applies; in an overlap
  // (clocks fall back), the earlier instant.
  UnixSeconds LocalToUtc(UnixSeconds local) const;
  CivilTime ToCivil(UnixSeconds utc) const;
  // The local date-time as ISO 8601 with its offset: "2025-10-15T10:40:00+05:00".
  std::string FormatIso(UnixSeconds utc) const;
  const std::string& name() const { return name_; }

 private:
  struct Transition {
    UnixSeconds at;
    int offset;
  };
  std::string name_;
  int initial_offset_ = 0;
  std::vector<Transition> transitions_;  // sorted by time
};

// "2025-10-15T10:40:00Z" for an instant in UTC.
std::string FormatUtcIso(UnixSeconds utc);

// A conference day runs from 04:00 to 03:59 local wall time (as pretalx's days
// do), so a talk at 00:30 still belongs to the evening before.
constexpr int kDayStartHour = 4;
// The conference day (a date) that an instant belongs to in `zone`, by the
// wall clock, so a day still starts at 04:00 on the days clocks change.
CivilDate ConferenceDay(const Zone& zone, UnixSeconds at);

}  // namespace foyer
