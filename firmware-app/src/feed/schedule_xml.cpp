#include "feed/feed.h"

namespace foyer {

Result<Schedule> ParseScheduleXml(std::string_view, const FeedOptions&) {
  return Status::Error("this feed format is not supported yet; publish schedule.json");
}

}  // namespace foyer
