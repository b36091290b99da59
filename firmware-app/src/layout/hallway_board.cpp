// The hallway board: the rooms left today, a page at a time (hallway_pages.h
// says how many), each row the room's name whole, what is on now and next.
#include <algorithm>

#include "layout/compose.h"
#include "layout/labels.h"

namespace foyer {
namespace compose {
namespace {

// The type of a board row `row` pixels high: a title line and a detail line,
// as large as fit (at most the sizes of a roomy board).
struct BoardType {
  TextStyle room, title, small;
};

BoardType BoardTypeFor(Composer& c, int row) {
  double title = 44, small = 34;
  for (;;) {
    BoardType type{c.Style(title, FontWeight::kBold), c.Style(title), c.Style(small)};
    int used = c.measure().LineHeight(type.title) + c.measure().LineHeight(type.small);
    if (used + c.Px(10) <= row || type.small.pixel_size <= 8) return type;
    title *= 0.94, small *= 0.94;
  }
}

// The page indicator at the left of the label row, over the room names:
// "2/5" and a dot per page (the dots when they fit the column).
void PageDots(Composer& c, const ScreenInput& in, const HallwayPaging& paging, int page,
              int label_y, const TextStyle& label, int width) {
  if (paging.pages <= 1) return;
  const Theme& t = in.theme;
  const std::string count = std::to_string(page + 1) + "/" + std::to_string(paging.pages);
  const int dot = c.Px(16), gap = c.Px(12);
  int x = c.margin() + c.measure().Width(count, label) + c.Px(20);
  c.Line(c.margin(), label_y, count, label, t.text, width);
  if (x + paging.pages * (dot + gap) > c.margin() + width) return;
  const int dots_y = label_y + (c.measure().LineHeight(label) - dot) / 2;
  for (int i = 0; i < paging.pages; ++i, x += dot + gap)
    c.Fill(x, dots_y, dot, dot, i == page ? t.accent : t.muted);
}

struct BoardColumns {
  int room_x, room_width, now_x, now_width, next_x, next_width;
};

BoardColumns ColumnsOf(Composer& c) {
  const int width = c.Width() - 2 * c.margin();
  BoardColumns columns;
  columns.room_x = c.margin();
  columns.room_width = width * 30 / 100 - c.Px(24);
  columns.now_x = c.margin() + width * 30 / 100;
  columns.now_width = width * 42 / 100 - c.Px(24);
  columns.next_x = c.margin() + width * 72 / 100;
  columns.next_width = c.Width() - c.margin() - columns.next_x;
  return columns;
}

// "Full" in white on red, where the detail line starts. Returns its width.
int FullMark(Composer& c, const std::string& text, int x, int y, const BoardType& type) {
  const TextStyle bold{type.small.pixel_size, FontWeight::kBold};
  const int pad = c.Px(10);
  const int width = c.measure().Width(text, bold) + 2 * pad;
  c.Fill(x, y, width, c.measure().LineHeight(bold), kFullRed);
  c.LineRight(x + width - pad, y, text, bold, Color{255, 255, 255, 255});
  return width;
}

// The now cell: title, then "until 15:00 · speakers" (or "Full" first).
void BoardNow(Composer& c, const ScreenInput& in, const HallwayRow& r, const BoardColumns& col,
              const BoardType& type, int y) {
  const Theme& t = in.theme;
  const int second = y + c.measure().LineHeight(type.title);
  if (!r.now) {
    c.Line(col.now_x, y, "—", type.title, t.muted, col.now_width);
    if (r.full) FullMark(c, LabelTexts(Label::kFull, in.languages), col.now_x, second, type);
    return;
  }
  c.Fill(col.now_x - c.Px(16), y, c.Px(6), second + c.measure().LineHeight(type.small) - y,
         ParseHexColor(r.now->track_color, t.accent));
  c.Line(col.now_x, y, r.now->title, type.title, t.text, col.now_width);
  std::string detail = Until(in.languages.front(), HourMinute(in.zone, r.now->end));
  if (!r.now->speakers.empty())
    detail += "  ·  " + Isolated(JoinSpeakers(r.now->speakers, kMaxEmbeddedBytes));
  int x = col.now_x;
  if (r.full)
    x += FullMark(c, LabelText(Label::kFull, in.languages.front()), x, second, type) + c.Px(16);
  c.Line(x, second, detail, type.small, t.muted, col.now_x + col.now_width - x);
}

// One room's row: its name whole (wrapped, smaller when it must), now and next.
void BoardRow(Composer& c, const ScreenInput& in, const HallwayRow& r, const BoardColumns& col,
              const BoardType& type, int top, int row) {
  const Theme& t = in.theme;
  const int block = c.measure().LineHeight(type.title) + c.measure().LineHeight(type.small);
  const int y = top + (row - block) / 2;
  if (r.full) c.Fill(0, top, c.Px(20), row, kFullRed);
  auto [room, height] = c.WholeFit(r.room, type.room, col.room_width, row - c.Px(8));
  c.Paragraph(col.room_x, top + (row - height) / 2, r.room, room, t.text, col.room_width,
              std::max(1, height / c.measure().LineHeight(room)));
  BoardNow(c, in, r, col, type, y);
  if (r.next) {
    c.Line(col.next_x, y, DayAndTime(in, r.next->start), type.small, t.accent, col.next_width);
    c.Line(col.next_x, y + c.measure().LineHeight(type.small), r.next->title, type.small, t.text,
           col.next_width);
  }
}

// Nothing left on the board today: the day's state, as a room screen says it
// (before the event: its title, and when it starts).
void EmptyBoard(Composer& c, const ScreenInput& in, int y) {
  const bool before = in.hall.state == RoomState::kBeforeEvent;
  const bool after = in.hall.state == RoomState::kAfterEvent;
  y += c.Px(40);
  if (before)
    y += c.Paragraph(c.margin(), y, in.event_title, c.Style(88, FontWeight::kBold), in.theme.text,
                     c.Width() - 2 * c.margin(), 2);
  else
    y += Headline(c, in, y, after ? Label::kAfterEvent : Label::kDayOver, "", 88);
  if (!after && in.hall.resumes)
    FollowUp(c, in, y, before ? Label::kBeforeEvent : Label::kResumes,
             DayAndTime(in, *in.hall.resumes), c.Width() - 2 * c.margin());
}

}  // namespace

void HallwayScreen(Composer& c, const ScreenInput& in) {
  const Theme& t = in.theme;
  int y = Header(c, in, in.event_title) + c.Px(24);
  if (!in.has_schedule) {
    Headline(c, in, y + c.Px(120), Label::kWaiting, "", 80);
    Footer(c, in);
    return;
  }
  const int rooms = static_cast<int>(in.hall.rows.size());
  if (rooms == 0) {
    EmptyBoard(c, in, y);
    Footer(c, in);
    return;
  }
  const bool banner = BandAnnouncement(in) != nullptr;
  const BoardBand band = HallwayBoardBand(c.Width(), c.Height(), banner);
  const HallwayPaging paging = HallwayPagingOf(in);
  const int page = paging.PageAt(in.now);
  const BoardColumns col = ColumnsOf(c);
  TextStyle label = c.Style(32, FontWeight::kBold);
  const int label_y = band.top - c.Px(48);
  c.Line(col.now_x, label_y, LabelTexts(Label::kNow, in.languages), label, t.accent, col.now_width);
  c.Line(col.next_x, label_y, LabelTexts(Label::kNext, in.languages), label, t.muted,
         col.next_width);
  PageDots(c, in, paging, page, label_y, label, col.room_width);
  const int row = std::min((band.bottom - band.top) / paging.per_page, c.Px(170));
  const BoardType type = BoardTypeFor(c, row);
  int top = band.top;
  const int last = std::min(rooms, paging.First(page) + paging.per_page);
  for (int index = paging.First(page); index < last; ++index, top += row) {
    if ((index - paging.First(page)) % 2 == 1) c.Fill(0, top, c.Width(), row, t.panel);
    BoardRow(c, in, in.hall.rows[index], col, type, top, row);
  }
  Footer(c, in);
}

}  // namespace compose

HallwayPaging HallwayPagingOf(const ScreenInput& in) {
  return PageHallway(static_cast<int>(in.hall.rows.size()), in.width, in.height,
                     compose::BandAnnouncement(in) != nullptr);
}

}  // namespace foyer
