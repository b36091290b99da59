// The panel: a fullscreen window (or a window on a desktop) with its renderer,
// and the frame's last step: draw a DisplayList if it changed, turned for a
// panel mounted on its side, and present it. Owns every SDL object it makes
// (render/sdl_handles.h), so they are released on every way out.
// Thread-compatible: the UI thread only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "layout/display_list.h"
#include "render/fonts.h"
#include "render/picture.h"
#include "render/renderer.h"
#include "render/sdl_handles.h"

namespace foyer {

struct DisplayOptions {
  int width = 1920, height = 1080;  // the window's size when not fullscreen
  bool fullscreen = true;
  int rotation = 0;  // 0, 90, 180 or 270: the picture is turned clockwise
};

class Display {
 public:
  // Opens the window and its renderer (accelerated, else software). The error
  // says why there is no display to show the screen on.
  static Result<std::unique_ptr<Display>> Open(const DisplayOptions& options);
  ~Display();
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;

  // REQUIRES: fonts outlive this. Call once before Show.
  void UseFonts(FontChain* fonts);

  // The size of the upright picture to lay out: the panel's, turned with it.
  void PictureSize(int& width, int& height) const;

  // Draws list unless it equals the last one drawn (or `force`), turns it for
  // the panel and presents it. True when it drew.
  bool Show(const DisplayList& list, bool force);

  // The renderer lost its device (SDL_RENDER_DEVICE_RESET): textures are gone.
  void DeviceLost();

  // The painter's counters and caches (render/renderer.h); empty before UseFonts.
  PainterStats painter_stats() const { return painter_ ? painter_->stats() : PainterStats{}; }
  std::vector<CacheSize> Caches() const {
    return painter_ ? painter_->Caches() : std::vector<CacheSize>{};
  }

  // The next Show draws even an unchanged list and keeps a copy of the panel's
  // picture as it presents it: its size, rotation included (TakeCapture).
  void CaptureNext() { capture_next_ = true; }
  // That copy, once; nullopt when none was made since the last call.
  std::optional<Picture> TakeCapture();

 private:
  explicit Display(const DisplayOptions& options) : options_(options) {}
  // The texture the upright picture of a turned panel is drawn into, made
  // anew when the panel's size changed. True when it was made anew.
  bool PrepareUpright(int width, int height);
  void PresentTurned(int panel_width, int panel_height);
  // Reads the panel's picture about to be presented into captured_.
  void Capture(int panel_width, int panel_height);

  DisplayOptions options_;
  // Declared in creation order: destroyed in reverse.
  SdlVideo video_;
  SdlWindow window_;
  SdlRenderer renderer_;
  SdlTexture upright_;  // only for a turned panel
  int upright_width_ = 0, upright_height_ = 0;
  std::unique_ptr<Painter> painter_;
  bool capture_next_ = false;
  std::optional<Picture> captured_;
};

}  // namespace foyer
