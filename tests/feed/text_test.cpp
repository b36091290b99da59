// The small readers the feed parsers share (feed/text.h).
#include "feed/text.h"

#include <doctest/doctest.h>

namespace foyer {
namespace {

TEST_CASE("paragraphs keep their line breaks, lose controls, and are trimmed") {
  CHECK(feed::Paragraphs("\n First line\r\nsecond\rthird\tend\x01\x7F \n") ==
        "First line\nsecond\nthird end");
  CHECK(feed::Paragraphs("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(feed::Paragraphs("\r\r\n").empty());
  CHECK(feed::Paragraphs("a\r") == "a");
}

TEST_CASE("clock durations read hours, minutes and seconds, and bare minutes when asked") {
  CHECK(feed::ParseClock("1:30", false) == 5400);
  CHECK(feed::ParseClock("01:30:15", false) == 5415);
  CHECK(feed::ParseClock("25:00", false) == 90000);
  CHECK(feed::ParseClock("90", true) == 5400);
  CHECK_FALSE(feed::ParseClock("90", false));
  CHECK_FALSE(feed::ParseClock("1:60", true));
  CHECK_FALSE(feed::ParseClock("1:30:60", true));
  CHECK_FALSE(feed::ParseClock("1:30 ", true));
  CHECK_FALSE(feed::ParseClock("", true));
  CHECK_FALSE(feed::ParseClock("1:xx", true));
}

TEST_CASE("ISO durations are read liberally, and nothing else is") {
  CHECK(feed::ParseIsoDuration("PT1H30M") == 5400);
  CHECK(feed::ParseIsoDuration(" pt30m ") == 1800);
  CHECK(feed::ParseIsoDuration("P1DT1S") == 86401);
  CHECK(feed::ParseIsoDuration("-PT5M") == -300);
  CHECK(feed::ParseIsoDuration("P2W") == 14 * 86400);
  CHECK_FALSE(feed::ParseIsoDuration("PT"));
  CHECK_FALSE(feed::ParseIsoDuration("P1H"));
  CHECK_FALSE(feed::ParseIsoDuration("01:30"));
}

}  // namespace
}  // namespace foyer
