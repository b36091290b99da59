// PNG files: screenshots of a screen drawn offscreen (no display server, no
// SDL_Init: an SDL software renderer on a memory surface), and reading them
// back for tests and golden images. Pure functions of their arguments;
// thread-compatible (FontChain is not thread-safe).
#pragma once

#include <SDL.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "layout/display_list.h"
#include "render/fonts.h"

namespace foyer {

// A pixel packed as 0xRRGGBBAA.
constexpr std::uint32_t PackRgba(std::uint8_t r, std::uint8_t g, std::uint8_t b,
                                 std::uint8_t a = 255) {
  return (std::uint32_t{r} << 24) | (std::uint32_t{g} << 16) | (std::uint32_t{b} << 8) | a;
}
constexpr std::uint32_t PackRgba(const Color& color) {
  return PackRgba(color.r, color.g, color.b, color.a);
}

// An 8-bit RGBA image in memory.
struct Image {
  int width = 0, height = 0;
  std::vector<std::uint32_t> rgba;  // row by row from the top; each pixel 0xRRGGBBAA
  // REQUIRES: 0 <= x < width, 0 <= y < height.
  std::uint32_t At(int x, int y) const { return rgba[static_cast<size_t>(y) * width + x]; }
};

// Which channels a PNG gets: RGBA when the surface's format has alpha, or RGB
// for a picture known to be opaque (a screen), a quarter less to compress.
enum class PngChannels { kAsSurface, kOpaque };

// Writes surface (any SDL pixel format) as an 8-bit PNG, for speed over size
// (zlib's fastest level). Writes path + ".tmp", syncs it and renames it over
// path, so a reader never sees half a file. Errors name the path.
Status WritePng(SDL_Surface* surface, const std::string& path,
                PngChannels channels = PngChannels::kAsSurface);

// Reads any PNG libpng reads (palette, grey, 16-bit are converted) as RGBA.
// A picture whose RGBA pixels would take more than max_bytes is refused
// before it is decoded (the error says its size).
Result<Image> ReadPng(const std::string& path, std::size_t max_bytes = SIZE_MAX);

// Draws list at its own width x height with a Painter on a software renderer
// and writes it with WritePng. Needs no display server and no SDL_Init.
Status RenderToPng(const DisplayList& list, FontChain& fonts, const std::string& path,
                   int rotation = 0);

}  // namespace foyer
