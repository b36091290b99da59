// Internal to layout/: the Composer that places items on a panel in units of
// a 1080-line landscape panel, and the pieces every screen shares (header,
// footer, headlines, times in the display zone). layout.cpp draws the room
// screen and the shared pieces, hallway_board.cpp the hallway board. Pure
// given the measurer; thread-compatible.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "layout/labels.h"
#include "layout/layout.h"
#include "layout/shown_text.h"

namespace foyer::compose {

// Text from the feed put into a sentence of ours is cut to this many bytes
// first: at least 16,384 clusters, more than any line can show (a 3840 px line
// of the smallest type, 8 px, holds at most MaxClustersIn = 5,761).
constexpr size_t kMaxEmbeddedBytes = 64 * 1024;

// A room that is full: its band at the door, its mark on a hallway board.
inline constexpr Color kFullRed{196, 30, 30, 255};

// Whether text wraps into at most max_lines lines of max_width with nothing cut.
bool ShowsWhole(std::string_view text, const TextStyle& style, int max_width, int max_lines,
                TextMeasurer& measure);

// Places items top to bottom; every size is in units of the panel's scale.
class Composer {
 public:
  Composer(const ScreenInput& in, TextMeasurer& measurer) : in_(in), measure_(measurer) {
    // One unit is a pixel on a 1080-line landscape panel; portrait panels scale by width.
    scale_ = std::min(in.width, in.height) / 1080.0;
    if (in.height > in.width) scale_ = in.width / 1080.0 * 0.9;
    margin_ = Px(56);
    list_.width = in.width;
    list_.height = in.height;
    list_.background = in.theme.background;
  }

  int Px(double units) const { return std::max(1, static_cast<int>(std::lround(units * scale_))); }
  TextStyle Style(double units, FontWeight weight = FontWeight::kRegular) const {
    return TextStyle{std::max(8, Px(units)), weight};
  }
  int Width() const { return in_.width; }
  int Height() const { return in_.height; }
  int margin() const { return margin_; }
  TextMeasurer& measure() { return measure_; }

  void Fill(int x, int y, int w, int h, Color color) {
    if (w > 0 && h > 0) list_.items.push_back(FillRect{{x, y, w, h}, color});
  }
  // One line, ellipsized to max_width; returns its height.
  int Line(int x, int y, std::string_view text, TextStyle style, Color color, int max_width) {
    std::string fitted = Ellipsize(text, style, max_width, measure_);
    if (!fitted.empty()) Place(x, y, max_width, fitted, IsRightToLeft(fitted), style, color);
    return measure_.LineHeight(style);
  }
  // One line whose right edge is at `right`.
  int LineRight(int right, int y, std::string_view text, TextStyle style, Color color) {
    int width = measure_.Width(text, style);
    list_.items.push_back(DrawText{right - width, y, std::string(text), style, color});
    return width;
  }
  // Wrapped text; returns the height used.
  int Paragraph(int x, int y, std::string_view text, TextStyle style, Color color, int max_width,
                int max_lines) {
    std::vector<std::string> lines = WrapText(text, style, max_width, max_lines, measure_);
    std::string joined;
    for (const std::string& line : lines) joined += line + " ";
    const bool right_to_left = IsRightToLeft(joined);
    int height = 0;
    for (std::string& line : lines) {
      Place(x, y + height, max_width, std::move(line), right_to_left, style, color);
      height += measure_.LineHeight(style);
    }
    return height;
  }
  // The type, and the height it takes, that shows text whole in a box:
  // wrapped, and smaller until every word fits in max_height (down to the
  // smallest type, which is then ellipsized).
  std::pair<TextStyle, int> WholeFit(std::string_view text, TextStyle style, int max_width,
                                     int max_height) {
    for (;;) {
      const int line = measure_.LineHeight(style);
      const int lines = std::max(1, max_height / line);
      if (style.pixel_size <= 8 || ShowsWhole(text, style, max_width, lines, measure_)) {
        const size_t used = WrapText(text, style, max_width, lines, measure_).size();
        return {style, static_cast<int>(used) * line};
      }
      style.pixel_size = std::max(8, style.pixel_size * 92 / 100);
    }
  }
  void Image(int x, int y, int w, int h, const std::string& path) {
    list_.items.push_back(DrawImage{{x, y, w, h}, path});
  }
  void Qr(int x, int y, int side, const std::string& data) {
    list_.items.push_back(DrawQr{{x, y, side, side}, data});
  }
  DisplayList Take() { return std::move(list_); }

 private:
  // A line of a paragraph that reads right to left, or not, at the start of
  // its box: the right edge for right to left. A mark in front keeps the
  // paragraph's direction when the line's own first letter would say otherwise.
  void Place(int x, int y, int max_width, std::string line, bool right_to_left, TextStyle style,
             Color color) {
    if (IsRightToLeft(line) != right_to_left)
      line.insert(0, right_to_left ? kRightToLeftMark : kLeftToRightMark);
    if (right_to_left) x += max_width - measure_.Width(line, style);
    list_.items.push_back(DrawText{x, y, std::move(line), style, color});
  }

  const ScreenInput& in_;
  TextMeasurer& measure_;
  double scale_ = 1;
  int margin_ = 0;
  DisplayList list_;
};

// Text from the feed inside a sentence of ours: isolated (FSI…PDI).
std::string Isolated(std::string_view text);
std::string HourMinute(const Zone& zone, UnixSeconds t);
// "14:30", "tomorrow 14:30", "17 Oct 14:30": a time seen from the screen's day.
std::string DayAndTime(const ScreenInput& in, UnixSeconds t);
// "until 15:00" in the word order of `language`.
std::string Until(Language language, const std::string& time);
// The speakers joined with ", ", stopping once past max_bytes.
std::string JoinSpeakers(const std::vector<std::string>& speakers, size_t max_bytes);
Color ParseHexColor(const std::string& hex, Color fallback);

// Header: the name on the left, the clock on the right. Returns its height.
int Header(Composer& c, const ScreenInput& in, const std::string& name);
// Footer: the event title and the data's state, small.
void Footer(Composer& c, const ScreenInput& in);
int FooterTop(Composer& c);
// A headline in the primary language with the other languages below it. Returns its height.
int Headline(Composer& c, const ScreenInput& in, int y, Label label, const std::string& suffix,
             double units);
// A line of accent type under a headline ("Next at 14:00"). Returns its height.
int FollowUp(Composer& c, const ScreenInput& in, int y, Label label, const std::string& when,
             int width);
// The announcement shown as a band above the footer, or null.
const Announcement* BandAnnouncement(const ScreenInput& in);

// The hallway board (hallway_board.cpp).
void HallwayScreen(Composer& c, const ScreenInput& in);

}  // namespace foyer::compose
