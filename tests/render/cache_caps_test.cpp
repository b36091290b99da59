// Every cache the renderer keeps is bounded by a byte cap of its own (issue 13):
// a week of feeds with thousands of distinct titles, logos and links cannot
// grow one past its cap. Real fonts, SDL's software renderer.
#include <doctest/doctest.h>
#include <malloc.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "render/canvas.h"
#include "render/png.h"
#include "render/renderer.h"
#include "support/files.h"

namespace foyer {
namespace {

using testing::Canvas;
using testing::SharedFonts;

DisplayList Screen(int width, int height, std::vector<DrawItem> items) {
  DisplayList list;
  list.width = width;
  list.height = height;
  list.background = Color{0, 0, 64, 255};
  list.items = std::move(items);
  return list;
}

DrawText Text(std::string text, int y, int size = 20) {
  DrawText item;
  item.x = 4;
  item.y = y;
  item.text = std::move(text);
  item.style = TextStyle{size, FontWeight::kRegular};
  item.color = Color{255, 255, 255, 255};
  return item;
}

// The n-th of many distinct titles, as a week of feed versions brings them.
std::string Title(int n) { return "Session " + std::to_string(n) + ": caching for the long run"; }

// Text of `count` distinct Hangul syllables from `first`, so that every title
// brings glyphs SDL_ttf has not cached.
std::string Hangul(int first, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) AppendUtf8(text, 0xAC00 + (first + i) % 11172);
  return text;
}

const CacheSize& Named(const std::vector<CacheSize>& caches, const std::string& name) {
  for (const CacheSize& cache : caches)
    if (cache.name == name) return cache;
  FAIL("no cache named " << name);
  return caches.front();
}

// Bytes the heap holds now (small blocks and mmapped ones).
std::size_t HeapBytes() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

TEST_CASE("thousands of distinct titles do not grow the text textures past their cap") {
  Canvas canvas(640, 120);
  PainterOptions options;
  options.keep_unused_frames = 1 << 30;  // only the byte cap evicts
  Painter painter(canvas.renderer(), &SharedFonts(), options);
  std::size_t most = 0;
  for (int n = 0; n < 2000; ++n) {
    painter.Draw(Screen(640, 120, {Text(Title(n), 10), Text(Title(n + 100000), 60)}));
    most = std::max(most, Named(painter.Caches(), "text_textures").bytes);
  }
  const CacheSize textures = Named(painter.Caches(), "text_textures");
  CHECK(textures.cap_bytes == PainterOptions::kTextureCapBytes);
  CHECK(most <= textures.cap_bytes);
  CHECK(most > textures.cap_bytes / 2);  // it did fill: the cap, not the titles, bounds it
  CHECK(painter.stats().evictions > 1000);
  CHECK(textures.entries == painter.stats().textures_live);
}

TEST_CASE("glyphs of thousands of distinct Hangul titles do not grow the heap") {
  // SDL_ttf caches glyphs in a fixed table per font; the texts' textures go
  // after a frame. After warming up, the heap stays where it was.
  Canvas canvas(640, 60);
  PainterOptions options;
  options.keep_unused_frames = 1;
  Painter painter(canvas.renderer(), &SharedFonts(), options);
  auto draw = [&](int n) { painter.Draw(Screen(640, 60, {Text(Hangul(n * 7, 12), 10, 24)})); };
  for (int n = 0; n < 300; ++n) draw(n);
  const std::size_t warm = HeapBytes();
  for (int n = 300; n < 1900; ++n) draw(n);  // 11,200 syllables: every one of them
  const std::size_t after = HeapBytes();
  CHECK(after < warm + (1u << 20));
  CHECK(painter.stats().cache_misses == 1900);
}

TEST_CASE("thousands of distinct logos do not grow the image cache past its cap") {
  testing::TempDir dir;
  Canvas canvas(200, 100);
  PainterOptions options;
  options.max_image_bytes = 256u << 10;
  Painter painter(canvas.renderer(), &SharedFonts(), options);
  SDL_Surface* picture = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
  REQUIRE(picture);
  SDL_FillRect(picture, nullptr, SDL_MapRGBA(picture->format, 0, 80, 160, 255));
  REQUIRE(WritePng(picture, dir.File("logo.png")).ok());
  SDL_FreeSurface(picture);
  std::size_t most = 0;
  for (int n = 0; n < 2000; ++n) {  // a path of its own each: a picture of its own
    const std::string path = dir.File("logo" + std::to_string(n) + ".png");
    std::filesystem::create_symlink(dir.File("logo.png"), path);
    painter.Draw(Screen(200, 100, {DrawImage{{10, 10, 64, 64}, path}}));
    CHECK(canvas.At(40, 40) == Color{0, 80, 160, 255});
    most = std::max(most, Named(painter.Caches(), "images").bytes);
  }
  CHECK(most <= options.max_image_bytes);
  CHECK(most > options.max_image_bytes / 2);
  CHECK(Named(painter.Caches(), "images").entries < 20);  // 16 KiB each
}

TEST_CASE("a logo larger than the image cap is refused before it is decoded") {
  testing::TempDir dir;
  Canvas canvas(200, 100);
  PainterOptions options;
  options.max_image_bytes = 16u << 10;
  Painter painter(canvas.renderer(), &SharedFonts(), options);
  SDL_Surface* picture = SDL_CreateRGBSurfaceWithFormat(0, 128, 128, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_FillRect(picture, nullptr, SDL_MapRGBA(picture->format, 255, 255, 255, 255));
  REQUIRE(WritePng(picture, dir.File("big.png")).ok());
  SDL_FreeSurface(picture);
  CHECK_FALSE(ReadPng(dir.File("big.png"), 128 * 128 * 4 - 1).ok());
  painter.Draw(Screen(200, 100, {DrawImage{{10, 10, 64, 64}, dir.File("big.png")}}));
  CHECK(canvas.At(40, 40) == Color{0, 0, 64, 255});  // nothing drawn
  CHECK(Named(painter.Caches(), "images").bytes <= options.max_image_bytes);
}

TEST_CASE("thousands of distinct links keep one QR code within its cap") {
  Canvas canvas(300, 300);
  Painter painter(canvas.renderer(), &SharedFonts());
  for (int n = 0; n < 2000; ++n) {
    painter.Draw(
        Screen(300, 300,
               {DrawQr{{0, 0, 300, 300}, "https://example.org/talk/" + std::to_string(n) + "/"}}));
    const CacheSize qr = Named(painter.Caches(), "qr_codes");
    CHECK(qr.entries == 1);
    CHECK(qr.bytes <= Painter::kQrCapBytes);
  }
  // Longer than any QR code holds: not encoded, not kept.
  painter.Draw(Screen(300, 300, {DrawQr{{0, 0, 300, 300}, std::string(100000, 'x')}}));
  CHECK(Named(painter.Caches(), "qr_codes").bytes <= Painter::kQrCapBytes);
}

TEST_CASE("thousands of distinct titles do not grow the measured widths past their cap") {
  FontMeasurer measurer(&SharedFonts());
  const TextStyle style{20, FontWeight::kRegular};
  std::size_t most = 0;
  for (int n = 0; n < 20000; ++n) {
    measurer.Width(Title(n), style);
    most = std::max(most, measurer.Cache().bytes);
  }
  CHECK(most <= FontMeasurer::kWidthsCapBytes);
  CHECK(most > FontMeasurer::kWidthsCapBytes / 2);
  // Forgetting changes no answer.
  FontMeasurer fresh(&SharedFonts());
  CHECK(measurer.Width(Title(3), style) == fresh.Width(Title(3), style));
  // A text too long to be worth remembering is measured, not kept.
  const std::size_t before = measurer.Cache().bytes;
  CHECK(measurer.Width(std::string(FontMeasurer::kMaxRememberedTextBytes + 1, 'a'), style) > 0);
  CHECK(measurer.Cache().bytes == before);
}

TEST_CASE("every pixel size in both weights does not grow the line metrics past their cap") {
  FontChain& fonts = SharedFonts();
  std::size_t most = 0;
  const TextStyle first{20, FontWeight::kRegular};
  const LineMetrics before = fonts.Metrics(first);
  for (int size = 1; size <= 2048; size += 3)
    for (FontWeight weight : {FontWeight::kRegular, FontWeight::kBold}) {
      fonts.Metrics(TextStyle{size, weight});
      most = std::max(most, Named(fonts.Caches(), "line_metrics").bytes);
    }
  CHECK(most <= FontChain::kLineMetricsCapBytes);
  const LineMetrics after = fonts.Metrics(first);
  CHECK(after.ascent == before.ascent);
  CHECK(after.line_height == before.line_height);
}

TEST_CASE("thousands of code points no font has do not grow the missing set past its cap") {
  auto loaded = FontChain::Load();
  REQUIRE(loaded.ok());
  FontChain& fonts = **loaded;
  std::size_t most = 0;
  // Unassigned: plane 4 onwards holds nothing (Unicode 15).
  const int misses = FontChain::kMissingCodePointsCapBytes / 32 + 200;
  for (int n = 0; n < misses; ++n) {
    CHECK_FALSE(fonts.Covers(0x40000 + n));
    most = std::max(most, Named(fonts.Caches(), "missing_code_points").bytes);
  }
  CHECK(most <= FontChain::kMissingCodePointsCapBytes);
  CHECK(Named(fonts.Caches(), "missing_code_points").entries < 4096);  // cleared once
}

}  // namespace
}  // namespace foyer
