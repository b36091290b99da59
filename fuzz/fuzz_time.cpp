// ISO 8601 parsing (ParseIsoInstant, ParseIsoDate, ParseUtcOffset) and the
// UTF-8 helpers on any bytes, with the promises they make to each other.
#include "base/time.h"
#include "fuzz_common.h"

namespace {

using foyer::fuzz::Check;

void CheckUtf8(std::string_view text) {
  size_t bad = foyer::FindInvalidUtf8(text);
  Check(foyer::IsValidUtf8(text) == (bad == std::string_view::npos), "IsValidUtf8 agrees");
  Check(bad == std::string_view::npos || bad < text.size(), "the bad offset is inside the text");
  std::vector<char32_t> decoded = foyer::DecodeUtf8(text);
  Check(decoded.size() <= text.size(), "decoding never makes more characters than bytes");
  std::string encoded;
  for (char32_t c : decoded) foyer::AppendUtf8(encoded, c);
  Check(foyer::IsValidUtf8(encoded), "decoded and encoded again is UTF-8");
  if (bad == std::string_view::npos) Check(encoded == text, "valid UTF-8 round-trips");
  std::string collapsed = foyer::CollapseWhitespace(text);
  Check(collapsed.size() <= text.size(), "collapsing never grows");
  Check(foyer::CollapseWhitespace(collapsed) == collapsed, "collapsing is idempotent");
  if (bad == std::string_view::npos) Check(foyer::IsValidUtf8(collapsed), "collapsing keeps UTF-8");
}

void CheckTime(std::string_view text) {
  if (auto date = foyer::ParseIsoDate(text); date.ok()) {
    Check(foyer::CivilFromDays(foyer::DaysFromCivil(*date)) == *date, "dates round-trip");
    Check(foyer::FormatDate(*date) == text, "a parsed date formats as written");
    int weekday = foyer::Weekday(*date);
    Check(weekday >= 0 && weekday <= 6, "a weekday is 0..6");
  }
  if (auto offset = foyer::ParseUtcOffset(text); offset.ok()) {
    // Up to ±18:59 is read (ISO 8601 sets no limit; real zones stay within ±14 h).
    Check(*offset > -19 * 3600 && *offset < 19 * 3600, "offsets are within ±18:59");
    auto again = foyer::ParseUtcOffset(foyer::FormatOffset(*offset));
    Check(again.ok() && *again == *offset, "offsets round-trip");
  }
  if (auto instant = foyer::ParseIsoInstant(text); instant.ok()) {
    if (!instant->has_offset) return;
    foyer::Zone zone = foyer::Zone::Fixed(instant->offset_seconds);
    std::string formatted = zone.FormatIso(instant->utc);
    auto again = foyer::ParseIsoInstant(formatted);
    // Years 0000 and 9999 can format outside four digits after the offset.
    if (again.ok()) Check(again->utc == instant->utc, "instants round-trip through FormatIso");
    (void)foyer::FormatUtcIso(instant->utc);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = foyer::fuzz::AsText(data, size);
  CheckUtf8(text);
  CheckTime(text);
  return 0;
}
