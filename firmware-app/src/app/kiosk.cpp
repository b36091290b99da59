#include "app/kiosk.h"

#include <SDL.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/log.h"
#include "layout/layout.h"
#include "render/fonts.h"
#include "render/png.h"
#include "render/renderer.h"
#include "store/store.h"
#include "sync/syncer.h"
#include "timeline/timeline.h"

namespace foyer {
namespace {

// Taken when the program is loaded, before main: the start of "exec to first frame".
const std::int64_t g_process_started = Env::Default()->MonotonicMicros();

long PeakRssKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Milliseconds until the next thing that can change a pixel: the next minute
// (the clock), the next session boundary, or the moment the data turns stale.
std::int64_t MillisUntilNextChange(const Config& config, const CachedSchedule& cached, Env* clock,
                                   Env* real, UnixSeconds last_success) {
  std::int64_t now_micros = clock->NowMicros();
  UnixSeconds now = now_micros / 1000000;
  UnixSeconds wake = (now / 60 + 1) * 60;
  if (auto boundary = NextBoundary(cached.schedule, RoomsShown(config, cached.schedule), now))
    wake = std::min(wake, *boundary);
  // A hallway may page through its rooms (layout decides whether it must).
  if (config.display.mode == "hallway")
    wake = std::min(wake, (now / kHallwayPageSeconds + 1) * kHallwayPageSeconds);
  for (const Announcement& a : cached.announcements)
    for (UnixSeconds t : {a.starts, a.ends})
      if (t > now) wake = std::min(wake, t);
  std::int64_t millis = (wake * 1000000 - now_micros) / 1000 + 5;
  if (last_success > 0) {
    UnixSeconds stale_at = last_success + config.feed.stale_after + 1;
    UnixSeconds real_now = real->Now();
    if (stale_at > real_now) millis = std::min<std::int64_t>(millis, (stale_at - real_now) * 1000);
  }
  return std::max<std::int64_t>(millis, 5);
}

}  // namespace

int RunKiosk(const Config& config, Env* clock, Env* real, double exit_after_seconds) {
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    std::fprintf(stderr,
                 "foyer: no display to show the screen on (%s).\n"
                 "Preview it offscreen instead: foyer --config %s --screenshot screen.png\n",
                 SDL_GetError(), config.path.c_str());
    return 3;
  }
  Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
  if (config.display.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  SDL_Window* window = SDL_CreateWindow("foyer", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                        config.display.width, config.display.height, flags);
  SDL_Renderer* renderer =
      window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED) : nullptr;
  if (window && !renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer) {
    std::fprintf(stderr, "foyer: cannot open a window: %s\n", SDL_GetError());
    SDL_Quit();
    return 3;
  }
  if (config.display.fullscreen) SDL_ShowCursor(SDL_DISABLE);
  // The window's first "exposed" events are for the frame about to be drawn anyway.
  SDL_PumpEvents();
  SDL_FlushEvent(SDL_WINDOWEVENT);

  auto fonts = FontChain::Load();
  if (!fonts.ok()) {
    std::fprintf(stderr, "foyer: %s\n", fonts.status().message().c_str());
    return 1;
  }
  FontMeasurer measurer(fonts->get());
  Painter painter(renderer, fonts->get());

  auto store = Store::Open(config.cache.path);
  if (!store.ok()) {
    std::fprintf(stderr, "foyer: %s\n", store.status().message().c_str());
    return 1;
  }
  auto loaded = LoadCachedSchedule(**store, config);
  CachedSchedule cached = loaded.ok() ? std::move(*loaded) : CachedSchedule{};
  std::int64_t seen_changes = (*store)->ChangeCounter().ok() ? *(*store)->ChangeCounter() : 0;

  // The sync thread only tells the UI that something changed; the UI reads the store.
  const Uint32 sync_event = SDL_RegisterEvents(1);
  SyncThread sync(real, NewCurlHttpClient(), config.cache.path, SyncOptionsFor(config),
                  [sync_event] {
                    SDL_Event event{};
                    event.type = sync_event;
                    SDL_PushEvent(&event);
                  });

