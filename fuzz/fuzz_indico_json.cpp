// ParseIndicoJson (Indico's /export/event/N.json) on any bytes.
#include "feed/feed.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto schedule = foyer::ParseIndicoJson(foyer::fuzz::AsText(data, size));
  if (schedule.ok()) foyer::fuzz::CheckSchedule(*schedule);
  return 0;
}
