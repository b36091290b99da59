// ParseCsv (a spreadsheet's schedule) on any bytes, without a zone and with
// one, and LooksLikeCsvSchedule.
#include "feed/csv.h"
#include "fuzz_common.h"
#include "fuzz_zones.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes = foyer::fuzz::AsText(data, size);
  (void)foyer::LooksLikeCsvSchedule(bytes);
  auto plain = foyer::ParseCsv(bytes, nullptr);
  if (plain.ok()) foyer::fuzz::CheckSchedule(*plain);
  auto zoned = foyer::ParseCsv(bytes, &foyer::fuzz::DaylightSavingZone(), "schedule.csv");
  if (zoned.ok()) foyer::fuzz::CheckSchedule(*zoned);
  // No promise relates the two: local times without an offset are other instants
  // in another zone, and a session across a daylight-saving change has another length.
  return 0;
}
