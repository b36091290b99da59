#include "render/png.h"

#include <png.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

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

}  // namespace

Status WritePng(SDL_Surface* surface, const std::string& path) {
  if (!surface || surface->w <= 0 || surface->h <= 0)
    return Status::Error(path + ": cannot write an empty image");
  const bool alpha = SDL_ISPIXELFORMAT_ALPHA(surface->format->format);
  SurfacePtr pixels(
      SDL_ConvertSurfaceFormat(surface, alpha ? SDL_PIXELFORMAT_RGBA32 : SDL_PIXELFORMAT_RGB24, 0));
  if (!pixels) return Status::Error(path + ": cannot convert the image: " + SDL_GetError());

  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(pixels->w);
  image.height = static_cast<png_uint_32>(pixels->h);
  image.format = alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;

  const std::string temporary = path + ".tmp";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (!file) return Status::Error(path + ": cannot write " + temporary + ": " + ErrnoText());
  SDL_LockSurface(pixels.get());
  // row_stride counts components; with 8-bit components that is the pitch in bytes.
  int written = png_image_write_to_stdio(&image, file, 0, pixels->pixels, pixels->pitch, nullptr);
  SDL_UnlockSurface(pixels.get());
  std::string error;
  if (!written) error = std::string("libpng: ") + image.message;
  if (error.empty() && (std::fflush(file) != 0 || fsync(fileno(file)) != 0)) error = ErrnoText();
  if (std::fclose(file) != 0 && error.empty()) error = ErrnoText();
  png_image_free(&image);
  if (error.empty() && std::rename(temporary.c_str(), path.c_str()) != 0) error = ErrnoText();
  if (!error.empty()) {
    std::remove(temporary.c_str());
    return Status::Error(path + ": cannot write PNG: " + error);
  }
  return Status::Ok();
}

Result<Image> ReadPng(const std::string& path) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.c_str()))
    return Status::Error(path + ": cannot read PNG: " + image.message);
  image.format = PNG_FORMAT_RGBA;
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
  SurfacePtr surface(
      SDL_CreateRGBSurfaceWithFormat(0, list.width, list.height, 32, SDL_PIXELFORMAT_ARGB8888));
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
  if (rotation == 0) return WritePng(surface.get(), path);
  SurfacePtr turned = RotateSurface(surface.get(), rotation);
  if (!turned) return Status::Error(path + ": cannot rotate the image: " + SDL_GetError());
  return WritePng(turned.get(), path);
}

}  // namespace foyer
