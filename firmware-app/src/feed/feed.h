// Feed parsing: bytes in, Schedule out. Pure functions over a buffer (no I/O),
// so every parser is tested from files and fuzzed. Thread-safe.
//
// Be liberal in what is accepted (real feeds break their schema; see
// tests/data/feeds/SOURCES.md), exact in what is kept, and refuse only what
// cannot be shown correctly, with an error that names the place in the feed
// (e.g. "days[1].rooms[\"Hall A\"][3].date: not a date and time: \"…\"").
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "base/time.h"
#include "model/schedule.h"

namespace foyer {

enum class FeedFormat {
  kUnknown,
  kScheduleJson,
  kScheduleXml,
  kICalendar,
  kXCalendar,
  kIndicoJson
};

// Detects the format from the bytes themselves (never from a file name).
FeedFormat DetectFeedFormat(std::string_view bytes);
const char* FeedFormatName(FeedFormat format);

struct FeedOptions;
// Parses any supported format, detected from the bytes. Every text of the
// result is valid UTF-8 (what a parser let through is replaced by U+FFFD).
Result<Schedule> ParseFeed(std::string_view bytes, const FeedOptions& options);
Result<Schedule> ParseFeed(std::string_view bytes);

// The fix a problem names when a time has no UTC offset and no floating_zone
// is given. A reader says it once for all its events (ProblemList's
// same_fix), so `status.problems().Mentions(kSetClockTimezone)` tells a caller
// that the feed needs a zone.
inline constexpr std::string_view kSetClockTimezone = "set clock.timezone";

// How to read what a feed leaves open.
struct FeedOptions {
  // The zone of local times written without an offset (old pentabarf XML,
  // floating iCalendar times): clock.timezone. Without it such a feed is
  // refused with an error that says to set clock.timezone.
  const Zone* floating_zone = nullptr;
};

// frab / pretalx / c3voc schedule.json (version 1 of the c3voc schema).
Result<Schedule> ParseScheduleJson(std::string_view bytes, const FeedOptions& options = {});

// frab and pentabarf schedule.xml.
Result<Schedule> ParseScheduleXml(std::string_view bytes, const FeedOptions& options = {});

// iCalendar (RFC 5545, and the ways real exporters break it).
Result<Schedule> ParseICalendar(std::string_view bytes, const FeedOptions& options = {});

// xCal: iCalendar as XML (RFC 6321, and pentabarf's older export of it).
Result<Schedule> ParseXCalendar(std::string_view bytes, const FeedOptions& options = {});

// Indico's HTTP API export (/export/event/N.json?detail=contributions).
Result<Schedule> ParseIndicoJson(std::string_view bytes);

}  // namespace foyer
