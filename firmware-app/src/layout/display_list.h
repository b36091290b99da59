// DisplayList: what one frame shows, as plain values (after rxi/lite's
// rencache: layout records commands, render compares them with the last frame
// and draws only when they differ). Text items are single lines that layout has
// already measured, wrapped and fitted with a TextMeasurer.
// Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace foyer {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
};

struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
  bool operator==(const Rect&) const = default;
};

enum class FontWeight { kRegular, kBold };

struct TextStyle {
  int pixel_size = 16;  // the font's point size at 72 dpi, i.e. pixels per em
  FontWeight weight = FontWeight::kRegular;
  bool operator==(const TextStyle&) const = default;
};

// A filled rectangle.
struct FillRect {
  Rect rect;
  Color color;
  bool operator==(const FillRect&) const = default;
};

// One line of text whose top-left corner is at (x, y). Layout guarantees it
// fits in max_width when measured with the same TextMeasurer.
struct DrawText {
  int x = 0, y = 0;
  std::string text;  // UTF-8, no newlines
  TextStyle style;
  Color color;
  bool operator==(const DrawText&) const = default;
};

// A QR code of `data` (e.g. a session's URL), drawn dark on light with its
// quiet zone inside `rect` (a square), modules as large as fit.
struct DrawQr {
  Rect rect;
  std::string data;
  bool operator==(const DrawQr&) const = default;
};

// A PNG image (the event's logo) fitted inside `rect`, keeping its aspect,
// aligned to the rect's left edge and centred vertically.
struct DrawImage {
  Rect rect;
  std::string path;
  bool operator==(const DrawImage&) const = default;
};

using DrawItem = std::variant<FillRect, DrawText, DrawQr, DrawImage>;

struct DisplayList {
  int width = 0, height = 0;  // logical size the items are laid out in
  Color background;
  std::vector<DrawItem> items;  // drawn in order
  bool operator==(const DisplayList&) const = default;
};

// Measures text as render will draw it. Implemented by render (real fonts) and
// by tests (a fake with fixed advances).
class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // Width in pixels of one line of UTF-8 text.
  virtual int Width(std::string_view text, const TextStyle& style) = 0;
  // Distance between baselines of consecutive lines; also the height of a line.
  virtual int LineHeight(const TextStyle& style) = 0;
};

}  // namespace foyer
