#include "app/screenshot.h"

#include <utility>

#include "layout/layout.h"
#include "render/fonts.h"
#include "render/png.h"

namespace foyer {

Status TakeScreenshot(const ScreenPlan& plan, const ScreenMoment& moment, int width, int height,
                      int rotation, const std::string& path) {
  auto fonts = FontChain::Load();
  if (!fonts.ok()) return fonts.status();
  FontMeasurer measurer(fonts->get());
  if (rotation == 90 || rotation == 270) std::swap(width, height);
  DisplayList list = LayoutScreen(MakeScreenInput(plan, moment, width, height), measurer);
  return RenderToPng(list, **fonts, path, rotation);
}

}  // namespace foyer
