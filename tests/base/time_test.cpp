#include "base/time.h"

#include <doctest/doctest.h>

#include "base/utf8.h"

namespace foyer {
namespace {

TEST_CASE("ISO instants with an offset, Z or none are read as UTC") {
  auto local = ParseIsoInstant("2025-10-15T10:40:00+05:00");
  REQUIRE(local.ok());
  CHECK(local->utc == 1760506800);
  CHECK(local->offset_seconds == 18000);
  CHECK(local->has_offset);
  CHECK(ParseIsoInstant("2025-10-15T05:40:00Z")->utc == 1760506800);
  CHECK(ParseIsoInstant("2025-10-15T05:40:00.250Z")->utc == 1760506800);
  CHECK(ParseIsoInstant("2025-10-15T01:40:00-0400")->utc == 1760506800);
  auto floating = ParseIsoInstant("2025-10-15T10:40");
  REQUIRE(floating.ok());
  CHECK_FALSE(floating->has_offset);
}

TEST_CASE("malformed instants are refused with the text quoted") {
  for (const char* bad : {"", "2025-10-15", "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z",
                          "2025-10-15T10:40:00+5", "yesterday at noon"}) {
    auto parsed = ParseIsoInstant(bad);
    CHECK_FALSE(parsed.ok());
    if (!parsed.ok()) CHECK(parsed.status().message().find(bad) != std::string::npos);
  }
}

TEST_CASE("an offset written right but out of range says it is out of range") {
  auto instant = ParseIsoInstant("2025-10-15T10:40:00+23:59");
  REQUIRE_FALSE(instant.ok());
  CHECK(instant.status().message() ==
        "the UTC offset \"+23:59\" is out of range: offsets run from -18:00 to +18:00 (those in "
        "use from -12:00 to +14:00)");
  CHECK_FALSE(ParseUtcOffset("+05:60").ok());
  CHECK(*ParseUtcOffset("+18:00") == 18 * 3600);
  // Not an offset at all: the whole text is quoted as before.
  CHECK(ParseIsoInstant("2025-10-15T10:40:00+5")
            .status()
            .message()
            .find("not a date and time with a UTC offset") == 0);
}

TEST_CASE("civil dates round-trip through day numbers, including leap days") {
  for (std::int64_t day = -800000; day < 800000; day += 997)
    CHECK(DaysFromCivil(CivilFromDays(day)) == day);
  CHECK(DaysFromCivil({2024, 2, 29}) + 1 == DaysFromCivil({2024, 3, 1}));
  CHECK(Weekday({2025, 10, 15}) == 2);  // a Wednesday
}

TEST_CASE("a fixed zone formats local ISO times with its offset") {
  Zone almaty = Zone::Fixed(5 * 3600);
  CHECK(almaty.FormatIso(1760506800) == "2025-10-15T10:40:00+05:00");
  CHECK(Zone::Fixed(-9000).name() == "-02:30");
  CHECK(FormatUtcIso(1760506800) == "2025-10-15T05:40:00Z");
}

TEST_CASE("an IANA zone follows daylight saving transitions") {
  auto berlin = Zone::Load("Europe/Berlin");
  REQUIRE(berlin.ok());
  CHECK(berlin->OffsetAt(ParseIsoInstant("2025-07-01T12:00:00Z")->utc) == 7200);
  CHECK(berlin->OffsetAt(ParseIsoInstant("2025-12-01T12:00:00Z")->utc) == 3600);
  CHECK_FALSE(Zone::Load("../../etc/passwd").ok());
  CHECK_FALSE(Zone::Load("Nowhere/Special").ok());
  CHECK_FALSE(Zone::Load("Europe").ok());  // a folder, not a zone
}

TEST_CASE("local wall times convert to instants, across daylight saving changes") {
  auto berlin = *Zone::Load("Europe/Berlin");
  auto local = [](const char* text) { return ParseIsoInstant(text)->utc; };  // floating
  CHECK(berlin.LocalToUtc(local("2015-08-12T16:00:00")) == local("2015-08-12T14:00:00"));
  CHECK(berlin.LocalToUtc(local("2015-12-12T16:00:00")) == local("2015-12-12T15:00:00"));
  // 02:30 on 2025-03-30 does not exist: it reads as 03:30 CEST.
  CHECK(berlin.LocalToUtc(local("2025-03-30T02:30:00")) == local("2025-03-30T01:30:00"));
  // 02:30 on 2025-10-26 happens twice: the first one (CEST) is taken.
  CHECK(berlin.LocalToUtc(local("2025-10-26T02:30:00")) == local("2025-10-26T00:30:00"));
  CHECK(Zone::Fixed(18000).LocalToUtc(local("2025-10-15T10:40:00")) ==
        local("2025-10-15T05:40:00"));
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
  CHECK(IsValidUtf8("Қазақстан 한국 ✓"));
  CHECK(FindInvalidUtf8("ok\xC0\xAF") == 2);    // overlong
  CHECK(FindInvalidUtf8("\xED\xA0\x80") == 0);  // surrogate
  CHECK(FindInvalidUtf8("abc\xE2\x82") == 3);   // cut short
  CHECK(DecodeUtf8("Қ") == std::vector<char32_t>{0x049A});
  std::string out;
  AppendUtf8(out, 0x1F600);
  CHECK(out == "\xF0\x9F\x98\x80");
}

TEST_CASE("whitespace collapses to single spaces and controls are dropped") {
  CHECK(CollapseWhitespace("  Opening\r\n  address\x06 ") == "Opening address");
}

}  // namespace
}  // namespace foyer
