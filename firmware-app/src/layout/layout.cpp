#include "layout/layout.h"

#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "base/utf8.h"
#include "layout/compose.h"
#include "layout/labels.h"
#include "layout/shown_text.h"

namespace foyer {
namespace {

const char* const kEllipsis = "…";

// Splits text into unbreakable pieces; a piece that ends in a space may break after it.
std::vector<std::string> BreakablePieces(std::string_view text) {
  std::vector<std::string> pieces;
  std::string current;
  for (char32_t c : DecodeUtf8(text)) {
    if (BreaksWithoutSpace(c) && !current.empty() && current.back() != ' ') {
      pieces.push_back(current);
      current.clear();
    }
    AppendUtf8(current, c);
    if (c == ' ' || BreaksWithoutSpace(c)) {
      pieces.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) pieces.push_back(current);
  return pieces;
}

std::string TrimRight(std::string text) { return std::string(TrimEnd(text, " ")); }

// The longest prefix of text, in whole clusters, that fits max_width with "…"
// appended; "…" alone, or "" when not even that fits. Widths grow with the
// prefix, so the answer is bracketed by doubling steps from estimate (a
// number of clusters) and then found by bisection: a few measurements of
// about what fits, however long text is.
std::string EllipsizedPrefix(const std::string& text, size_t estimate, const TextStyle& style,
                             int max_width, TextMeasurer& measurer) {
  const std::vector<size_t> at = ClusterStarts(text);
  const size_t clusters = at.size() - 1;
  auto candidate = [&](size_t k) { return TrimRight(text.substr(0, at[k])) + kEllipsis; };
  auto fits = [&](size_t k) { return k == 0 || measurer.Width(candidate(k), style) <= max_width; };
  size_t low = 0, high = clusters + 1;  // fits(low); high: past the end, or !fits(high)
  const size_t guess = std::clamp<size_t>(estimate, 1, std::max<size_t>(1, clusters));
  if (clusters > 0 && fits(guess)) {
    low = guess;
    for (size_t step = 1; low < clusters; step *= 2) {
      size_t probe = std::min(clusters, low + step);
      if (!fits(probe)) {
        high = probe;
        break;
      }
      low = probe;
    }
  } else {
    high = std::min(guess, clusters + 1);
    for (size_t step = 1; high > 1; step *= 2) {
      size_t probe = high > step ? high - step : 0;
      if (fits(probe)) {
        low = probe;
        break;
      }
      high = probe;
    }
  }
  while (high - low > 1) {
    size_t middle = low + (high - low) / 2;
    (fits(middle) ? low : high) = middle;
  }
  if (low == 0) return measurer.Width(kEllipsis, style) <= max_width ? kEllipsis : "";
  return candidate(low);
}

// shown as it is when it fits and nothing was cut from it, else ellipsized.
std::string FitLine(const ShownText& shown, const TextStyle& style, int max_width,
                    TextMeasurer& measurer) {
  size_t estimate = shown.clusters * 2 / kClustersPerEm;  // a line of average letters
  if (!shown.cut) {
    int width = measurer.Width(shown.text, style);
    if (width <= max_width) return shown.text;
    estimate = shown.clusters * static_cast<size_t>(std::max(0, max_width)) / width;
  }
  return EllipsizedPrefix(shown.text, estimate, style, max_width, measurer);
}

// Whether text, as one line, is wider than width; measures no more of it than can fit.
bool WiderThan(std::string_view text, const TextStyle& style, int width, TextMeasurer& measure) {
  ShownText shown = ShownPrefix(text, MaxClustersIn(width, style), Whitespace::kKeep);
  return shown.cut || measure.Width(shown.text, style) > width;
}

}  // namespace

// What the screens share (layout/compose.h).
namespace compose {

// The first bytes of text (a line shows no more).
std::string_view Head(std::string_view text, size_t bytes) { return text.substr(0, bytes); }

// Text from the feed inside a sentence of ours: isolated, so that its direction
// (and any embedding or override it leaves open) does not reorder our words.
std::string Isolated(std::string_view text) {
  return std::string(kFirstStrongIsolate) + std::string(text) + kPopDirectionalIsolate;
}

// Text from the feed that opens a sentence of ours: isolated, and the sentence
// takes its direction.
std::string Leading(std::string_view text) {
  return (IsRightToLeft(text) ? kRightToLeftMark : "") + Isolated(text);
}

std::string HourMinute(const Zone& zone, UnixSeconds t) {
  CivilTime civil = zone.ToCivil(t);
  return FormatHourMinute(civil.hour, civil.minute);
}

std::string DayAndTime(const ScreenInput& in, UnixSeconds t) {
  Language language = in.languages.front();
  CivilDate today = ConferenceDay(in.zone, in.now);
  CivilDate day = ConferenceDay(in.zone, t);
  std::string time = HourMinute(in.zone, t);
  if (DaysFromCivil(day) == DaysFromCivil(today)) return time;
  if (DaysFromCivil(day) == DaysFromCivil(today) + 1)
    return LabelText(Label::kTomorrow, language) + " " + time;
  CivilDate date = in.zone.ToCivil(t).date;
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[32];
  if (language == Language::kEnglish)
    std::snprintf(buffer, sizeof buffer, "%d %s", date.day, kMonths[date.month - 1]);
  else
    std::snprintf(buffer, sizeof buffer, "%02d.%02d", date.day, date.month);
  return std::string(buffer) + " " + time;
}

// "until 15:00", "до 15:00"; Kazakh and Korean put the word after the time
// ("15:00 дейін", "15:00까지").
std::string Until(Language language, const std::string& time) {
  const std::string& word = LabelText(Label::kEnds, language);
  if (language == Language::kKorean) return time + word;
  if (language == Language::kKazakh) return time + " " + word;
  return word + " " + time;
}

// A URL worth a QR code: one a phone can open (not a urn:, not a relative path).
bool Scannable(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

// "EN", "KK", "DE, EN": a session's language as a short tag.
std::string LanguageTag(const std::string& language) { return ToUpperAscii(language); }

// The speakers joined with ", ", stopping once past max_bytes (a line reads no
// further: see Head).
std::string JoinSpeakers(const std::vector<std::string>& speakers, size_t max_bytes) {
  std::string joined;
  for (const std::string& speaker : speakers) {
    if (joined.size() > max_bytes) break;
    if (!joined.empty()) joined += ", ";
    joined += Head(speaker, max_bytes);
  }
  return joined;
}

// All the speakers when they fit on one line; else as many as fit, then "+N"
// for the rest, rather than a name cut in the middle. Reads and measures only
// the names that can fit (widths grow with every name added).
std::string FitSpeakers(const std::vector<std::string>& speakers, const TextStyle& style,
                        int max_width, TextMeasurer& measure) {
  const size_t budget = MaxClustersIn(max_width, style);
  ShownText all =
      ShownPrefix(JoinSpeakers(speakers, ReadableBytes(budget)), budget, Whitespace::kKeep);
  if (speakers.size() < 2 || (!all.cut && measure.Width(all.text, style) <= max_width))
    return all.text;
  std::string joined, fitting;
  size_t clusters = 0;
  for (size_t shown = 1; shown < speakers.size(); ++shown) {
    ShownText name = ShownPrefix(speakers[shown - 1], budget, Whitespace::kKeep);
    clusters += name.clusters + (shown > 1 ? 2 : 0);
    if (name.cut || clusters > budget) break;
    joined += (shown > 1 ? ", " : "") + name.text;
    std::string text = joined + " +" + std::to_string(speakers.size() - shown);
    if (measure.Width(text, style) > max_width) break;
    fitting = std::move(text);
  }
  if (!fitting.empty()) return fitting;
  return ShownPrefix(speakers.front(), budget, Whitespace::kKeep).text + " +" +
         std::to_string(speakers.size() - 1);
}

Color ParseHexColor(const std::string& hex, Color fallback) {
  if (hex.size() != 7 || hex[0] != '#') return fallback;
  auto value = std::strtoul(hex.c_str() + 1, nullptr, 16);
  return Color{static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 8),
               static_cast<std::uint8_t>(value), 255};
}

// Whether text wraps into at most max_lines lines of max_width with nothing cut.
bool ShowsWhole(std::string_view text, const TextStyle& style, int max_width, int max_lines,
                TextMeasurer& measure) {
  std::vector<std::string> lines = WrapText(text, style, max_width, max_lines + 1, measure);
  if (static_cast<int>(lines.size()) > max_lines) return false;
  std::string shown, whole;
  for (const std::string& line : lines)
    for (char ch : line)
      if (ch != ' ') shown += ch;
  for (char ch : text)
    if (ch != ' ' && ch != '\n' && ch != '\t') whole += ch;
  return shown == whole;
}

// Header: the room (or event) name on the left, the clock on the right.
int Header(Composer& c, const ScreenInput& in, const std::string& name) {
  const Theme& t = in.theme;
  int height = c.Px(132);
  c.Fill(0, 0, c.Width(), height, t.panel);
  TextStyle clock_style = c.Style(72, FontWeight::kBold);
  std::string clock = in.clock_unknown ? "--:--" : in.zone_known ? HourMinute(in.zone, in.now) : "";
  int clock_width = c.measure().Width(clock, clock_style);
  int y_clock = (height - c.measure().LineHeight(clock_style)) / 2;
  c.LineRight(c.Width() - c.margin(), y_clock, clock, clock_style, t.text);
  int name_x = c.margin();
  if (!in.logo.empty()) {
    int side = height - c.Px(28);
    c.Image(c.margin(), c.Px(14), side, side, in.logo);
    name_x += side + c.Px(28);
  }
  TextStyle name_style = c.Style(64, FontWeight::kBold);
  int y_name = (height - c.measure().LineHeight(name_style)) / 2;
  c.Line(name_x, y_name, name, name_style, t.text,
         c.Width() - name_x - 2 * c.margin() - clock_width);
  c.Fill(0, height, c.Width(), c.Px(4), t.accent);
  return height + c.Px(4);
}

// Footer: the event title and the data's state, small.
void Footer(Composer& c, const ScreenInput& in) {
  TextStyle style = c.Style(30);
  int y = c.Height() - c.margin() / 2 - c.measure().LineHeight(style);
  int note_width = 0;
  if (!in.status_note.empty())
    note_width = c.LineRight(c.Width() - c.margin(), y, in.status_note, style, in.theme.accent);
  c.Line(c.margin(), y, in.event_title, style, in.theme.muted,
         c.Width() - 3 * c.margin() - note_width);
}

int FooterTop(Composer& c) {
  return c.Height() - c.margin() / 2 - c.measure().LineHeight(c.Style(30)) - c.Px(16);
}

}  // namespace compose

namespace {

using namespace compose;

struct NextRow {
  std::string text;
  Color color;
};

// A row of the "Next" list: the title, and what changed, in a sentence of ours.
NextRow NextRowText(const ScreenInput& in, const Session& session) {
  const Language language = in.languages.front();
  const std::string_view title = Head(session.title, kMaxEmbeddedBytes);
  if (session.cancelled)
    return {LabelText(Label::kCancelled, language) + ": " + Isolated(title), in.theme.muted};
  if (session.room != in.room.room)
    return {Leading(title) + " — " + LabelText(Label::kNowIn, language) + " " +
                Isolated(Head(session.room, kMaxEmbeddedBytes)),
            in.theme.accent};
  // A change goes first, where a long title cannot push it out of sight.
  std::string was;
  if (session.previous.start) was = HourMinute(in.zone, *session.previous.start);
  if (session.previous.room)
    was += (was.empty() ? "" : ", ") + Isolated(Head(*session.previous.room, kMaxEmbeddedBytes));
  NextRow row{Leading(title), in.theme.text};
  if (!was.empty()) {
    row.text = "(" + LabelText(Label::kMovedFrom, language) + " " + was + ") " + Isolated(title);
    row.color = in.theme.accent;
  }
  if (!session.speakers.empty())
    row.text += " — " + Isolated(JoinSpeakers(session.speakers, kMaxEmbeddedBytes));
  return row;
}

// The "Next" list, as many rows as fit between top and bottom.
void NextList(Composer& c, const ScreenInput& in, const std::vector<Session>& next, int top,
              int bottom) {
  if (next.empty()) return;
  const Theme& t = in.theme;
  TextStyle label = c.Style(40, FontWeight::kBold);
  TextStyle time = c.Style(46, FontWeight::kBold);
  TextStyle title = c.Style(46);
  int row = c.measure().LineHeight(title) + c.Px(18);
  if (top + c.measure().LineHeight(label) + row > bottom) return;
  int y = top;
  y += c.Line(c.margin(), y, LabelTexts(Label::kNext, in.languages), label, t.muted,
              c.Width() - 2 * c.margin()) +
       c.Px(8);
  // One column of start times, as wide as the widest ("tomorrow 09:30").
  auto when = [&](const Session& session) {
    bool other_day = ConferenceDay(in.zone, session.start) != ConferenceDay(in.zone, in.now);
    return other_day ? DayAndTime(in, session.start) : HourMinute(in.zone, session.start);
  };
  const size_t rows = std::min(next.size(), static_cast<size_t>(std::max(0, (bottom - y) / row)));
  int time_width = c.measure().Width("00:00", time);
  for (size_t i = 0; i < rows; ++i)
    time_width = std::max(time_width, c.measure().Width(when(next[i]), time));
  time_width += c.Px(32);
  const int x = c.margin();
  for (size_t i = 0; i < rows; ++i) {
    const Session& session = next[i];
    c.Fill(x, y + c.Px(6), c.Px(8), row - c.Px(24), ParseHexColor(session.track_color, t.muted));
    c.Line(x + c.Px(24), y, when(session), time, t.accent, time_width);
    NextRow text = NextRowText(in, session);
    c.Line(x + c.Px(24) + time_width, y, text.text, title, text.color,
           c.Width() - x - c.margin() - time_width - c.Px(24));
    y += row;
  }
}

}  // namespace

namespace compose {

// A headline in the primary language with the other languages below it.
int Headline(Composer& c, const ScreenInput& in, int y, Label label, const std::string& suffix,
             double units) {
  int max_width = c.Width() - 2 * c.margin();
  int height = 0;
  for (size_t i = 0; i < in.languages.size(); ++i) {
    std::string text = LabelText(label, in.languages[i]);
    if (!suffix.empty()) text += " " + suffix;
    TextStyle style = i == 0 ? c.Style(units, FontWeight::kBold) : c.Style(units * 0.55);
    height += c.Paragraph(c.margin(), y + height, text, style,
                          i == 0 ? in.theme.text : in.theme.muted, max_width, 2);
  }
  return height;
}

}  // namespace compose

namespace {

// An emergency hides the schedule: the whole screen, high contrast, large.
void EmergencyScreen(Composer& c, const ScreenInput& in, const Announcement& a) {
  c.Fill(0, 0, c.Width(), c.Height(), Color{160, 0, 0, 255});
  const Color white{255, 255, 255, 255};
  int width = c.Width() - 2 * c.margin();
  int y = c.margin();
  TextStyle big = c.Style(120, FontWeight::kBold);
  int lines = std::max(1, (c.Height() - 2 * c.margin()) / c.measure().LineHeight(big) - 1);
  y += c.Paragraph(c.margin(), y, a.text, big, white, width, lines);
  c.LineRight(c.Width() - c.margin(),
              c.Height() - c.margin() - c.measure().LineHeight(c.Style(56, FontWeight::kBold)),
              HourMinute(in.zone, in.now), c.Style(56, FontWeight::kBold), white);
}

// Information and warnings: a band above the footer that leaves the schedule visible.
int BannerHeight(Composer& c) {
  return 2 * c.measure().LineHeight(c.Style(44, FontWeight::kBold)) + c.Px(32);
}

void Banner(Composer& c, const ScreenInput& in, const Announcement& a, int bottom) {
  bool warning = a.level == AnnouncementLevel::kWarning;
  TextStyle style = c.Style(44, FontWeight::kBold);
  int height = BannerHeight(c);
  int top = bottom - height;
  c.Fill(0, top, c.Width(), height, warning ? Color{255, 196, 61, 255} : in.theme.panel);
  c.Paragraph(c.margin(), top + c.Px(16), a.text, style,
              warning ? Color{20, 20, 20, 255} : in.theme.text, c.Width() - 2 * c.margin(), 2);
}

// "09:30 – 10:15 · 25 min left · EN · moved from 09:00": the line under a session's title.
std::string NowTimes(const ScreenInput& in, const Session& now) {
  const Language language = in.languages.front();
  std::int64_t left_minutes = (now.end - in.now + 59) / 60;
  std::string times = HourMinute(in.zone, now.start) + " – " + HourMinute(in.zone, now.end) +
                      "  ·  " + std::to_string(left_minutes) + " " +
                      LabelText(Label::kMinutesLeft, language);
  // More than a day (an exhibition): its dates, not thousands of minutes left.
  if (now.end - now.start > 24 * 3600)
    times = DayAndTime(in, now.start) + " – " + DayAndTime(in, now.end);
  if (!now.language.empty()) times += "  ·  " + LanguageTag(now.language);
  if (now.previous.start)
    times += "  ·  " + LabelText(Label::kMovedFrom, language) + " " +
             HourMinute(in.zone, *now.previous.start);
  if (now.previous.room)
    times += "  ·  " + LabelText(Label::kMovedFrom, language) + " " +
             Isolated(Head(*now.previous.room, kMaxEmbeddedBytes));
  return times;
}

// Progress through the session: a bar as wide as the text. Returns its height.
int ProgressBar(Composer& c, const ScreenInput& in, const Session& now, int y, int width) {
  double done = now.end > now.start
                    ? std::clamp(double(in.now - now.start) / double(now.end - now.start), 0.0, 1.0)
                    : 1.0;
  c.Fill(c.margin() + c.Px(36), y, width, c.Px(14), in.theme.panel);
  c.Fill(c.margin() + c.Px(36), y, static_cast<int>(width * done), c.Px(14), in.theme.bar);
  return c.Px(14);
}

// The session on now: label, title, speakers, times, progress, and its page as
// a QR code. Returns the y below it.
int NowBlock(Composer& c, const ScreenInput& in, const Session& now, int top, int width) {
  const Theme& t = in.theme;
  int y = top;
  // The session's page as a QR code, large enough to scan from a metre.
  int text_width = width - c.Px(36);
  const int qr_side = std::min(c.Px(260), (c.Height() - top) / 2);
  if (Scannable(now.url)) {
    c.Qr(c.Width() - c.margin() - qr_side, top, qr_side, now.url);
    text_width -= qr_side + c.Px(40);
  }
  const int left = c.margin() + c.Px(36);
  y += c.Line(left, y, LabelTexts(Label::kNow, in.languages), c.Style(40, FontWeight::kBold),
              t.accent, text_width);
  // Two lines of large type; a longer title shrinks to three lines, then ellipsizes.
  TextStyle title = c.Style(84, FontWeight::kBold);
  if (WiderThan(now.title, title, 2 * text_width, c.measure()))
    title = c.Style(64, FontWeight::kBold);
  y += c.Paragraph(left, y, now.title, title, t.text, text_width,
                   title.pixel_size == c.Style(84).pixel_size ? 2 : 3);
  if (!now.speakers.empty())
    y += c.Paragraph(left, y + c.Px(8),
                     FitSpeakers(now.speakers, c.Style(48), text_width, c.measure()), c.Style(48),
                     t.muted, text_width, 1) +
         c.Px(8);
  y += c.Px(16);
  y += c.Line(left, y, NowTimes(in, now), c.Style(48, FontWeight::kBold), t.accent, text_width);
  c.Fill(c.margin(), top, c.Px(12), y - top, ParseHexColor(now.track_color, t.accent));
  y += c.Px(20);
  y += ProgressBar(c, in, now, y, text_width) + c.Px(48);
  if (Scannable(now.url)) y = std::max(y, top + qr_side + c.Px(32));
  return y;
}

// The session on now in three lines, for a screen whose band (a full room)
// or own line leaves no room for the whole block. Returns the y below it.
int CompactNowBlock(Composer& c, const ScreenInput& in, const Session& now, int top, int width) {
  const Theme& t = in.theme;
  const int left = c.margin() + c.Px(36);
  const int text_width = width - c.Px(36);
  int y = top;
  y += c.Line(left, y, LabelTexts(Label::kNow, in.languages), c.Style(36, FontWeight::kBold),
              t.accent, text_width);
  y += c.Line(left, y, now.title, c.Style(60, FontWeight::kBold), t.text, text_width);
  y += c.Line(left, y + c.Px(4), NowTimes(in, now), c.Style(40, FontWeight::kBold), t.accent,
              text_width) +
       c.Px(4);
  c.Fill(c.margin(), top, c.Px(12), y - top, ParseHexColor(now.track_color, t.accent));
  return y + c.Px(32);
}

}  // namespace

namespace compose {

// A line of accent type under a headline ("Next at 14:00"). Returns its height.
int FollowUp(Composer& c, const ScreenInput& in, int y, Label label, const std::string& when,
             int width) {
  return c.Line(c.margin(), y + c.Px(12), LabelText(label, in.languages.front()) + " " + when,
                c.Style(60, FontWeight::kBold), in.theme.accent, width) +
         c.Px(12);
}

}  // namespace compose

namespace {

// Nothing on now: a break, the day over, before or after the event. Returns the y below it.
int NothingNowBlock(Composer& c, const ScreenInput& in, int y, int width) {
  const RoomView& view = in.room;
  const bool more = !view.next.empty();
  const UnixSeconds next = more ? view.next.front().start : 0;
  y += c.Px(24);
  switch (view.state) {
    case RoomState::kBreak:
      y += Headline(c, in, y, Label::kBreak, "", 96);
      if (more) y += FollowUp(c, in, y, Label::kNextAt, HourMinute(in.zone, next), width);
      break;
    case RoomState::kDayOver:
      y += Headline(c, in, y, Label::kDayOver, "", 88);
      if (more) y += FollowUp(c, in, y, Label::kResumes, DayAndTime(in, next), width);
      break;
    case RoomState::kBeforeEvent:
      y += c.Paragraph(c.margin(), y, in.event_title, c.Style(88, FontWeight::kBold), in.theme.text,
                       width, 2);
      if (more) y += FollowUp(c, in, y, Label::kBeforeEvent, DayAndTime(in, next), width);
      break;
    case RoomState::kAfterEvent:
    case RoomState::kInSession:
      y += Headline(c, in, y, Label::kAfterEvent, "", 80);
      break;
  }
  return y + c.Px(48);
}

}  // namespace

namespace compose {

// The announcement shown as a band above the footer: the most urgent that is
// not "full" (a full room has its own band), or null.
const Announcement* BandAnnouncement(const ScreenInput& in) {
  for (const Announcement& a : in.announcements)
    if (a.level != AnnouncementLevel::kFull) return &a;
  return nullptr;
}

}  // namespace compose

namespace {

const Announcement* FullAnnouncement(const ScreenInput& in) {
  for (const Announcement& a : in.announcements)
    if (a.level == AnnouncementLevel::kFull) return &a;
  return nullptr;
}

// The texts of the "room full" band: the label in each of the screen's
// languages, and the organizers' own words when they wrote any.
std::vector<std::string> FullTexts(const ScreenInput& in, const Announcement& a) {
  std::vector<std::string> texts;
  for (Language language : in.languages) texts.push_back(LabelText(Label::kRoomFull, language));
  if (a.text != "Room full" && a.text != texts.front()) texts.push_back(a.text);
  return texts;
}

// A room that takes no more people: a red band under the header, large, in
// every language of the screen. Returns its height.
int FullBand(Composer& c, const ScreenInput& in, const Announcement& a, int top) {
  const Color white{255, 255, 255, 255};
  const int width = c.Width() - 2 * c.margin();
  const std::vector<std::string> texts = FullTexts(in, a);
  std::vector<TextStyle> styles;
  int height = 2 * c.Px(24);
  for (size_t i = 0; i < texts.size(); ++i) {
    styles.push_back(i == 0 ? c.Style(76, FontWeight::kBold) : c.Style(42, FontWeight::kBold));
    height += static_cast<int>(WrapText(texts[i], styles[i], width, 2, c.measure()).size()) *
              c.measure().LineHeight(styles[i]);
  }
  c.Fill(0, top, c.Width(), height, kFullRed);
  int y = top + c.Px(24);
  for (size_t i = 0; i < texts.size(); ++i)
    y += c.Paragraph(c.margin(), y, texts[i], styles[i], white, width, 2);
  return height;
}

TextStyle InfoStyle(Composer& c) { return c.Style(42, FontWeight::kBold); }

// The height of this screen's own line (display.info) above the footer; 0 without one.
int InfoHeight(Composer& c, const ScreenInput& in) {
  if (in.info.empty() || in.hallway) return 0;
  const int width = c.Width() - 2 * c.margin() - c.Px(28);
  const int lines = static_cast<int>(WrapText(in.info, InfoStyle(c), width, 2, c.measure()).size());
  return lines * c.measure().LineHeight(InfoStyle(c)) + c.Px(28);
}

// display.info on a panel-coloured band just above the footer, in large type,
// wrapped to two lines at most.
void InfoLine(Composer& c, const ScreenInput& in) {
  const int height = InfoHeight(c, in);
  if (height == 0) return;
  const int top = FooterTop(c) - height;
  c.Fill(0, top, c.Width(), height, in.theme.panel);
  c.Fill(c.margin(), top + c.Px(12), c.Px(10), height - c.Px(24), in.theme.accent);
  c.Paragraph(c.margin() + c.Px(28), top + c.Px(14), in.info, InfoStyle(c), in.theme.text,
              c.Width() - 2 * c.margin() - c.Px(28), 2);
}

void RoomScreen(Composer& c, const ScreenInput& in) {
  int y = Header(c, in, in.room.room.empty() ? in.event_title : in.room.room) + c.Px(40);
  int bottom = FooterTop(c) - InfoHeight(c, in) - (BandAnnouncement(in) ? BannerHeight(c) : 0);
  int width = c.Width() - 2 * c.margin();
  if (const Announcement* full = FullAnnouncement(in))
    y += FullBand(c, in, *full, y - c.Px(40)) - c.Px(16);
  if (!in.has_schedule) {
    Headline(c, in, y + c.Px(120), Label::kWaiting, "", 80);
    InfoLine(c, in);
    Footer(c, in);
    return;
  }
  // The whole block takes about 560 units of height: less is left under a band.
  if (in.room.now && bottom - y < c.Px(560))
    y = CompactNowBlock(c, in, *in.room.now, y, width);
  else if (in.room.now)
    y = NowBlock(c, in, *in.room.now, y, width);
  else
    y = NothingNowBlock(c, in, y, width);
  NextList(c, in, in.room.next, y, bottom);
  InfoLine(c, in);
  Footer(c, in);
}

}  // namespace

Theme Theme::Dark() {
  return Theme{{12, 14, 20, 255},    {30, 34, 44, 255},   {245, 245, 240, 255},
               {165, 172, 186, 255}, {255, 196, 61, 255}, {255, 196, 61, 255}};
}

Theme Theme::Light() {
  return Theme{{250, 250, 247, 255}, {232, 234, 238, 255}, {16, 18, 24, 255},
               {84, 90, 104, 255},   {0, 92, 175, 255},    {0, 92, 175, 255}};
}

Theme Theme::Named(ThemeName name) { return name == ThemeName::kLight ? Light() : Dark(); }

std::string Ellipsize(std::string_view text, const TextStyle& style, int max_width,
                      TextMeasurer& measurer) {
  return FitLine(ShownPrefix(text, MaxClustersIn(max_width, style), Whitespace::kKeep), style,
                 max_width, measurer);
}

std::vector<std::string> WrapText(std::string_view text, const TextStyle& style, int max_width,
                                  int max_lines, TextMeasurer& measurer) {
  // No more than max_lines lines can show: neither read nor measure beyond them.
  const size_t per_line = MaxClustersIn(max_width, style);
  const ShownText shown =
      ShownPrefix(text, per_line * std::max(1, max_lines), Whitespace::kCollapse);
  std::vector<std::string> lines;
  std::string line;
  std::vector<std::string> pieces = BreakablePieces(shown.text);
  size_t i = 0;
  for (; i < pieces.size(); ++i) {
    std::string candidate = line + pieces[i];
    if (line.empty() || measurer.Width(TrimRight(candidate), style) <= max_width) {
      line = candidate;
      continue;
    }
    if (static_cast<int>(lines.size()) + 1 == max_lines) break;
    lines.push_back(TrimRight(line));
    line = pieces[i];
  }
  if (i < pieces.size()) {
    // Out of lines: the rest goes on the last line, ellipsized.
    for (; i < pieces.size(); ++i) line += pieces[i];
  }
  if (!line.empty() || lines.empty()) lines.push_back(TrimRight(line));
  for (size_t n = 0; n < lines.size(); ++n) {
    ShownText fitted = ShownPrefix(lines[n], per_line, Whitespace::kKeep);
    fitted.cut = fitted.cut || (shown.cut && n + 1 == lines.size());
    lines[n] = FitLine(fitted, style, max_width, measurer);
  }
  return lines;
}

DisplayList LayoutScreen(const ScreenInput& input, TextMeasurer& measurer) {
  using namespace compose;
  if (input.asleep) {  // outside display.hours: black, nothing drawn
    DisplayList dark;
    dark.width = input.width;
    dark.height = input.height;
    dark.background = Color{0, 0, 0, 255};
    return dark;
  }
  Composer composer(input, measurer);
  const Announcement* emergency = nullptr;
  for (const Announcement& a : input.announcements)
    if (a.level == AnnouncementLevel::kEmergency && !emergency) emergency = &a;
  if (emergency) {
    EmergencyScreen(composer, input, *emergency);
    return composer.Take();
  }
  if (input.clock_unknown) {
    int y = Header(composer, input,
                   input.hallway || input.room.room.empty() ? input.event_title : input.room.room);
    Headline(composer, input, y + composer.Px(160), Label::kWaitingClock, "", 80);
    Footer(composer, input);
    return composer.Take();
  }
  if (input.hallway)
    HallwayScreen(composer, input);
  else
    RoomScreen(composer, input);
  if (const Announcement* band = BandAnnouncement(input))
    Banner(composer, input, *band, FooterTop(composer) - InfoHeight(composer, input));
  return composer.Take();
}

}  // namespace foyer
