#include "base/text.h"

#include <doctest/doctest.h>

namespace foyer {
namespace {

TEST_CASE("trimming drops the blanks it is given at either end, and only those") {
  CHECK(Trim("  \t value \r\n") == "value");
  CHECK(Trim("\v\fvalue\f") == "value");
  CHECK(Trim("   ").empty());
  CHECK(Trim("").empty());
  CHECK(Trim(" a b ") == "a b");
  CHECK(Trim("\t x \n", " \t") == "x \n");
  CHECK(TrimStart("  x  ") == "x  ");
  CHECK(TrimEnd("  x  ") == "  x");
  CHECK(TrimEnd("x…  ", " ") == "x…");
}

TEST_CASE("case folding changes ASCII letters only") {
  CHECK(ToLowerAscii("ETag: W/\"1\"") == "etag: w/\"1\"");
  CHECK(ToUpperAscii("dtstart;tzid=Europe/Berlin") == "DTSTART;TZID=EUROPE/BERLIN");
  CHECK(ToUpperAscii("Қазақ") == "Қазақ");  // UTF-8 bytes are kept as they are
  CHECK(ToLowerAscii('Z') == 'z');
  CHECK(ToUpperAscii('@') == '@');
}

TEST_CASE("case-insensitive comparisons of whole texts, prefixes and suffixes") {
  CHECK(EqualsNoCase("Hall A", "HALL a"));
  CHECK_FALSE(EqualsNoCase("Hall A", "Hall"));
  CHECK(StartsWithNoCase("HTTPS://example.org", "https:"));
  CHECK_FALSE(StartsWithNoCase("http", "https"));
  CHECK(EndsWithNoCase("Programm.CSV", ".csv"));
  CHECK_FALSE(EndsWithNoCase("csv", ".csv"));
  CHECK(StartsWithNoCase("anything", ""));
}

}  // namespace
}  // namespace foyer
