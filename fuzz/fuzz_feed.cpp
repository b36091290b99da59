// ParseFeed: format detection, then whichever parser it picks (or the error
// that names what the bytes are instead), with and without a floating zone.
#include "feed/feed.h"
#include "fuzz_common.h"
#include "fuzz_zones.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes = foyer::fuzz::AsText(data, size);
  foyer::FeedFormat format = foyer::DetectFeedFormat(bytes);
  foyer::fuzz::Check(foyer::FeedFormatName(format) != nullptr, "every format has a name");
  auto plain = foyer::ParseFeed(bytes);
  if (plain.ok()) foyer::fuzz::CheckSchedule(*plain, /*texts_are_utf8=*/true);
  foyer::fuzz::Check(plain.ok() || !plain.status().message().empty(), "an error says why");
  foyer::FeedOptions options;
  options.floating_zone = &foyer::fuzz::FixedZone();
  auto zoned = foyer::ParseFeed(bytes, options);
  if (zoned.ok()) foyer::fuzz::CheckSchedule(*zoned, /*texts_are_utf8=*/true);
  return 0;
}
