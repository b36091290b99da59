#include "layout/hallway_pages.h"

#include <algorithm>
#include <cmath>

namespace foyer {
namespace {

constexpr int kMostPagesInAMinute = 7;  // 7 pages of 8 s: 56 s

// Units of a 1080-line landscape panel, as layout scales them (Composer).
double Scale(int width, int height) {
  if (height > width) return width / 1080.0 * 0.9;
  return std::min(width, height) / 1080.0;
}

int Px(double units, double scale) {
  return std::max(1, static_cast<int>(std::lround(units * scale)));
}

int SecondsPerPage(int pages) {
  if (pages <= 5) return 12;
  if (pages == 6) return 10;
  return 8;
}

}  // namespace

int HallwayPaging::PageAt(UnixSeconds now) const {
  if (pages <= 1) return 0;
  return static_cast<int>((now / seconds) % pages);
}

BoardBand HallwayBoardBand(int width, int height, bool banner) {
  const double scale = Scale(width, height);
  BoardBand band;
  band.top = Px(136 + 24 + 48, scale);  // header and its rule, a gap, the Now/Next labels
  band.bottom = height - Px(80, scale) - (banner ? Px(140, scale) : 0);
  band.bottom = std::max(band.bottom, band.top + 1);
  return band;
}

HallwayPaging PageHallway(int rows, int width, int height, bool banner) {
  const double scale = Scale(width, height);
  const BoardBand band = HallwayBoardBand(width, height, banner);
  const int area = band.bottom - band.top;
  // An announcement's band takes a seventh of the panel: rows give a little
  // rather than the board losing two of its ten.
  const int legible =
      std::max(1, area / (banner ? std::max(Px(64, scale), 52) : std::max(Px(76, scale), 58)));
  const int tightest = std::max(1, area / std::max(Px(60, scale), 42));
  const int for_a_minute = (rows + kMostPagesInAMinute - 1) / kMostPagesInAMinute;
  const int fit = std::max(legible, std::min(tightest, for_a_minute));
  HallwayPaging paging;
  paging.pages = std::max(1, (rows + fit - 1) / fit);
  paging.per_page = std::max(1, (rows + paging.pages - 1) / paging.pages);
  paging.seconds = SecondsPerPage(paging.pages);
  return paging;
}

std::vector<std::vector<std::string>> SplitIntoPages(const std::vector<std::string>& names,
                                                     const HallwayPaging& paging) {
  std::vector<std::vector<std::string>> pages;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i % paging.per_page == 0) pages.emplace_back();
    pages.back().push_back(names[i]);
  }
  return pages;
}

}  // namespace foyer
