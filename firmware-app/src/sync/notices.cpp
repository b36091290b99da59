#include "sync/notices.h"

#include <algorithm>

namespace foyer {

void NoticeSchedule::Notice(std::int64_t now, std::uint64_t random) {
  if (due_) return;  // merged into the one waiting
  noticed_ = now;
  std::int64_t due = now + static_cast<std::int64_t>(random % (kNoticeSpreadMillis + 1));
  if (last_poll_) due = std::max(due, *last_poll_ + kNoticeSpacingMillis);
  due_ = due;
}

void NoticeSchedule::Polled(std::int64_t started) {
  last_poll_ = started;
  if (due_ && noticed_ <= started) due_.reset();
}

}  // namespace foyer
