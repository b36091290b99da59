#include "render/display.h"

#include <cstdlib>
#include <cstring>
#include <utility>

namespace foyer {

namespace {

// SDL 2.26 falls back to its offscreen driver when no real one works (no
// panel plugged in, no /dev/dri): a panel kiosk would then run, say it is
// ready and draw nowhere. For a panel that is no display, unless asked for
// by name (SDL_VIDEODRIVER=dummy in tests and benchmarks).
bool DrawsNowhere(const char* driver) {
  if (!driver || (std::strcmp(driver, "offscreen") != 0 && std::strcmp(driver, "dummy") != 0))
    return false;
  const char* asked = std::getenv("SDL_VIDEODRIVER");
  return !asked || std::strstr(asked, driver) == nullptr;
}

// X11 lends SDL's software renderer a framebuffer of its own (shared
// memory), so it draws without OpenGL: a 1080p room screen on X11 took
// 35 MiB PSS so, against 107 MiB with SDL's OpenGL renderer on Mesa
// (llvmpipe), and the same pixels as --screenshot (tools/bench renderers).
// A door screen draws once a minute; it needs no GPU. The console (KMSDRM)
// has no such framebuffer, so SDL's software rendering would go through GL
// as well: there the GPU draws. SDL_RENDER_DRIVER and
// SDL_FRAMEBUFFER_ACCELERATION in the environment still decide.
bool PrefersSoftware(const char* driver) {
  return driver && std::strcmp(driver, "x11") == 0 && !std::getenv("SDL_RENDER_DRIVER");
}

// The cheapest renderer for the driver that draws correctly (above), else
// the GPU's, else software.
SDL_Renderer* CreateRenderer(SDL_Window* window) {
  if (PrefersSoftware(SDL_GetCurrentVideoDriver())) {
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");  // the environment's value wins
    if (SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE))
      return renderer;
  }
  if (SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED))
    return renderer;
  return SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
}

}  // namespace

Result<std::unique_ptr<Display>> Display::Open(const DisplayOptions& options) {
  std::unique_ptr<Display> display(new Display(options));
  if (!display->video_.ok())
    return Status::Error(std::string("no display to show the screen on (") + SDL_GetError() + ")");
  if (options.fullscreen && DrawsNowhere(SDL_GetCurrentVideoDriver()))
    return Status::Error(std::string("no display to show the screen on (SDL found only its ") +
                         SDL_GetCurrentVideoDriver() + " driver)");
  Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  display->window_.reset(SDL_CreateWindow("foyer", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          options.width, options.height, flags));
  if (SDL_Window* window = display->window_.get()) display->renderer_.reset(CreateRenderer(window));
  if (!display->renderer_)
    return Status::Error(std::string("cannot open a window: ") + SDL_GetError());
  if (options.fullscreen) SDL_ShowCursor(SDL_DISABLE);
  // The window's first "exposed" events are for the frame about to be drawn anyway.
  SDL_PumpEvents();
  SDL_FlushEvent(SDL_WINDOWEVENT);
  return display;
}

Display::~Display() {
  // Textures belong to the renderer: release them while it still exists.
  painter_.reset();
  upright_.reset();
}

void Display::UseFonts(FontChain* fonts) {
  painter_ = std::make_unique<Painter>(renderer_.get(), fonts);
}

void Display::PictureSize(int& width, int& height) const {
  SDL_GetRendererOutputSize(renderer_.get(), &width, &height);
  if (options_.rotation == 90 || options_.rotation == 270) std::swap(width, height);
}

bool Display::PrepareUpright(int width, int height) {
  if (upright_ && upright_width_ == width && upright_height_ == height) return false;
  upright_.reset(SDL_CreateTexture(renderer_.get(), SDL_PIXELFORMAT_ARGB8888,
                                   SDL_TEXTUREACCESS_TARGET, width, height));
  upright_width_ = width, upright_height_ = height;
  return true;
}

void Display::PresentTurned(int panel_width, int panel_height) {
  SDL_Renderer* renderer = renderer_.get();
  SDL_SetRenderTarget(renderer, nullptr);
  SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
  SDL_RenderClear(renderer);
  SDL_Rect target{(panel_width - upright_width_) / 2, (panel_height - upright_height_) / 2,
                  upright_width_, upright_height_};
  SDL_RenderCopyEx(renderer, upright_.get(), nullptr, &target, options_.rotation, nullptr,
                   SDL_FLIP_NONE);
}

bool Display::Show(const DisplayList& list, bool force) {
  int panel_width = 0, panel_height = 0;
  SDL_GetRendererOutputSize(renderer_.get(), &panel_width, &panel_height);
  const bool turned = options_.rotation != 0;
  if (turned) {
    int width = panel_width, height = panel_height;
    if (options_.rotation == 90 || options_.rotation == 270) std::swap(width, height);
    force |= PrepareUpright(width, height);
    SDL_SetRenderTarget(renderer_.get(), upright_.get());
  }
  force |= capture_next_;
  bool drew = force;
  if (force)
    painter_->Draw(list);
  else
    drew = painter_->DrawIfChanged(list);
  if (turned) {
    if (drew)
      PresentTurned(panel_width, panel_height);
    else
      SDL_SetRenderTarget(renderer_.get(), nullptr);
  }
  if (drew && capture_next_) Capture(panel_width, panel_height);
  if (drew) SDL_RenderPresent(renderer_.get());
  return drew;
}

void Display::Capture(int panel_width, int panel_height) {
  capture_next_ = false;
  Picture picture;
  picture.width = panel_width, picture.height = panel_height;
  picture.rgb.resize(static_cast<size_t>(panel_width) * panel_height * 3);
  if (SDL_RenderReadPixels(renderer_.get(), nullptr, SDL_PIXELFORMAT_RGB24, picture.rgb.data(),
                           panel_width * 3) == 0)
    captured_ = std::move(picture);
}

std::optional<Picture> Display::TakeCapture() { return std::exchange(captured_, std::nullopt); }

void Display::DeviceLost() {
  painter_->ReleaseTextures();  // textures are lost with the device
  upright_.reset();
}

}  // namespace foyer