  const std::int64_t started = real->MonotonicMicros();
  const std::int64_t deadline =
      exit_after_seconds > 0 ? started + static_cast<std::int64_t>(exit_after_seconds * 1e6) : 0;
  int frames = 0;
  bool must_draw = true;
  bool running = true;
  bool clock_trusted = true;
  SDL_Texture* upright = nullptr;  // the upright picture of a turned panel
  int upright_width = 0, upright_height = 0;
  std::int64_t draw_micros = 0, slowest_draw_micros = 0, first_frame_micros = 0;
  while (running) {
    const std::int64_t frame_started = real->MonotonicMicros();
    auto changes = (*store)->ChangeCounter();
    if (changes.ok() && *changes != seen_changes) {
      seen_changes = *changes;
      auto fresh = LoadCachedSchedule(**store, config);
      if (fresh.ok())
        cached = std::move(*fresh);
      else
        LogWarning("cannot read the cache: " + fresh.status().message());
    }
    cached.last_success = std::max(cached.last_success, sync.last_success());
    ScreenMoment moment{clock->Now(), real->Now(), true};
    if (!config.clock.start) {
      std::string why;
      moment.clock_trusted = ClockPlausible(moment.real_now, cached.last_success, &why);
      if (moment.clock_trusted != clock_trusted) {
        clock_trusted = moment.clock_trusted;
        if (clock_trusted)
          LogInfo("the system clock looks right again: showing the schedule");
        else
          LogWarning(why);
      }
    }
    int width = 0, height = 0;
    SDL_GetRendererOutputSize(renderer, &width, &height);
    // A panel mounted turned: lay out and draw upright into a texture, then turn it.
    const int rotation = config.display.rotation;
    const bool quarter = rotation == 90 || rotation == 270;
    const int logical_width = quarter ? height : width, logical_height = quarter ? width : height;
    if (rotation != 0 &&
        (!upright || upright_width != logical_width || upright_height != logical_height)) {
      if (upright) SDL_DestroyTexture(upright);
      upright = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                  logical_width, logical_height);
      upright_width = logical_width, upright_height = logical_height;
      must_draw = true;
    }
    DisplayList list = LayoutScreen(
        MakeScreenInput(config, cached, moment, logical_width, logical_height), measurer);
    if (upright) SDL_SetRenderTarget(renderer, upright);
    bool drew = must_draw;
    if (must_draw)
      painter.Draw(list);
    else
      drew = painter.DrawIfChanged(list);
    must_draw = false;
    if (upright) {
      SDL_SetRenderTarget(renderer, nullptr);
      if (drew) {
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
        SDL_RenderClear(renderer);
        SDL_Rect target{(width - logical_width) / 2, (height - logical_height) / 2, logical_width,
                        logical_height};
        SDL_RenderCopyEx(renderer, upright, nullptr, &target, rotation, nullptr, SDL_FLIP_NONE);
      }
    }
    if (drew) {
      SDL_RenderPresent(renderer);
      ++frames;
      const std::int64_t done = real->MonotonicMicros();
      draw_micros += done - frame_started;
      slowest_draw_micros = std::max(slowest_draw_micros, done - frame_started);
      if (frames == 1) first_frame_micros = done - g_process_started;
    }

    std::int64_t wait = MillisUntilNextChange(config, cached, clock, real, cached.last_success);
    // An untrusted clock is checked again every few seconds: NTP may answer any time.
    if (!clock_trusted) wait = std::min<std::int64_t>(wait, 5000);
    if (deadline) {
      std::int64_t left = (deadline - real->MonotonicMicros()) / 1000;
      if (left <= 0) break;
      wait = std::min(wait, left);
    }
    SDL_Event event;
    if (!SDL_WaitEventTimeout(&event, static_cast<int>(std::min<std::int64_t>(wait, 1 << 30))))
      continue;
    do {
      if (event.type == SDL_QUIT) running = false;
      if (event.type == SDL_KEYDOWN) {
        SDL_Keycode key = event.key.keysym.sym;
        bool ctrl = event.key.keysym.mod & KMOD_CTRL;
        if ((key == SDLK_q && ctrl) ||
            (!config.display.fullscreen && (key == SDLK_ESCAPE || key == SDLK_q)))
          running = false;
      }
      if (event.type == SDL_WINDOWEVENT && (event.window.event == SDL_WINDOWEVENT_EXPOSED ||
                                            event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED))
        must_draw = true;
      if (event.type == SDL_RENDER_DEVICE_RESET) {
        painter.ReleaseTextures();  // textures are lost with the device
        if (upright) SDL_DestroyTexture(upright);
        upright = nullptr;
      }
      if (event.type == SDL_RENDER_TARGETS_RESET || event.type == SDL_RENDER_DEVICE_RESET)
        must_draw = true;
    } while (SDL_PollEvent(&event));
  }
  sync.Stop();
  if (exit_after_seconds > 0) {
    nlohmann::json out = {
        {"frames", frames},
        {"syncs", sync.syncs()},
        {"seconds", (real->MonotonicMicros() - started) / 1e6},
        // From exec to the first frame on screen, drawn from the cache.
        {"first_frame_ms", first_frame_micros / 1000.0},
        // Layout, draw and present of a frame, on average and at worst.
        {"draw_ms", frames ? draw_micros / 1000.0 / frames : 0.0},
        {"slowest_draw_ms", slowest_draw_micros / 1000.0},
        {"peak_rss_kb", PeakRssKilobytes()},
    };
    std::printf("%s\n", out.dump().c_str());
  }
  painter.ReleaseTextures();
  if (upright) SDL_DestroyTexture(upright);
  SDL_DestroyRenderer(renderer);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}

Status TakeScreenshot(const Config& config, const CachedSchedule& cached,
                      const ScreenMoment& moment, int width, int height, const std::string& path) {
  auto fonts = FontChain::Load();
  if (!fonts.ok()) return fonts.status();
  FontMeasurer measurer(fonts->get());
  // width x height is the physical panel; a turned panel shows an upright picture.
  const int rotation = config.display.rotation;
  if (rotation == 90 || rotation == 270) std::swap(width, height);
  DisplayList list = LayoutScreen(MakeScreenInput(config, cached, moment, width, height), measurer);
  return RenderToPng(list, **fonts, path, rotation);
}

}  // namespace foyer
