// ParseXCalendar on any bytes, without a floating zone and with one.
#include "feed/feed.h"
#include "fuzz_common.h"
#include "fuzz_zones.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes = foyer::fuzz::AsText(data, size);
  auto plain = foyer::ParseXCalendar(bytes);
  if (plain.ok()) foyer::fuzz::CheckSchedule(*plain);
  foyer::FeedOptions options;
  options.floating_zone = &foyer::fuzz::DaylightSavingZone();
  auto zoned = foyer::ParseXCalendar(bytes, options);
  if (zoned.ok()) foyer::fuzz::CheckSchedule(*zoned);
  return 0;
}
