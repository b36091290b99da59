#include "feed/feed.h"

namespace foyer {

Result<Schedule> ParseICalendar(std::string_view, const FeedOptions&) {
  return Status::Error("this feed format is not supported yet; publish schedule.json");
}

}  // namespace foyer
