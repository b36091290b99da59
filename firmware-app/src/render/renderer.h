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
#include "render/fonts.h"

namespace foyer {

struct PainterOptions {
  // A cached text not drawn in this many consecutive frames is destroyed (>= 1).
  int keep_unused_frames = 4;
  // Cached texture pixels beyond this (bytes, 4 per pixel) are destroyed, least
  // recently drawn first; what the current frame draws is always kept.
  std::size_t max_texture_bytes = 32u << 20;
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

 private:
  struct CachedText {
    SDL_Texture* texture = nullptr;  // null: the text could not be rasterized
    int top = 0;                     // texture's top relative to the item's y
    int width = 0, height = 0;
    std::uint64_t last_frame = 0;
  };

  void DrawText(const foyer::DrawText& text);
  void DrawQr(const foyer::DrawQr& qr);
  void DrawImage(const foyer::DrawImage& image);
  // The start of text that a line across the whole panel can show.
  std::string Visible(const std::string& text, const TextStyle& style);
  CachedText Rasterize(const std::string& text, const TextStyle& style, const Color& color);
  void Evict();
  void Destroy(CachedText& entry);

  SDL_Renderer* renderer_;
  FontChain* fonts_;
  PainterOptions options_;
  PainterStats stats_;
  std::uint64_t frame_ = 0;
  std::unordered_map<std::string, CachedText> cache_;  // key: size, weight, colour, text
  DisplayList last_;
  std::unordered_map<std::string, SDL_Texture*> images_;  // by path; null: unreadable
  // The last QR code encoded: its data and modules (row-major, 1 = dark).
  std::string qr_data_;
  int qr_size_ = 0;
  std::vector<std::uint8_t> qr_modules_;
  bool has_last_ = false;
};

}  // namespace foyer
