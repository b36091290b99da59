#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/time.h"
#include "feed/recurrence.h"

namespace foyer {
namespace {

constexpr int kAlmaty = 5 * 3600;

// Wall-clock seconds of a local "2025-10-15T10:00:00".
UnixSeconds Local(const std::string& text) {
  auto instant = ParseIsoInstant(text + "Z");
  REQUIRE(instant.ok());
  return instant->utc;
}

// The wall-clock starts as "2025-10-15T10:00:00" texts, read at Almaty's +05:00.
std::vector<std::string> Starts(const std::string& rule_text, const std::string& first) {
  auto rule = ParseRecurrenceRule(rule_text);
  REQUIRE_MESSAGE(rule.has_value(), rule_text);
  std::vector<std::string> texts;
  for (UnixSeconds local :
       ExpandRecurrence(*rule, Local(first), [](UnixSeconds l) { return l - kAlmaty; })) {
    std::string iso = FormatUtcIso(local);
    texts.push_back(iso.substr(0, iso.size() - 1));  // drop the "Z": these are wall-clock
  }
  return texts;
}

using Texts = std::vector<std::string>;

TEST_CASE("daily and weekly rules, with COUNT, INTERVAL, BYDAY and a UTC UNTIL") {
  CHECK(Starts("FREQ=DAILY;COUNT=3", "2025-10-15T09:00:00") ==
        Texts{"2025-10-15T09:00:00", "2025-10-16T09:00:00", "2025-10-17T09:00:00"});
  // Wednesday the 15th; Mondays and Wednesdays until 29 October 10:00 at UTC
  // (15:00 in Almaty): the 29th at 10:00 local is 05:00 UTC, still in.
  CHECK(Starts("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20251029T100000Z", "2025-10-15T10:00:00") ==
        Texts{"2025-10-15T10:00:00", "2025-10-20T10:00:00", "2025-10-22T10:00:00",
              "2025-10-27T10:00:00", "2025-10-29T10:00:00"});
  // At 04:59 UTC the 29th's 10:00 (05:00 UTC) is past UNTIL.
  CHECK(Starts("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20251029T045900Z", "2025-10-15T10:00:00").size() ==
        4);
  CHECK(Starts("freq=weekly;interval=2;count=3", "2025-10-15T10:00:00") ==
        Texts{"2025-10-15T10:00:00", "2025-10-29T10:00:00", "2025-11-12T10:00:00"});
  // A date UNTIL takes in its whole day.
  CHECK(Starts("FREQ=DAILY;UNTIL=20251017", "2025-10-15T18:00:00").size() == 3);
  // Weekdays only, the week starting on Sunday.
  CHECK(Starts("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=4;WKST=SU", "2025-10-16T09:00:00") ==
        Texts{"2025-10-16T09:00:00", "2025-10-17T09:00:00", "2025-10-20T09:00:00",
              "2025-10-21T09:00:00"});
}

TEST_CASE("monthly and yearly rules count weekdays within the month and skip missing days") {
  // 31 October 2025 is the last Friday of its month.
  CHECK(Starts("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", "2025-10-31T17:00:00") ==
        Texts{"2025-10-31T17:00:00", "2025-11-28T17:00:00", "2025-12-26T17:00:00"});
  // No 31 November: skipped, not moved.
  CHECK(Starts("FREQ=MONTHLY;COUNT=3", "2025-10-31T17:00:00") ==
        Texts{"2025-10-31T17:00:00", "2025-12-31T17:00:00", "2026-01-31T17:00:00"});
  CHECK(Starts("FREQ=MONTHLY;BYMONTHDAY=1,-1;COUNT=3", "2025-10-31T17:00:00") ==
        Texts{"2025-10-31T17:00:00", "2025-11-01T17:00:00", "2025-11-30T17:00:00"});
  // The forum's third Wednesday of October, a year on.
  CHECK(Starts("FREQ=YEARLY;BYMONTH=10;BYDAY=3WE;COUNT=2", "2025-10-15T10:00:00") ==
        Texts{"2025-10-15T10:00:00", "2026-10-21T10:00:00"});
  // 29 February comes again in 2028, past the horizon of two years.
  CHECK(Starts("FREQ=YEARLY;COUNT=2", "2024-02-29T10:00:00") == Texts{"2024-02-29T10:00:00"});
}

TEST_CASE("a rule that never ends is cut at kMaxOccurrences or the horizon") {
  CHECK(Starts("FREQ=DAILY", "2025-10-15T10:00:00").size() == kMaxOccurrences);
  Texts weekly = Starts("FREQ=WEEKLY", "2025-10-15T10:00:00");
  CHECK(weekly.size() == kRecurrenceHorizonDays / 7 + 1);
  CHECK(Starts("FREQ=YEARLY;INTERVAL=10000", "2025-10-15T10:00:00").size() == 1);
  CHECK(Starts("FREQ=DAILY;COUNT=1", "2025-10-15T10:00:00").size() == 1);
}

TEST_CASE("rules foyer does not read are refused whole, never half-read") {
  for (const char* rule :
       {"", "COUNT=3", "FREQ=HOURLY;COUNT=3", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1",
        "FREQ=WEEKLY;BYDAY=1MO", "FREQ=YEARLY;BYDAY=20MO", "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;COUNT=-1", "FREQ=DAILY;UNTIL=2025", "FREQ=MONTHLY;BYMONTHDAY=32",
        "FREQ=DAILY;BYHOUR=9,10", "FREQ=DAILY;X-NAME=1", "FREQ=WEEKLY;BYDAY=XX"}) {
    CAPTURE(rule);
    CHECK_FALSE(ParseRecurrenceRule(rule).has_value());
  }
}

}  // namespace
}  // namespace foyer
