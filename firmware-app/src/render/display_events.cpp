#include "render/display_events.h"

#include <cstring>

namespace foyer {
namespace {

constexpr std::int64_t kPanelInputMillis = 1000;
constexpr std::int64_t kWindowInputMillis = 250;

// SDL's drivers without any input: nothing to pump for between wake-ups.
bool DriverHasInput() {
  const char* driver = SDL_GetCurrentVideoDriver();
  if (!driver) return false;
  // "evdev" is the dummy driver with a console's keyboard.
  return std::strcmp(driver, "dummy") != 0 && std::strcmp(driver, "offscreen") != 0;
}

}  // namespace

EventPump::EventPump(bool fullscreen)
    : fullscreen_(fullscreen),
      input_poll_millis_(!DriverHasInput() ? -1
                         : fullscreen      ? kPanelInputMillis
                                           : kWindowInputMillis) {}

DisplayEvents EventPump::Pump() {
  DisplayEvents events;
  SDL_Event event;
  while (SDL_PollEvent(&event)) Handle(event, events);
  return events;
}

void EventPump::Handle(const SDL_Event& event, DisplayEvents& events) const {
  if (event.type == SDL_QUIT) events.quit = true;
  if (event.type == SDL_KEYDOWN) {
    SDL_Keycode key = event.key.keysym.sym;
    bool ctrl = event.key.keysym.mod & KMOD_CTRL;
    if ((key == SDLK_q && ctrl) || (!fullscreen_ && (key == SDLK_ESCAPE || key == SDLK_q)))
      events.quit = true;
  }
  if (event.type == SDL_WINDOWEVENT && (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
                                        event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED))
    events.redraw = true;
  if (event.type == SDL_RENDER_DEVICE_RESET) events.device_reset = true;
  if (event.type == SDL_RENDER_TARGETS_RESET || event.type == SDL_RENDER_DEVICE_RESET)
    events.redraw = true;
}

}  // namespace foyer
