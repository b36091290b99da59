#include "render/display_events.h"

#include <algorithm>

namespace foyer {

EventPump::EventPump(bool fullscreen)
    : fullscreen_(fullscreen), wake_event_(SDL_RegisterEvents(1)) {}

void EventPump::Wake() {
  SDL_Event event{};
  event.type = wake_event_;
  SDL_PushEvent(&event);
}

DisplayEvents EventPump::Wait(std::int64_t millis) {
  DisplayEvents events;
  SDL_Event event;
  int timeout = static_cast<int>(std::clamp<std::int64_t>(millis, 0, 1 << 30));
  if (!SDL_WaitEventTimeout(&event, timeout)) return events;
  do Handle(event, events);
  while (SDL_PollEvent(&event));
  return events;
}

void EventPump::Handle(const SDL_Event& event, DisplayEvents& events) const {
  if (event.type == wake_event_) events.woken = true;
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
