// ParseAnnouncements on any bytes; what parses must serialize (the store keeps
// announcements that way), parse back the same, and filter.
#include "feed/announcements.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using foyer::fuzz::Check;
  auto parsed = foyer::ParseAnnouncements(foyer::fuzz::AsText(data, size));
  if (!parsed.ok()) return 0;
  for (const foyer::Announcement& a : *parsed) {
    Check(foyer::IsValidUtf8(a.text), "announcement text is UTF-8");
    Check(a.ends > a.starts, "an announcement ends after it starts");
  }
  std::string serialized = foyer::SerializeAnnouncements(*parsed);
  auto again = foyer::ParseAnnouncements(serialized);
  Check(again.ok(), "serialized announcements parse again");
  Check(*again == *parsed, "serialized announcements parse back the same");
  if (!parsed->empty()) {
    const foyer::Announcement& first = parsed->front();
    auto active = foyer::ActiveAnnouncements(*parsed, first.rooms, first.starts);
    Check(!active.empty(), "an announcement is active when it starts");
  }
  return 0;
}
