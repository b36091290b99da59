// When "the feed changed" notices (from the fleet's broker) turn into polls.
// A notice asks for the same poll the schedule would make, after a random 0–2 s
// so that a fleet's screens do not reach the server in the same instant, and
// never sooner than 2 s after the last poll: notices that arrive while one is
// waiting are merged into it. A flood of notices (forged or not) therefore
// costs at most one poll per 2 s. Times are monotonic milliseconds.
// Thread-compatible (SyncThread guards it).
#pragma once

#include <cstdint>
#include <optional>

namespace foyer {

inline constexpr std::int64_t kNoticeSpreadMillis = 2000;
inline constexpr std::int64_t kNoticeSpacingMillis = 2000;

class NoticeSchedule {
 public:
  // A notice arrived at now; random is a uniform 64-bit number.
  void Notice(std::int64_t now, std::uint64_t random);
  // When the poll a notice asks for is due, if one is waiting.
  std::optional<std::int64_t> due() const { return due_; }
  // A poll (any poll) started at `started`: it serves the notices that came before.
  void Polled(std::int64_t started);

 private:
  std::optional<std::int64_t> due_;
  std::int64_t noticed_ = 0;  // the first waiting notice's arrival
  std::optional<std::int64_t> last_poll_;
};

}  // namespace foyer
