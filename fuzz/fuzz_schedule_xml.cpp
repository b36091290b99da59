// ParseScheduleXml (frab / pentabarf / hub schedule.xml) on any bytes, without
// a floating zone and with one.
#include "feed/feed.h"
#include "fuzz_common.h"
#include "fuzz_zones.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes = foyer::fuzz::AsText(data, size);
  auto plain = foyer::ParseScheduleXml(bytes);
  if (plain.ok()) foyer::fuzz::CheckSchedule(*plain);
  foyer::FeedOptions options;
  options.floating_zone = &foyer::fuzz::DaylightSavingZone();
  auto zoned = foyer::ParseScheduleXml(bytes, options);
  if (zoned.ok()) foyer::fuzz::CheckSchedule(*zoned);
  // A zone only fills in what the feed leaves open.
  foyer::fuzz::Check(!plain.ok() || zoned.ok(), "a feed read without a zone reads with one");
  return 0;
}
