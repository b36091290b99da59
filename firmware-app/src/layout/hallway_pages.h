// How a hallway board splits its rooms into pages for a panel: as many rows
// per page as stay legible (a row is at least 76 units of a 1080-line panel
// and never under 58 pixels; 64 units and 52 pixels when an announcement's
// band takes room above the footer), more when that would make a full cycle
// longer than a minute (down to 60 units, 42 pixels), rooms spread evenly
// over the pages. Each page stays up 8 to 12 s and a cycle takes at most 60 s
// when the panel allows it. Depends on the panel size alone, never on fonts,
// so that --print's "pages" and the screen agree. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/time.h"

namespace foyer {

struct HallwayPaging {
  int per_page = 1;  // rows on a page (the last page may have fewer)
  int pages = 1;
  int seconds = 12;  // how long each page stays up

  // The page shown at `now`: page k from k * seconds on, the cycle repeating.
  int PageAt(UnixSeconds now) const;
  // Rows [first, end) of page `page`, for a board of `rows` rows.
  int First(int page) const { return page * per_page; }
};

// The paging of `rows` rooms on a width x height picture; `banner`: an
// announcement band takes room above the footer.
HallwayPaging PageHallway(int rows, int width, int height, bool banner);

// How long a page stays up, whatever the paging: page turns fall on multiples
// of one of these, so a kiosk can wake for them without knowing the panel.
inline constexpr int kHallwayPageSecondsChoices[] = {8, 10, 12};

// The height, in units of a 1080-line panel, that the board's rows may fill:
// the panel less the header, the label row and the footer (and the banner).
// Layout draws the rows into exactly this band.
struct BoardBand {
  int top = 0, bottom = 0;  // pixels
};
BoardBand HallwayBoardBand(int width, int height, bool banner);

// Splits names into pages as `paging` says.
std::vector<std::vector<std::string>> SplitIntoPages(const std::vector<std::string>& names,
                                                     const HallwayPaging& paging);

}  // namespace foyer
