#include "sync/notices.h"

#include <doctest/doctest.h>

namespace foyer {
namespace {

TEST_CASE("a feed notice asks for a poll within 0 to 2 seconds") {
  for (std::uint64_t random : {0ull, 999ull, 2000ull, ~0ull}) {
    NoticeSchedule notices;
    notices.Notice(10'000, random);
    REQUIRE(notices.due().has_value());
    CHECK(*notices.due() >= 10'000);
    CHECK(*notices.due() <= 12'000);
  }
}

TEST_CASE("notices that arrive while one waits are merged into it") {
  NoticeSchedule notices;
  notices.Notice(0, 1500);
  const auto due = notices.due();
  for (int i = 1; i < 100; ++i) notices.Notice(i, static_cast<std::uint64_t>(i));
  CHECK(notices.due() == due);
  notices.Polled(*due);
  CHECK_FALSE(notices.due().has_value());
}

TEST_CASE("a flood of notices costs at most one poll per 2 seconds") {
  NoticeSchedule notices;
  int polls = 0;
  std::int64_t last = -1'000'000;
  // A notice every 10 ms for a minute; poll whenever one is due.
  for (std::int64_t now = 0; now < 60'000; now += 10) {
    notices.Notice(now, static_cast<std::uint64_t>(now * 7919));
    if (notices.due() && *notices.due() <= now) {
      CHECK(now - last >= kNoticeSpacingMillis);
      last = now;
      notices.Polled(now);
      ++polls;
    }
  }
  CHECK(polls <= 30);
  CHECK(polls >= 15);
}

TEST_CASE("a poll serves only the notices that came before it started") {
  NoticeSchedule notices;
  notices.Notice(5'000, 0);
  notices.Polled(4'000);  // a poll that started before the notice
  CHECK(notices.due().has_value());
  notices.Polled(5'000);
  CHECK_FALSE(notices.due().has_value());
}

}  // namespace
}  // namespace foyer
