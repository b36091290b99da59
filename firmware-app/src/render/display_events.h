// What happened while the kiosk slept, in the kiosk's terms: SDL's events
// (quit, keys, window exposure, lost render devices) and wake-ups from other
// threads (new data from the sync) folded into one DisplayEvents.
// Wait() on the UI thread only; Wake() from any thread.
#pragma once

#include <SDL.h>

#include <cstdint>

namespace foyer {

struct DisplayEvents {
  bool quit = false;          // the window closed, Ctrl+Q, or Esc/Q in a window
  bool redraw = false;        // the picture was lost or resized: draw it whole
  bool device_reset = false;  // the renderer's textures are gone
  bool woken = false;         // Wake() was called
};

class EventPump {
 public:
  // `fullscreen`: a kiosk on a panel quits only on Ctrl+Q (a stray key must
  // not end it); a window also on Esc or Q.
  explicit EventPump(bool fullscreen);

  // Sleeps until an event or `millis` have passed; returns what happened.
  DisplayEvents Wait(std::int64_t millis);
  // Ends a Wait early (thread-safe).
  void Wake();

 private:
  void Handle(const SDL_Event& event, DisplayEvents& events) const;

  bool fullscreen_;
  Uint32 wake_event_;
};

}  // namespace foyer
