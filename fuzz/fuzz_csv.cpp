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
  foyer::fuzz::Check(!plain.ok() || zoned.ok(), "a schedule read without a zone reads with one");
  return 0;
}
