// Waker: how the kiosk's UI thread sleeps and who may wake it. It blocks in
// poll(2) on an eventfd with a timeout, so an idle screen costs no CPU
// whatever the video driver: SDL 2.26 waits natively only on some drivers
// (X11) and on others (dummy, offscreen, KMSDRM on a Pi's console) pumps
// events every millisecond inside SDL_WaitEventTimeout.
//
// Who wakes it: the timeout (the next minute, session boundary or watchdog
// ping, app/next_change.h), and Wake() from any thread — the sync thread when
// the cache changed, the stop-signal thread (app/stop_signals.h), and any
// other source of news (a fleet channel). A new source needs only a way to
// call Wake(). SDL's own events are pumped by the kiosk after each wake-up.
//
// Wake() is thread-safe and async-signal-safe; Wait() is for one thread.
#pragma once

#include <cstdint>

namespace foyer {

class Waker {
 public:
  Waker();
  ~Waker();
  Waker(const Waker&) = delete;
  Waker& operator=(const Waker&) = delete;

  // Ends the current or the next Wait() early. Wake-ups before a Wait() are
  // kept (as one), so none is lost between a check and the sleep.
  void Wake();
  // Sleeps until Wake() or until `millis` have passed (negative: no limit).
  // Returns true when woken, and takes the wake-up.
  bool Wait(std::int64_t millis);

 private:
  int fd_ = -1;  // the eventfd; -1 when none could be made (Wait then only sleeps)
};

}  // namespace foyer
