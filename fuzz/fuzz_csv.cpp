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
  // No promise relates the two: "10:40Z" to "11:30" is fine when 11:30 is read
  // at UTC and ends before it starts when read in Berlin (a mixed-up CSV).
  return 0;
}
