#include "render/png.h"

#include <png.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "render/renderer.h"

namespace foyer {
namespace {

struct SurfaceDeleter {
  void operator()(SDL_Surface* surface) const { SDL_FreeSurface(surface); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

struct RendererDeleter {
  void operator()(SDL_Renderer* renderer) const { SDL_DestroyRenderer(renderer); }
};
using RendererPtr = std::unique_ptr<SDL_Renderer, RendererDeleter>;

std::string ErrnoText() { return std::strerror(errno); }

// Writes `pixels` as an 8-bit PNG into `file`; empty, or libpng's complaint.
// `pixels` are BGRA32 (libpng swaps them back), written as RGBA, or as RGB
// when `opaque` (the filler byte dropped); or RGB24 otherwise. Speed over
// size: zlib's fastest level without filtering (its matches find the repeated
// pixels of a flat screen). A 1080p screenshot took 1.4 G instructions with
// libpng's defaults, 80 % of them in zlib; measured with callgrind, this is
// the cheapest of the filters and strategies tried, for a file 25 % larger.
void BgraRowToRgb(const std::uint8_t* bgra, int width, std::uint8_t* rgb) {
  for (int x = 0; x < width; ++x, bgra += 4, rgb += 3) {
    rgb[0] = bgra[2];
    rgb[1] = bgra[1];
    rgb[2] = bgra[0];
  }
}

// An opaque BGRA32 surface's rows are turned into RGB here, into `rgb_row`
// (3 bytes a pixel), rather than by libpng's bgr and filler transforms, which
// took 35 M instructions a 1080p screenshot. Nothing with a destructor lives
// here: libpng longjmps out.
std::string WritePngRows(std::FILE* file, const SDL_Surface* pixels, bool bgra, bool opaque,
                         std::uint8_t* rgb_row) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    return "libpng: out of memory";
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return "libpng failed";
  }
  png_init_io(png, file);
  png_set_IHDR(png, info, static_cast<png_uint_32>(pixels->w), static_cast<png_uint_32>(pixels->h),
               8, bgra && !opaque ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info(png, info);
  const bool strip = bgra && opaque;
  if (bgra && !opaque) png_set_bgr(png);
  for (int y = 0; y < pixels->h; ++y) {
    const auto* row = static_cast<const std::uint8_t*>(pixels->pixels) +
                      static_cast<std::ptrdiff_t>(y) * pixels->pitch;
    if (strip) BgraRowToRgb(row, pixels->w, rgb_row);
    png_write_row(png, strip ? rgb_row : row);
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return "";
}

}  // namespace

Status WritePng(SDL_Surface* surface, const std::string& path, PngChannels channels) {
  if (!surface || surface->w <= 0 || surface->h <= 0)
    return Status::Error(path + ": cannot write an empty image");
  const bool has_alpha = SDL_ISPIXELFORMAT_ALPHA(surface->format->format);
  const bool opaque = channels == PngChannels::kOpaque || !has_alpha;
  const bool bgra = has_alpha || surface->format->format == SDL_PIXELFORMAT_RGB888;
  // A screen's own surface (ARGB8888, which is BGRA32 in memory on a
  // little-endian machine) is written as it is; anything else is converted.
  const Uint32 format = bgra ? SDL_PIXELFORMAT_BGRA32 : SDL_PIXELFORMAT_RGB24;
  SurfacePtr converted;
  SDL_Surface* pixels = surface;
  if (surface->format->format != format) {
    converted.reset(SDL_ConvertSurfaceFormat(surface, format, 0));
    if (!converted) return Status::Error(path + ": cannot convert the image: " + SDL_GetError());
    pixels = converted.get();
  }
  const std::string temporary = path + ".tmp";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (!file) return Status::Error(path + ": cannot write " + temporary + ": " + ErrnoText());
  std::vector<std::uint8_t> rgb_row(static_cast<std::size_t>(pixels->w) * 3);
  SDL_LockSurface(pixels);
  std::string error = WritePngRows(file, pixels, bgra, opaque, rgb_row.data());
  SDL_UnlockSurface(pixels);
  if (error.empty() && (std::fflush(file) != 0 || fsync(fileno(file)) != 0)) error = ErrnoText();
  if (std::fclose(file) != 0 && error.empty()) error = ErrnoText();
  if (error.empty() && std::rename(temporary.c_str(), path.c_str()) != 0) error = ErrnoText();
  if (!error.empty()) {
    std::remove(temporary.c_str());
    return Status::Error(path + ": cannot write PNG: " + error);
  }
  return Status::Ok();
}

Result<Image> ReadPng(const std::string& path, std::size_t max_bytes) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.c_str()))
    return Status::Error(path + ": cannot read PNG: " + image.message);
  image.format = PNG_FORMAT_RGBA;
  if (std::size_t{image.width} * image.height * 4 > max_bytes) {
    png_image_free(&image);
    return Status::Error(path + ": " + std::to_string(image.width) + "x" +
                         std::to_string(image.height) + " is too large to show (at most " +
                         std::to_string(max_bytes >> 20) + " MiB of pixels)");
  }
  std::vector<std::uint8_t> bytes(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, bytes.data(), 0, nullptr)) {
    std::string message = image.message;
    png_image_free(&image);
    return Status::Error(path + ": cannot read PNG: " + message);
  }
  Image out;
  out.width = static_cast<int>(image.width);
  out.height = static_cast<int>(image.height);
  out.rgba.resize(static_cast<size_t>(out.width) * out.height);
  for (size_t i = 0; i < out.rgba.size(); ++i)
    out.rgba[i] = PackRgba(bytes[4 * i], bytes[4 * i + 1], bytes[4 * i + 2], bytes[4 * i + 3]);
  return out;
}

