// PNG files and offscreen screenshots, with no display server.
#include "render/png.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "render/canvas.h"
#include "support/files.h"

namespace foyer {
namespace {

using testing::SharedFonts;
using testing::TempDir;

const Color kNight{12, 18, 32, 255};
const Color kAccent{230, 120, 20, 255};
const Color kWhite{255, 255, 255, 255};

DrawText Title(std::string text, int y, int size, FontWeight weight = FontWeight::kBold) {
  DrawText item;
  item.x = 24;
  item.y = y;
  item.text = std::move(text);
  item.style = TextStyle{size, weight};
  item.color = kWhite;
  return item;
}

// A room screen's worth of titles in the four languages of the demo event.
DisplayList FourLanguages() {
  DisplayList list;
  list.width = 800;
  list.height = 480;
  list.background = kNight;
  list.items = {
      FillRect{{0, 0, 800, 64}, kAccent},
      Title("Hall A · 10:40–12:00", 10, 32),
      Title("Қазақстан және Орталық Азия: ӘҒҚҢӨҰҮҺІ әғқңөұүһі", 90, 28),
      Title("한국–중앙아시아 협력 포럼 · 会议", 150, 32),
      Title("Международная безопасность и ядерное разоружение", 210, 26),
      Title("From Polarization to Partnership — trust → action…", 270, 28),
      Title("Next: AI, trade & transport • water security", 340, 22, FontWeight::kRegular),
      Title("HＨ Hx 한x Қx", 390, 40, FontWeight::kRegular),
  };
  return list;
}

TEST_CASE("RenderToPng draws a list into a PNG of its size without a display server") {
  TempDir dir;
  std::string path = dir.File("screen.png");
  DisplayList list;
  list.width = 800;
  list.height = 480;
  list.background = kNight;
  list.items = {FillRect{{100, 100, 200, 50}, kAccent}};
  Status written = RenderToPng(list, SharedFonts(), path);
  REQUIRE_MESSAGE(written.ok(), written.ToString());
  CHECK(SDL_WasInit(SDL_INIT_VIDEO) == 0);
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));

  auto image = ReadPng(path);
  REQUIRE_MESSAGE(image.ok(), image.status().ToString());
  CHECK(image->width == 800);
  CHECK(image->height == 480);
  CHECK(image->At(0, 0) == PackRgba(kNight));
  CHECK(image->At(799, 479) == PackRgba(kNight));
  CHECK(image->At(100, 100) == PackRgba(kAccent));
  CHECK(image->At(299, 149) == PackRgba(kAccent));
  CHECK(image->At(300, 150) == PackRgba(kNight));
}

TEST_CASE("a screenshot of titles in four scripts has text in every line") {
  TempDir dir;
  std::string path = dir.File("titles.png");
  DisplayList list = FourLanguages();
  REQUIRE(RenderToPng(list, SharedFonts(), path).ok());
  auto image = ReadPng(path);
  REQUIRE(image.ok());
  FontMeasurer measurer(&SharedFonts());
  for (const DrawItem& item : list.items) {
    const DrawText* text = std::get_if<DrawText>(&item);
    if (!text) continue;
    INFO(text->text);
    int width = measurer.Width(text->text, text->style);
    int white = 0;
    for (int y = text->y; y < text->y + measurer.LineHeight(text->style); ++y)
      for (int x = text->x; x < text->x + width; ++x) white += image->At(x, y) == PackRgba(kWhite);
    CHECK(white > width);  // at least a pixel column's worth of solid glyph stems
  }
}

TEST_CASE("WritePng and ReadPng round-trip every pixel, alpha included") {
  TempDir dir;
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 7, 5, 32, SDL_PIXELFORMAT_ARGB8888);
  REQUIRE(surface != nullptr);
  auto* pixels = static_cast<Uint32*>(surface->pixels);
  for (int y = 0; y < 5; ++y)
    for (int x = 0; x < 7; ++x)
      pixels[y * surface->pitch / 4 + x] =
          SDL_MapRGBA(surface->format, x * 36, y * 60, 200, x == y ? 0 : 255 - x * 10);
  REQUIRE(WritePng(surface, dir.File("pixels.png")).ok());
  auto image = ReadPng(dir.File("pixels.png"));
  REQUIRE(image.ok());
  REQUIRE(image->width == 7);
  REQUIRE(image->height == 5);
  for (int y = 0; y < 5; ++y)
    for (int x = 0; x < 7; ++x)
      CHECK(image->At(x, y) == PackRgba(x * 36, y * 60, 200, x == y ? 0 : 255 - x * 10));
  SDL_FreeSurface(surface);

  SDL_Surface* opaque = SDL_CreateRGBSurfaceWithFormat(0, 3, 2, 24, SDL_PIXELFORMAT_RGB24);
  REQUIRE(opaque != nullptr);
  SDL_FillRect(opaque, nullptr, SDL_MapRGB(opaque->format, 9, 8, 7));
  REQUIRE(WritePng(opaque, dir.File("opaque.png")).ok());
  SDL_FreeSurface(opaque);
  auto rgb = ReadPng(dir.File("opaque.png"));
  REQUIRE(rgb.ok());
  CHECK(rgb->At(2, 1) == PackRgba(9, 8, 7, 255));
}

TEST_CASE("an opaque PNG keeps every colour of an ARGB or XRGB surface and drops only alpha") {
  TempDir dir;
  for (Uint32 format : {SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_RGB888}) {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 6, 4, 32, format);
    REQUIRE(surface != nullptr);
    auto* pixels = static_cast<Uint32*>(surface->pixels);
    for (int y = 0; y < 4; ++y)
      for (int x = 0; x < 6; ++x)
        pixels[y * surface->pitch / 4 + x] = SDL_MapRGBA(surface->format, x * 40, y * 70, 3, 17);
    const PngChannels channels =
        format == SDL_PIXELFORMAT_RGB888 ? PngChannels::kAsSurface : PngChannels::kOpaque;
    REQUIRE(WritePng(surface, dir.File("screen.png"), channels).ok());
    SDL_FreeSurface(surface);
    auto image = ReadPng(dir.File("screen.png"));
    REQUIRE(image.ok());
    for (int y = 0; y < 4; ++y)
      for (int x = 0; x < 6; ++x) CHECK(image->At(x, y) == PackRgba(x * 40, y * 70, 3, 255));
  }
}

TEST_CASE("PNG errors name the file") {
  TempDir dir;
  std::string nowhere = dir.File("no/such/folder/screen.png");
  DisplayList list;
  list.width = 10;
  list.height = 10;
  Status written = RenderToPng(list, SharedFonts(), nowhere);
  REQUIRE_FALSE(written.ok());
  CHECK(written.message().find(nowhere) != std::string::npos);

  std::string text = dir.File("not.png");
  testing::WriteFile(text, "this is not a PNG");
  auto read = ReadPng(text);
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().message().find(text) != std::string::npos);

  list.width = 0;
  CHECK_FALSE(RenderToPng(list, SharedFonts(), dir.File("empty.png")).ok());
}

TEST_CASE("a new screenshot replaces the old file whole") {
  TempDir dir;
  std::string path = dir.File("screen.png");
  DisplayList list;
  list.width = 40;
  list.height = 30;
  list.background = kAccent;
  REQUIRE(RenderToPng(list, SharedFonts(), path).ok());
  list.background = kNight;
  REQUIRE(RenderToPng(list, SharedFonts(), path).ok());
  auto image = ReadPng(path);
  REQUIRE(image.ok());
  CHECK(image->At(5, 5) == PackRgba(kNight));
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  CHECK(files == 1);
}

}  // namespace
}  // namespace foyer
