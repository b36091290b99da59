// Owners of SDL's objects: the video subsystem, a window, a renderer and a
// texture each destroyed exactly once, in reverse order of creation, however
// the code that made them returns. Thread-compatible: the UI thread only.
#pragma once

#include <SDL.h>

#include <memory>

namespace foyer {

struct SdlWindowDeleter {
  void operator()(SDL_Window* window) const { SDL_DestroyWindow(window); }
};
struct SdlRendererDeleter {
  void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};
struct SdlTextureDeleter {
  void operator()(SDL_Texture* texture) const { SDL_DestroyTexture(texture); }
};

using SdlWindow = std::unique_ptr<SDL_Window, SdlWindowDeleter>;
using SdlRenderer = std::unique_ptr<SDL_Renderer, SdlRendererDeleter>;
using SdlTexture = std::unique_ptr<SDL_Texture, SdlTextureDeleter>;

// SDL's video subsystem, initialized for this object's lifetime.
class SdlVideo {
 public:
  SdlVideo() : ok_(SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) {}
  ~SdlVideo() {
    if (ok_) SDL_QuitSubSystem(SDL_INIT_VIDEO);
    SDL_Quit();
  }
  SdlVideo(const SdlVideo&) = delete;
  SdlVideo& operator=(const SdlVideo&) = delete;
  // False when SDL has no video driver that works here (SDL_GetError says why).
  bool ok() const { return ok_; }

 private:
  bool ok_;
};

}  // namespace foyer
