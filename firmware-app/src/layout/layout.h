// Layout: turns what a screen must show (a timeline view, the clock, the
// state of the data) into a DisplayList for a panel of a given size. Type and
// spacing scale with the panel; text is measured with a TextMeasurer, wrapped
// to a few lines and ellipsized so nothing overflows, and only as much of it
// is read and measured as the panel can show (layout/shown_text.h), so a frame
// costs the same whatever the feed holds. A paragraph that reads right to left
// (its first strong letter is Hebrew, Arabic, …) sits at the right of its box;
// feed text inside a sentence of ours is isolated (FSI…PDI). Pure given the
// measurer; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/names.h"
#include "base/time.h"
#include "layout/display_list.h"
#include "layout/hallway_pages.h"
#include "model/language.h"
#include "timeline/timeline.h"

namespace foyer {

enum class ThemeName { kDark, kLight };
inline constexpr NameTable<ThemeName, 2> kThemeNames{{{
    {ThemeName::kDark, "dark"},
    {ThemeName::kLight, "light"},
}}};

struct Theme {
  Color background, panel, text, muted, accent, bar;
  static Theme Dark();
  static Theme Light();
  static Theme Named(ThemeName name);
};

struct ScreenInput {
  bool hallway = false;        // room screen otherwise
  bool has_schedule = false;   // false: the cache is empty
  bool clock_unknown = false;  // true: the system clock is implausible; show no "now"
  bool zone_known = true;      // false: no schedule and no clock.timezone, so no local clock
  RoomView room;
  HallwayView hall;
  std::string event_title;
  std::string logo;  // path of the event's logo (PNG) for the header; empty: none
  UnixSeconds now = 0;
  Zone zone = Zone::Fixed(0);
  std::vector<Language> languages = {Language::kEnglish};  // first is primary
  std::vector<Announcement> announcements;  // active for this screen, most urgent first
  std::string status_note;  // small and honest, e.g. "Updated 10:42"; empty when fresh
  std::string info;         // this screen's own line (room screens); empty: none
  bool asleep = false;      // outside display.hours: a black panel, nothing drawn
  int width = 1920, height = 1080;
  Theme theme = Theme::Dark();
};

DisplayList LayoutScreen(const ScreenInput& input, TextMeasurer& measurer);

// A hallway with more rooms than fit shows them a page at a time
// (layout/hallway_pages.h says how many and for how long): its paging.
HallwayPaging HallwayPagingOf(const ScreenInput& input);

// Breaks text into at most max_lines lines no wider than max_width: at spaces,
// and between CJK ideographs or kana, which need none, in logical order (render
// reorders each line for display). The last line is ellipsized when the text
// does not fit. Reads no more of text than max_lines lines can show.
std::vector<std::string> WrapText(std::string_view text, const TextStyle& style, int max_width,
                                  int max_lines, TextMeasurer& measurer);
// The longest prefix of text (whole characters with their marks) that fits
// max_width with "…" appended, or text itself; at most kMaxMarksPerBase marks
// are kept on a character. Reads no more of text than one line can show.
std::string Ellipsize(std::string_view text, const TextStyle& style, int max_width,
                      TextMeasurer& measurer);

}  // namespace foyer
