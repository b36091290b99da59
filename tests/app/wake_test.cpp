// The Waker the kiosk sleeps on: a timeout, or a Wake() from another thread
// (the sync, the stop signals), none of which may be lost.
#include "app/wake.h"

#include <doctest/doctest.h>

#include <thread>

namespace foyer {
namespace {

TEST_CASE("a wait with nothing to wake it times out and says it was not woken") {
  Waker waker;
  CHECK_FALSE(waker.Wait(0));
  CHECK_FALSE(waker.Wait(20));
}

TEST_CASE("a wake-up before the wait is kept, as one, until a wait takes it") {
  Waker waker;
  waker.Wake();
  waker.Wake();
  CHECK(waker.Wait(0));
  CHECK_FALSE(waker.Wait(0));
}

TEST_CASE("another thread's wake-up ends a wait that would last forever") {
  Waker waker;
  std::thread other([&waker] { waker.Wake(); });
  CHECK(waker.Wait(-1));
  other.join();
}

}  // namespace
}  // namespace foyer
