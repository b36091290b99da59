#include "feed/feed.h"

namespace foyer {

Result<Schedule> ParseIndicoJson(std::string_view) {
  return Status::Error("this feed format is not supported yet; publish schedule.json");
}

}  // namespace foyer