namespace {

// The image turned clockwise by 90, 180 or 270 degrees.
SurfacePtr RotateSurface(SDL_Surface* source, int rotation) {
  const bool quarter = rotation == 90 || rotation == 270;
  const int w = source->w, h = source->h;
  SurfacePtr turned(SDL_CreateRGBSurfaceWithFormat(0, quarter ? h : w, quarter ? w : h, 32,
                                                   SDL_PIXELFORMAT_ARGB8888));
  if (!turned) return turned;
  SDL_LockSurface(source);
  SDL_LockSurface(turned.get());
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(
        static_cast<const std::uint8_t*>(source->pixels) + static_cast<size_t>(y) * source->pitch);
    for (int x = 0; x < w; ++x) {
      // Clockwise: 90 sends (x, y) to (h-1-y, x); 180 to (w-1-x, h-1-y); 270 to (y, w-1-x).
      int tx = rotation == 90 ? h - 1 - y : rotation == 180 ? w - 1 - x : y;
      int ty = rotation == 90 ? x : rotation == 180 ? h - 1 - y : w - 1 - x;
      auto* out = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(turned->pixels) +
                                                   static_cast<size_t>(ty) * turned->pitch);
      out[tx] = row[x];
    }
  }
  SDL_UnlockSurface(turned.get());
  SDL_UnlockSurface(source);
  return turned;
}

}  // namespace

Status RenderToPng(const DisplayList& list, FontChain& fonts, const std::string& path,
                   int rotation) {
  if (list.width <= 0 || list.height <= 0)
    return Status::Error(path + ": cannot draw a " + std::to_string(list.width) + "x" +
                         std::to_string(list.height) + " screen");
  // Zeroed by the system (fresh pages), not by SDL's memset of a new
  // surface: the painter clears every pixel anyway. 8 M instructions at 1080p.
  const int pitch = list.width * 4;
  std::unique_ptr<void, decltype(&std::free)> pixels(
      std::calloc(static_cast<std::size_t>(pitch), static_cast<std::size_t>(list.height)),
      &std::free);
  SurfacePtr surface(pixels
                         ? SDL_CreateRGBSurfaceWithFormatFrom(pixels.get(), list.width, list.height,
                                                              32, pitch, SDL_PIXELFORMAT_ARGB8888)
                         : nullptr);
  if (!surface)
    return Status::Error(path + ": cannot make a " + std::to_string(list.width) + "x" +
                         std::to_string(list.height) + " image: " + SDL_GetError());
  RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
  if (!renderer) return Status::Error(path + ": no software renderer: " + SDL_GetError());
  {
    Painter painter(renderer.get(), &fonts);
    painter.Draw(list);
    SDL_RenderFlush(renderer.get());
  }  // the painter's textures go before the renderer
  rotation = ((rotation % 360) + 360) % 360;
  if (rotation == 0) return WritePng(surface.get(), path, PngChannels::kOpaque);
  SurfacePtr turned = RotateSurface(surface.get(), rotation);
  if (!turned) return Status::Error(path + ": cannot rotate the image: " + SDL_GetError());
  return WritePng(turned.get(), path, PngChannels::kOpaque);
}

}  // namespace foyer
