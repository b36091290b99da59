// Painter on SDL's software renderer with the real fonts: what lands in the
// pixels, and what the text cache keeps.
#include "render/renderer.h"

#include <doctest/doctest.h>

#include "base/utf8.h"
#include "layout/shown_text.h"
#include "render/canvas.h"

namespace foyer {
namespace {

using testing::Canvas;
using testing::SharedFonts;

const Color kNavy{0, 0, 64, 255};
const Color kRed{255, 0, 0, 255};

DisplayList Screen(int width, int height, std::vector<DrawItem> items = {}) {
  DisplayList list;
  list.width = width;
  list.height = height;
  list.background = kNavy;
  list.items = std::move(items);
  return list;
}

DrawText Text(std::string text, int x, int y, int size = 32, Color color = kRed) {
  DrawText item;
  item.x = x;
  item.y = y;
  item.text = std::move(text);
  item.style = TextStyle{size, FontWeight::kRegular};
  item.color = color;
  return item;
}

bool IsBackground(Color color) { return color == kNavy; }
bool IsInk(Color color) { return !IsBackground(color); }
bool IsMostlyRed(Color color) { return color.r >= 160 && color.g < 40 && color.b < 60; }

TEST_CASE("a FillRect fills exactly its rectangle, over the background") {
  Canvas canvas(200, 120);
  Painter painter(canvas.renderer(), &SharedFonts());
  const Color green{10, 200, 30, 255};
  painter.Draw(Screen(200, 120, {FillRect{{50, 20, 60, 40}, green}}));
  CHECK(canvas.At(0, 0) == kNavy);
  CHECK(canvas.At(199, 119) == kNavy);
  CHECK(canvas.At(50, 20) == green);
  CHECK(canvas.At(109, 59) == green);
  CHECK(canvas.At(49, 20) == kNavy);
  CHECK(canvas.At(110, 59) == kNavy);
  CHECK(canvas.At(109, 60) == kNavy);
  CHECK(canvas.Count(0, 0, 200, 120, [&](Color c) { return c == green; }) == 60 * 40);
}

TEST_CASE("a translucent FillRect blends with what is under it") {
  Canvas canvas(100, 100);
  Painter painter(canvas.renderer(), &SharedFonts());
  DisplayList list = Screen(100, 100,
                            {FillRect{{0, 0, 100, 100}, {0, 0, 0, 255}},
                             FillRect{{10, 10, 50, 50}, {255, 255, 255, 128}}});
  painter.Draw(list);
  Color blended = canvas.At(20, 20);
  CHECK(blended.r >= 120);
  CHECK(blended.r <= 136);
  CHECK(blended.r == blended.g);
  CHECK(canvas.At(80, 80) == Color{0, 0, 0, 255});
}

TEST_CASE("DrawText puts text-coloured pixels inside its measured box and none outside") {
  Canvas canvas(800, 300);
  FontMeasurer measurer(&SharedFonts());
  Painter painter(canvas.renderer(), &SharedFonts());
  for (const char* line :
       {"Қазақстан — 한국–중앙아시아 협력", "Astana Think Tank Forum…", "会议 → • ·"}) {
    INFO(line);
    DrawText text = Text(line, 40, 100, 36);
    const int width = measurer.Width(text.text, text.style);
    const int height = measurer.LineHeight(text.style);
    painter.Draw(Screen(800, 300, {text}));
    const int box_area = width * height;
    int red = canvas.Count(40, 100, 40 + width, 100 + height, IsMostlyRed);
    CHECK(red > box_area / 30);
    CHECK(red < box_area / 2);
    // Nothing outside the box, allowing one pixel of antialiasing.
    int inside_grown = canvas.Count(39, 99, 41 + width, 101 + height, IsInk);
    CHECK(canvas.Count(0, 0, 800, 300, IsInk) == inside_grown);
    // The ink spans the measured width: the last glyph ends near its right edge.
    CHECK(canvas.Count(40 + width * 9 / 10, 100, 41 + width, 100 + height, IsMostlyRed) > 0);
    CHECK(canvas.Count(40, 100, 40 + width / 10, 100 + height, IsMostlyRed) > 0);
  }
}

// The lowest row with ink in [x0, x1).
int InkBottom(Canvas& canvas, int x0, int x1) {
  for (int y = canvas.height() - 1; y >= 0; --y)
    if (canvas.Count(x0, y, x1, y + 1, IsInk) > 0) return y;
  return -1;
}

TEST_CASE("runs drawn with different fonts sit on one baseline") {
  // "H" comes from Noto Sans, the full-width "Ｈ" from Noto Sans CJK KR, whose
  // ascent is taller: top-aligning the runs would drop the second H by ~6 px.
  FontChain& fonts = SharedFonts();
  TextStyle style{64, FontWeight::kRegular};
  auto runs = fonts.Runs("HＨ", style);
  REQUIRE(runs.size() == 2);
  REQUIRE(fonts.faces()[runs[1].face].family == "Noto Sans CJK KR");

  Canvas canvas(300, 200);
  Painter painter(canvas.renderer(), &fonts);
  FontMeasurer measurer(&fonts);
  painter.Draw(Screen(300, 200, {Text("HＨ", 20, 40, 64)}));
  const int first_width = measurer.Width("H", style);
  int latin = InkBottom(canvas, 20, 20 + first_width);
  int cjk = InkBottom(canvas, 20 + first_width, 300);
  REQUIRE(latin > 40);
  CHECK(std::abs(latin - cjk) <= 1);
  // And the baseline is where the first font's ascent puts it.
  CHECK(std::abs(latin + 1 - (40 + fonts.Metrics(style).ascent)) <= 1);
}

// Every letter of "Zalgo" with thirty combining marks above and below it.
std::string Zalgo(const std::string& letters) {
  std::string text;
  for (char letter : letters) {
    text += letter;
    for (char32_t mark = 0x0300; mark < 0x0300 + 30; ++mark) AppendUtf8(text, mark);
  }
  return text;
}

TEST_CASE("text with stacked combining marks stays inside its line box, on its baseline") {
  FontChain& fonts = SharedFonts();
  FontMeasurer measurer(&fonts);
  Canvas canvas(700, 300);
  Painter painter(canvas.renderer(), &fonts);
  const int line = measurer.LineHeight(TextStyle{40, FontWeight::kRegular});
  painter.Draw(Screen(700, 300, {Text(Zalgo("Zalgo"), 20, 100, 40)}));
  CHECK(canvas.Count(0, 100, 700, 100 + line, IsInk) > 0);
  CHECK(canvas.Count(0, 0, 700, 100, IsInk) == 0);
  CHECK(canvas.Count(0, 100 + line, 700, 300, IsInk) == 0);

  // Marks stacked above "x" do not lower it: its foot stays on the baseline.
  painter.Draw(Screen(700, 300, {Text("xx", 20, 100, 40)}));
  const int plain = InkBottom(canvas, 0, 700);
  painter.Draw(Screen(700, 300, {Text("x\u0300\u0301\u0302x\u0303\u0304\u0306", 20, 100, 40)}));
  CHECK(std::abs(InkBottom(canvas, 0, 700) - plain) <= 1);
}

TEST_CASE("an Arabic word between English words is drawn with a gap on each side") {
  FontChain& fonts = SharedFonts();
  FontMeasurer measurer(&fonts);
  TextStyle style{40, FontWeight::kRegular};
  Canvas canvas(700, 120);
  Painter painter(canvas.renderer(), &fonts);
  painter.Draw(Screen(700, 120, {Text("and بالعالم and", 20, 20, 40)}));
  const int word = 20 + measurer.Width("and", style), space = 20 + measurer.Width("and ", style);
  const int arabic = 20 + measurer.Width("and بالعالم", style);
  const int second = 20 + measurer.Width("and بالعالم ", style);
  REQUIRE(space - word >= 6);
  CHECK(canvas.Count(word + 2, 0, space - 2, 120, IsInk) == 0);
  CHECK(canvas.Count(space, 0, arabic, 120, IsInk) > 0);
  CHECK(canvas.Count(arabic + 2, 0, second - 2, 120, IsInk) == 0);
  CHECK(canvas.Count(second, 0, 700, 120, IsInk) > 0);
}

TEST_CASE("a megabyte of text is rasterized only as far as the panel shows") {
  Canvas canvas(800, 100);
  Painter painter(canvas.renderer(), &SharedFonts());
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "Multilateralism and governance ";
  painter.Draw(Screen(800, 100, {Text(huge, 10, 10, 32)}));
  CHECK(canvas.Count(0, 0, 800, 100, IsInk) > 0);
  const size_t most_clusters = MaxClustersIn(800, TextStyle{32, FontWeight::kRegular});
  CHECK(painter.stats().texture_bytes > 0);
  CHECK(painter.stats().texture_bytes <= most_clusters * 32 * 64 * 4);
}

TEST_CASE("text takes its colour and alpha from the item") {
  Canvas canvas(300, 100);
  Painter painter(canvas.renderer(), &SharedFonts());
  const Color yellow{250, 220, 0, 255};
  painter.Draw(Screen(300, 100, {Text("████", 10, 10, 40, yellow)}));
  CHECK(canvas.Count(0, 0, 300, 100, [&](Color c) { return c == yellow; }) > 200);
  painter.Draw(Screen(300, 100, {Text("████", 10, 10, 40, Color{255, 255, 255, 0})}));
  CHECK(canvas.Count(0, 0, 300, 100, IsInk) == 0);
}

TEST_CASE("DrawIfChanged draws nothing when the list equals the last one drawn") {
  Canvas canvas(200, 100);
  Painter painter(canvas.renderer(), &SharedFonts());
  DisplayList list = Screen(200, 100, {Text("10:40", 10, 10)});
  CHECK(painter.DrawIfChanged(list));
  CHECK(painter.stats().frames == 1);

  const Color marker{1, 2, 3, 255};
  canvas.Poke(190, 90, marker);
  CHECK_FALSE(painter.DrawIfChanged(list));
  CHECK(painter.stats().frames == 1);
  CHECK(canvas.At(190, 90) == marker);  // untouched: nothing was drawn

  DisplayList later = Screen(200, 100, {Text("10:41", 10, 10)});
  CHECK(painter.DrawIfChanged(later));
  CHECK(painter.stats().frames == 2);
  CHECK(canvas.At(190, 90) == kNavy);
}

TEST_CASE("the second frame draws its texts from the cache") {
  Canvas canvas(400, 200);
  Painter painter(canvas.renderer(), &SharedFonts());
  DisplayList list = Screen(400, 200,
                            {Text("Hall A", 10, 10), Text("Залы", 10, 60), Text("회의실", 10, 110),
                             FillRect{{0, 0, 5, 5}, kRed}});
  painter.Draw(list);
  CHECK(painter.stats().cache_misses == 3);
  CHECK(painter.stats().cache_hits == 0);
  CHECK(painter.stats().textures_live == 3);
  CHECK(painter.stats().texture_bytes > 0);

  painter.Draw(list);
  CHECK(painter.stats().cache_misses == 3);
  CHECK(painter.stats().cache_hits == 3);
  CHECK(painter.stats().textures_live == 3);
}

// A texture holds its text's colour: a software renderer blends a modulated
// texture through SDL's slow generic blitter (54 M of a 109 M first frame at
// 1080p), a plain one through its fast one.
TEST_CASE("the same text in another colour gets a texture of its own, and both stay cached") {
  Canvas canvas(300, 100);
  Painter painter(canvas.renderer(), &SharedFonts());
  const Color white{255, 255, 255, 255};
  painter.Draw(Screen(300, 100, {Text("Now", 10, 10, 40, white)}));
  CHECK(canvas.Count(0, 0, 300, 100, [&](Color c) { return c == white; }) > 50);
  painter.Draw(Screen(300, 100, {Text("Now", 10, 10, 40, kRed)}));
  CHECK(canvas.Count(0, 0, 300, 100, [&](Color c) { return c == white; }) == 0);
  CHECK(canvas.Count(0, 0, 300, 100, [&](Color c) { return c == kRed; }) > 50);
  CHECK(painter.stats().cache_misses == 2);
  CHECK(painter.stats().cache_hits == 0);
  painter.Draw(Screen(300, 100, {Text("Now", 10, 10, 40, white)}));
  CHECK(canvas.Count(0, 0, 300, 100, [&](Color c) { return c == white; }) > 50);
  CHECK(painter.stats().cache_misses == 2);
  CHECK(painter.stats().cache_hits == 1);
}

TEST_CASE("a text not drawn for keep_unused_frames frames is evicted") {
  Canvas canvas(300, 100);
  PainterOptions options;
  options.keep_unused_frames = 2;
  Painter painter(canvas.renderer(), &SharedFonts(), options);
  painter.Draw(Screen(300, 100, {Text("one", 10, 10)}));
  painter.Draw(Screen(300, 100, {Text("two", 10, 10)}));
  CHECK(painter.stats().textures_live == 2);  // "one" was drawn one frame ago
  painter.Draw(Screen(300, 100, {Text("three", 10, 10)}));
  CHECK(painter.stats().textures_live == 2);  // "one" is gone
  CHECK(painter.stats().evictions == 1);
  painter.Draw(Screen(300, 100, {Text("one", 10, 10)}));
  CHECK(painter.stats().cache_misses == 4);  // rasterized again
}

TEST_CASE("the text cache stays bounded over days of changing clocks") {
  Canvas canvas(400, 100);
  PainterOptions options;
  options.keep_unused_frames = 3;
  Painter painter(canvas.renderer(), &SharedFonts(), options);
  std::size_t most_bytes = 0;
  for (int minute = 0; minute < 600; ++minute) {  // ten hours of minute ticks
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", minute / 60, minute % 60);
    painter.Draw(Screen(400, 100, {Text("Hall A — Қазақстан", 10, 10), Text(clock, 10, 50)}));
    CHECK(painter.stats().textures_live <= 1 + 3);
    most_bytes = std::max(most_bytes, painter.stats().texture_bytes);
  }
  CHECK(painter.stats().evictions >= 600 - 3);
  CHECK(painter.stats().cache_hits == 599);  // the title, every frame after the first
  CHECK(most_bytes < 4u * 400 * 100 * 4);
}

TEST_CASE("max_texture_bytes evicts the least recently drawn texts first") {
  Canvas canvas(300, 100);
  PainterOptions options;
  options.keep_unused_frames = 1000;
  options.max_texture_bytes = 1;  // keep only what the current frame draws
  Painter painter(canvas.renderer(), &SharedFonts(), options);
  painter.Draw(Screen(300, 100, {Text("alpha", 10, 10), Text("beta", 10, 50)}));
  CHECK(painter.stats().textures_live == 2);  // both drawn this frame: kept
  painter.Draw(Screen(300, 100, {Text("beta", 10, 50)}));
  CHECK(painter.stats().textures_live == 1);
  painter.Draw(Screen(300, 100, {Text("alpha", 10, 10)}));
  CHECK(painter.stats().cache_misses == 3);
  CHECK(painter.stats().textures_live == 1);
}

TEST_CASE("ReleaseTextures drops the cache and makes the next DrawIfChanged draw") {
  Canvas canvas(300, 100);
  Painter painter(canvas.renderer(), &SharedFonts());
  DisplayList list = Screen(300, 100, {Text("Hall A", 10, 10)});
  painter.Draw(list);
  painter.ReleaseTextures();
  CHECK(painter.stats().textures_live == 0);
  CHECK(painter.stats().texture_bytes == 0);
  CHECK(painter.DrawIfChanged(list));
  CHECK(painter.stats().cache_misses == 2);
}

}  // namespace
}  // namespace foyer
