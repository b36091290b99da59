// Shared by the render tests: the real font chain (loaded once per process)
// and an offscreen canvas drawn by SDL's software renderer, which needs no
// display server and no SDL_Init.
#pragma once

#include <SDL.h>

#include <functional>
#include <stdexcept>
#include <string>

#include "layout/display_list.h"
#include "render/fonts.h"

namespace foyer::testing {

inline FontChain& SharedFonts() {
  static Result<std::unique_ptr<FontChain>> chain = FontChain::Load();
  if (!chain.ok()) throw std::runtime_error(chain.status().message());
  return **chain;
}

// A width x height ARGB8888 surface with a software renderer on it.
class Canvas {
 public:
  Canvas(int width, int height) {
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface_) throw std::runtime_error(SDL_GetError());
    renderer_ = SDL_CreateSoftwareRenderer(surface_);
    if (!renderer_) throw std::runtime_error(SDL_GetError());
  }
  ~Canvas() {
    SDL_DestroyRenderer(renderer_);
    SDL_FreeSurface(surface_);
  }
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  SDL_Renderer* renderer() { return renderer_; }
  int width() const { return surface_->w; }
  int height() const { return surface_->h; }

  Color At(int x, int y) {
    SDL_RenderFlush(renderer_);
    const auto* row = static_cast<const Uint8*>(surface_->pixels) + y * surface_->pitch;
    Uint32 pixel = reinterpret_cast<const Uint32*>(row)[x];
    Color color;
    SDL_GetRGBA(pixel, surface_->format, &color.r, &color.g, &color.b, &color.a);
    return color;
  }
  // Paints one pixel behind the renderer's back (to see whether a draw happened).
  void Poke(int x, int y, Color color) {
    SDL_RenderFlush(renderer_);
    SDL_Rect pixel{x, y, 1, 1};
    SDL_FillRect(surface_, &pixel,
                 SDL_MapRGBA(surface_->format, color.r, color.g, color.b, color.a));
  }
  // How many pixels in [x0, x1) x [y0, y1) (clipped to the canvas) satisfy test.
  int Count(int x0, int y0, int x1, int y1, const std::function<bool(Color)>& test) {
    int count = 0;
    for (int y = std::max(0, y0); y < std::min(height(), y1); ++y)
      for (int x = std::max(0, x0); x < std::min(width(), x1); ++x) count += test(At(x, y));
    return count;
  }

 private:
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
};

}  // namespace foyer::testing
