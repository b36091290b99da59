// Painter: draws a DisplayList onto an SDL_Renderer, rasterizing each text
// once and reusing it across frames (rxi/lite's habit).
//
// Algorithm: a DrawText is cut to what a line as long as the panel can show
// (layout/shown_text.h; layout's lines are shorter already) and split into runs
// by the FontChain, in visual order; each run is rendered with
// TTF_RenderUTF8_Blended in white, the runs are composed left to right on a
// common baseline (the line's top + the first font's ascent) into one surface
// as tall as the line (ink beyond it, such as stacked marks, is cut off), and
// that becomes one texture, cached by (text, pixel size, weight, colour).
// The colour is put into the texture's pixels as SDL's colour and alpha
// modulation would compute it, so it is drawn without modulation: SDL's
// software renderer blends a modulated texture through its slow generic
// blitter, a plain one through a fast one (whose rounding differs by at most
// 2 in a channel at the edges of letters). After each frame, textures not drawn in the
// last keep_unused_frames frames are destroyed, and the least recently drawn
// ones beyond max_texture_bytes too, so memory stays bounded over days.
// Pictures (the logo) are cached the same way up to max_image_bytes, and the
// last QR code's modules are kept (one code, at most kQrCapBytes).
//
// Items are drawn 1:1 in the renderer's output pixels. Thread-compatible: the
// thread that owns the SDL_Renderer only.
#pragma once

#include <SDL.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/display_list.h"
#include "render/cache_size.h"
#include "render/fonts.h"

namespace foyer {

struct PainterOptions {
  // A 1080p panel is 8 MiB of pixels and its texts cover well under half of
  // it, so 32 MiB keeps the texts of the last few frames (a hallway's pages,
  // the clock's minutes) even on a 4K panel, and bounds a week of new titles.
  static constexpr std::size_t kTextureCapBytes = 32u << 20;
  // The event's logo is drawn at most a panel's height square, scaled: a
  // 2048x2048 picture (16 MiB) is more than any panel needs; a larger one is
  // refused (logged once) rather than decoded.
  static constexpr std::size_t kImageCapBytes = 16u << 20;

  // A cached text not drawn in this many consecutive frames is destroyed (>= 1).
  int keep_unused_frames = 4;
  // Cached texture pixels beyond this (bytes, 4 per pixel) are destroyed, least
  // recently drawn first; what the current frame draws is always kept.
  std::size_t max_texture_bytes = kTextureCapBytes;
  // Cached pictures (4 bytes a pixel, with their paths) beyond this are
  // destroyed, least recently drawn first, but for what the current frame
  // draws; one picture larger than this is not shown.
  std::size_t max_image_bytes = kImageCapBytes;
};

// Counters for tests and the kiosk's log.
struct PainterStats {
  std::uint64_t frames = 0;        // Draw calls (DrawIfChanged that drew included)
  std::uint64_t cache_hits = 0;    // DrawText items drawn from a cached texture
  std::uint64_t cache_misses = 0;  // DrawText items rasterized
  std::uint64_t evictions = 0;     // cached textures destroyed to bound memory
  std::size_t textures_live = 0;
  std::size_t texture_bytes = 0;
};

class Painter {
 public:
  // Text is bounded by a panel this large when the renderer cannot say its size.
  static constexpr int kMaxPanelSide = 8192;
  // A QR code holds at most 2331 bytes (version 40, level M, 8-bit), its
  // modules 177 x 177; longer data is never encoded nor kept.
  static constexpr std::size_t kMaxQrDataBytes = 2331;
  static constexpr std::size_t kQrCapBytes = kMaxQrDataBytes + 177 * 177;

  // REQUIRES: renderer and fonts outlive this (or ReleaseTextures() is called
  // before the renderer is destroyed).
  Painter(SDL_Renderer* renderer, FontChain* fonts, PainterOptions options = {});
  ~Painter();
  Painter(const Painter&) = delete;
  Painter& operator=(const Painter&) = delete;

  // Clears to the list's background and draws its items in order. Does not
  // present. Texts that cannot be rasterized are logged once and skipped.
  void Draw(const DisplayList& list);
  // Draws (as Draw) and returns true unless list equals the last list drawn, in
  // which case it draws nothing and returns false.
  bool DrawIfChanged(const DisplayList& list);
  // Destroys every cached texture and forgets the last list, so the next
  // DrawIfChanged draws. Call before destroying the renderer, or after
  // SDL_RENDER_DEVICE_RESET (textures are lost with the device).
  void ReleaseTextures();

  const PainterStats& stats() const { return stats_; }
  // "text_textures" (pixels against max_texture_bytes), "images" (pictures and
  // their paths against max_image_bytes) and "qr_codes" (against kQrCapBytes).
  std::vector<CacheSize> Caches() const;

 private:
  struct CachedText {
    SDL_Texture* texture = nullptr;  // null: the text could not be rasterized
    int top = 0;                     // texture's top relative to the item's y
    int width = 0, height = 0;
    std::uint64_t last_frame = 0;
  };
  struct CachedImage {
    SDL_Texture* texture = nullptr;  // null: unreadable or too large (not tried again)
    std::size_t bytes = 0;           // pixels and path, as max_image_bytes counts them
    std::uint64_t last_frame = 0;
  };

  void DrawText(const foyer::DrawText& text);
  void DrawQr(const foyer::DrawQr& qr);
  void DrawImage(const foyer::DrawImage& image);
  // The start of text that a line across the whole panel can show.
  std::string Visible(const std::string& text, const TextStyle& style);
  CachedText Rasterize(const std::string& text, const TextStyle& style, const Color& color);
  SDL_Texture* LoadImage(const std::string& path);
  void Evict();
  void EvictImages();
  void Destroy(CachedText& entry);

  SDL_Renderer* renderer_;
  FontChain* fonts_;
  PainterOptions options_;
  PainterStats stats_;
  std::uint64_t frame_ = 0;
  std::unordered_map<std::string, CachedText> cache_;  // key: size, weight, colour, text
  DisplayList last_;
  std::unordered_map<std::string, CachedImage> images_;  // by path
  std::size_t image_bytes_ = 0;
  // The last QR code encoded: its data and modules (row-major, 1 = dark).
  std::string qr_data_;
  int qr_size_ = 0;
  std::vector<std::uint8_t> qr_modules_;
  bool has_last_ = false;
};

}  // namespace foyer
