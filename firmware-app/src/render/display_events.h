// What happened while the kiosk slept, in the kiosk's terms: SDL's events
// (quit, keys, window exposure, lost render devices) folded into one
// DisplayEvents. The kiosk sleeps on its own (app/wake.h) and pumps SDL's
// events each time it wakes; InputPollMillis says how often it must wake for
// input that SDL alone can see (keys on a console, a window being exposed).
// UI thread only.
#pragma once

#include <SDL.h>

#include <cstdint>

namespace foyer {

struct DisplayEvents {
  bool quit = false;          // the window closed, Ctrl+Q, or Esc/Q in a window
  bool redraw = false;        // the picture was lost or resized: draw it whole
  bool device_reset = false;  // the renderer's textures are gone
};

class EventPump {
 public:
  // `fullscreen`: a kiosk on a panel quits only on Ctrl+Q (a stray key must
  // not end it); a window also on Esc or Q. REQUIRES: SDL's video is up.
  explicit EventPump(bool fullscreen);

  // Takes every event SDL has now, without waiting; returns what happened.
  DisplayEvents Pump();
  // How often to pump for input (-1: never, the driver has none): 1 s on a
  // panel (Ctrl+Q, hotplug), 250 ms in a preview window, which is dragged,
  // covered and closed.
  std::int64_t InputPollMillis() const { return input_poll_millis_; }

 private:
  void Handle(const SDL_Event& event, DisplayEvents& events) const;

  bool fullscreen_;
  std::int64_t input_poll_millis_;
};

}  // namespace foyer
