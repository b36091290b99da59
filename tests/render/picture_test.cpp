#include "render/picture.h"

#include <doctest/doctest.h>

#include <chrono>

#include "render/png.h"
#include "support/files.h"

namespace foyer {
namespace {

TEST_CASE("a captured picture encodes to a PNG that reads back pixel for pixel") {
  Picture picture;
  picture.width = 1920, picture.height = 1080;
  picture.rgb.resize(1920 * 1080 * 3);
  for (size_t i = 0; i < picture.rgb.size(); ++i)
    picture.rgb[i] = static_cast<std::uint8_t>((i / 3) % 1920 < 960 ? 20 : (i * 7) % 251);
  const auto started = std::chrono::steady_clock::now();
  auto png = EncodePngFast(picture);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  REQUIRE(png.ok());
  MESSAGE("1080p encoded in " << ms << " ms, " << png->size() << " bytes");
  testing::TempDir dir;
  testing::WriteFile(dir.File("shot.png"), *png);
  auto image = ReadPng(dir.File("shot.png"));
  REQUIRE(image.ok());
  REQUIRE(image->width == 1920);
  REQUIRE(image->height == 1080);
  for (int y : {0, 539, 1079})
    for (int x : {0, 959, 960, 1919}) {
      const size_t i = (static_cast<size_t>(y) * 1920 + x) * 3;
      CHECK(image->At(x, y) == PackRgba(picture.rgb[i], picture.rgb[i + 1], picture.rgb[i + 2]));
    }
}

TEST_CASE("an empty or mis-sized picture is refused, not encoded") {
  CHECK_FALSE(EncodePngFast(Picture{}).ok());
  Picture wrong;
  wrong.width = 10, wrong.height = 10;
  wrong.rgb.resize(10);
  CHECK_FALSE(EncodePngFast(wrong).ok());
}

}  // namespace
}  // namespace foyer
