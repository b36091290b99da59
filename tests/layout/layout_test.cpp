#include "layout/layout.h"

#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "base/utf8.h"
#include "layout/labels.h"
#include "layout/shown_text.h"

namespace foyer {
namespace {

// Every codepoint is 0.6 em wide (CJK 1 em); a line is 1.25 em high.
class FakeMeasurer : public TextMeasurer {
 public:
  int Width(std::string_view text, const TextStyle& style) override {
    double width = 0;
    for (char32_t c : DecodeUtf8(text)) width += (c >= 0x2E80 ? 1.0 : 0.6) * style.pixel_size;
    return static_cast<int>(width + 0.5);
  }
  int LineHeight(const TextStyle& style) override { return style.pixel_size * 5 / 4; }
};

// Counts what is measured: a frame must measure what it shows, not what the feed holds.
class CountingMeasurer : public FakeMeasurer {
 public:
  int Width(std::string_view text, const TextStyle& style) override {
    measured_bytes += text.size();
    return FakeMeasurer::Width(text, style);
  }
  size_t measured_bytes = 0;
};

UnixSeconds At(const char* iso) { return ParseIsoInstant(iso)->utc; }

Session Talk(const char* title, const char* start, int minutes) {
  Session session;
  session.room = "Main Hall";
  session.title = title;
  session.start = At(start);
  session.end = session.start + minutes * 60;
  session.utc_offset = 5 * 3600;
  session.speakers = {"Yerzhan Ashikbayev", "Joshua Lincoln", "Charles McLean"};
  return session;
}

ScreenInput InSession(int width, int height) {
  ScreenInput input;
  input.has_schedule = true;
  input.event_title = "Astana Think Tank Forum 2025";
  input.now = At("2025-10-15T10:40:00+05:00");
  input.zone = Zone::Fixed(5 * 3600);
  input.width = width;
  input.height = height;
  input.room.room = "Main Hall";
  input.room.state = RoomState::kInSession;
  input.room.now = Talk("Multilateralism and global governance in an era of persistent division",
                        "2025-10-15T10:30:00+05:00", 90);
  input.room.next = {Talk("The shift in power balance and the role of multilateralism",
                          "2025-10-15T13:00:00+05:00", 90),
                     Talk("Water security in Central Asia", "2025-10-15T14:45:00+05:00", 75)};
  return input;
}

std::vector<DrawText> Texts(const DisplayList& list) {
  std::vector<DrawText> texts;
  for (const DrawItem& item : list.items)
    if (auto* text = std::get_if<DrawText>(&item)) texts.push_back(*text);
  return texts;
}

bool Shows(const DisplayList& list, const std::string& needle) {
  for (const DrawText& text : Texts(list))
    if (text.text.find(needle) != std::string::npos) return true;
  return false;
}

TEST_CASE("long titles wrap at spaces and the last line is ellipsized") {
  FakeMeasurer measurer;
  TextStyle style{10, FontWeight::kRegular};  // 6 px per character
  auto lines = WrapText("one two three four five six seven", style, 60, 2, measurer);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "one two");
  CHECK(lines[1].size() > 3);
  CHECK(lines[1].substr(lines[1].size() - 3) == "…");
  for (const std::string& line : lines) CHECK(measurer.Width(line, style) <= 60);
}

TEST_CASE("CJK text without spaces breaks between ideographs") {
  FakeMeasurer measurer;
  TextStyle style{10, FontWeight::kRegular};  // 10 px per ideograph
  auto lines = WrapText("国际安全与核裁军会议", style, 40, 5, measurer);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "国际安全");
  CHECK(lines[2] == "会议");
}

TEST_CASE("ellipsizing never cuts inside a UTF-8 sequence") {
  FakeMeasurer measurer;
  TextStyle style{10, FontWeight::kRegular};
  std::string fitted =
      Ellipsize("Қазақстан стратегиялық зерттеулер институты", style, 50, measurer);
  CHECK(IsValidUtf8(fitted));
  CHECK(measurer.Width(fitted, style) <= 50);
  CHECK(Ellipsize("short", style, 50, measurer) == "short");
}

TEST_CASE("the room screen shows the room, clock, session, speakers, times and the next sessions") {
  FakeMeasurer measurer;
  for (auto [w, h] : {std::pair{800, 480}, {1920, 1080}, {3840, 2160}, {1080, 1920}}) {
    CAPTURE(w);
    DisplayList list = LayoutScreen(InSession(w, h), measurer);
    CHECK(list.width == w);
    CHECK(list.height == h);
    CHECK(Shows(list, "Main Hall"));
    CHECK(Shows(list, "10:40"));
    CHECK(Shows(list, "Multilateralism"));
    CHECK(Shows(list, "Yerzhan Ashikbayev"));
    CHECK(Shows(list, "10:30 – 12:00"));
    CHECK(Shows(list, "80 min left"));
    CHECK(Shows(list, "13:00"));
  }
}

TEST_CASE("a session of more than a day shows its dates, not thousands of minutes left") {
  // A 30-day exhibition: foyer-feed validate warns, screens show its date range.
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.room.now = Talk("Exhibition", "2025-10-01T10:00:00+05:00", 30 * 24 * 60);
  DisplayList list = LayoutScreen(input, measurer);
  CHECK(Shows(list, "1 Oct 10:00 – 31 Oct 10:00"));
  CHECK_FALSE(Shows(list, "min left"));
}

TEST_CASE("nothing is laid out outside the panel") {
  FakeMeasurer measurer;
  for (auto [w, h] : {std::pair{800, 480}, {1920, 1080}, {1080, 1920}}) {
    ScreenInput input = InSession(w, h);
    input.room.now->title = std::string(40, 'W') + " " + std::string(300, 'x');
    input.room.next.push_back(Talk("Climate change", "2025-10-15T16:30:00+05:00", 60));
    input.room.next.push_back(Talk("Trade and transport", "2025-10-16T09:30:00+05:00", 60));
    DisplayList list = LayoutScreen(input, measurer);
    for (const DrawText& text : Texts(list)) {
      CAPTURE(text.text);
      CHECK(text.x >= 0);
      CHECK(text.y >= 0);
      CHECK(text.x + measurer.Width(text.text, text.style) <= w);
      CHECK(text.y + measurer.LineHeight(text.style) <= h);
    }
  }
}

TEST_CASE("a long speaker list keeps whole names and counts the rest") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(800, 480);
  input.room.now->speakers = {"Yerzhan Ashikbayev", "Joshua Lincoln",      "Charles McLean",
                              "Rhee Jong-kook",     "Magzum Mirzagaliyev", "Moderator: KazISS"};
  bool counted = false;
  for (const DrawText& text : Texts(LayoutScreen(input, measurer)))
    if (text.text.rfind("Yerzhan Ashikbayev", 0) == 0) {
      counted = text.text.find(" +") != std::string::npos;
      CHECK(text.text.find("…") == std::string::npos);
    }
  CHECK(counted);
}

TEST_CASE("type scales with the panel") {
  FakeMeasurer measurer;
  auto largest = [&](int w, int h) {
    int size = 0;
    for (const DrawText& text : Texts(LayoutScreen(InSession(w, h), measurer)))
      size = std::max(size, text.style.pixel_size);
    return size;
  };
  CHECK(largest(3840, 2160) == doctest::Approx(2 * largest(1920, 1080)).epsilon(0.05));
  CHECK(largest(800, 480) < largest(1920, 1080));
}

TEST_CASE("a break says when the next session starts") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.room.now.reset();
  input.room.state = RoomState::kBreak;
  input.now = At("2025-10-15T12:20:00+05:00");
  DisplayList list = LayoutScreen(input, measurer);
  CHECK(Shows(list, "Break"));
  CHECK(Shows(list, "Next at 13:00"));
}

TEST_CASE("a day that is over says when the room resumes") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.room.now.reset();
  input.room.state = RoomState::kDayOver;
  input.now = At("2025-10-15T19:00:00+05:00");
  input.room.next = {Talk("AI and trust", "2025-10-16T09:30:00+05:00", 90)};
  CHECK(Shows(LayoutScreen(input, measurer), "Resumes tomorrow 09:30"));
}

TEST_CASE("an empty cache says it is waiting for the schedule, in every chosen language") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.has_schedule = false;
  input.languages = {Language::kKazakh, Language::kEnglish};
  DisplayList list = LayoutScreen(input, measurer);
  CHECK(Shows(list, LabelText(Label::kWaiting, Language::kKazakh)));
  CHECK(Shows(list, "Waiting for the schedule"));
}

TEST_CASE("labels come in the configured languages, the first one primary") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.languages = {Language::kRussian, Language::kKorean};
  DisplayList list = LayoutScreen(input, measurer);
  CHECK(Shows(list, "Сейчас · 지금"));
  CHECK(Shows(list, "мин осталось"));
  for (Label label : {Label::kNow, Label::kNext, Label::kBreak, Label::kUpdated})
    for (const auto& language : kLanguageCodes.entries)
      CHECK_FALSE(LabelText(label, language.value).empty());
  CHECK(LabelText(Label::kNow, *kLanguageCodes.Parse("kk")) == "Қазір");
}

TEST_CASE("a stale schedule is noted discreetly without hiding it") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.status_note = "Updated 10:02";
  DisplayList list = LayoutScreen(input, measurer);
  CHECK(Shows(list, "Updated 10:02"));
  CHECK(Shows(list, "Multilateralism"));
}

TEST_CASE("the hallway lists each room with its now and next") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.hallway = true;
  HallwayRow main{"Main Hall", Talk("Main session", "2025-10-15T10:30:00+05:00", 90),
                  Talk("Second session", "2025-10-15T13:00:00+05:00", 90)};
  HallwayRow empty{"Press room", std::nullopt, std::nullopt};
  input.hall.rows = {main, empty};
  DisplayList list = LayoutScreen(input, measurer);
  CHECK(Shows(list, "Main Hall"));
  CHECK(Shows(list, "Main session"));
  CHECK(Shows(list, "Second session"));
  CHECK(Shows(list, "Press room"));
}

TEST_CASE("the same input lays out the same display list, and a new minute changes it") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  CHECK(LayoutScreen(input, measurer) == LayoutScreen(input, measurer));
  ScreenInput later = input;
  later.now += 60;
  CHECK_FALSE(LayoutScreen(input, measurer) == LayoutScreen(later, measurer));
}

TEST_CASE("the session's URL is shown as a QR code beside it, inside the panel") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.room.now->url = "https://forum.example.kz/2025/talk/T7GNNE/";
  DisplayList list = LayoutScreen(input, measurer);
  const DrawQr* qr = nullptr;
  for (const DrawItem& item : list.items)
    if (auto* found = std::get_if<DrawQr>(&item)) qr = found;
  REQUIRE(qr);
  CHECK(qr->data == input.room.now->url);
  CHECK(qr->rect.w == qr->rect.h);
  CHECK(qr->rect.w >= 200);  // large enough to scan from a metre on a 1080p panel
  CHECK(qr->rect.x + qr->rect.w <= 1920);
  ScreenInput urn = input;
  urn.room.now->url = "urn:uuid:7f0c2a52-0000-4000-8000-000000000001";  // nothing a phone opens
  for (const DrawItem& item : LayoutScreen(urn, measurer).items)
    CHECK_FALSE(std::holds_alternative<DrawQr>(item));
  for (const DrawText& text : Texts(list))  // no text runs under it
    if (text.y >= qr->rect.y && text.y < qr->rect.y + qr->rect.h)
      CHECK(text.x + measurer.Width(text.text, text.style) <= qr->rect.x);
}

TEST_CASE("a hallway pages through many rooms and shows every one") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(800, 480);
  input.hallway = true;
  for (int i = 0; i < 11; ++i)
    input.hall.rows.push_back({"Room " + std::to_string(i + 1), std::nullopt, std::nullopt});
  std::set<std::string> seen;
  std::set<std::string> indicators;
  const HallwayPaging paging = HallwayPagingOf(input);
  CHECK(paging.per_page == 6);
  CHECK(paging.pages == 2);
  for (UnixSeconds t = 0; t < 4 * paging.seconds; t += paging.seconds) {
    input.now = ParseIsoInstant("2025-10-15T10:40:00+05:00")->utc + t;
    for (const DrawText& text : Texts(LayoutScreen(input, measurer))) {
      if (text.text.rfind("Room ", 0) == 0) seen.insert(text.text);
      if (text.text.size() == 3 && text.text[1] == '/') indicators.insert(text.text);
    }
  }
  CHECK(seen.size() == 11);
  CHECK(indicators == std::set<std::string>{"1/2", "2/2"});
}

TEST_CASE("a congress hallway fits 10, 8 and 6 rooms a page and cycles within a minute") {
  struct Panel {
    int width, height, at_least;
  };
  for (Panel panel : {Panel{1920, 1080, 10}, Panel{1280, 720, 8}, Panel{800, 480, 6}}) {
    CAPTURE(panel.width);
    HallwayPaging paging = PageHallway(58, panel.width, panel.height, false);
    CHECK(paging.per_page >= panel.at_least);
    CHECK(paging.seconds >= 8);
    CHECK(paging.pages * paging.per_page >= 58);
    // 58 rows of at least 42 pixels do not fit 7 pages of 480 lines: 8 pages there.
    if (panel.height > 480) CHECK(paging.pages * paging.seconds <= 60);
    HallwayPaging forty = PageHallway(40, panel.width, panel.height, false);
    CHECK(forty.per_page >= panel.at_least);
    CHECK(forty.pages * forty.seconds <= 60);
  }
  // An announcement's band above the footer costs no rows at 1080p and 720p.
  CHECK(PageHallway(58, 1920, 1080, true).per_page >= 10);
  CHECK(PageHallway(58, 1280, 720, true).per_page >= 8);
  HallwayPaging few = PageHallway(4, 1920, 1080, false);
  CHECK(few.pages == 1);
  CHECK(few.PageAt(123456) == 0);
  HallwayPaging many = PageHallway(58, 1920, 1080, false);
  CHECK(many.PageAt(0) == 0);
  CHECK(many.PageAt(many.seconds - 1) == 0);
  CHECK(many.PageAt(many.seconds) == 1);
  CHECK(many.PageAt(many.pages * many.seconds) == 0);
}

TEST_CASE("a hallway shows room names of 32 characters whole, on every panel") {
  FakeMeasurer measurer;
  const std::vector<std::string> names = {"Chaoswellen Assembly Stage Hall",
                                          "Kidspace - Workshop Area North",
                                          "Bits&Bäume Workshop Room Berlin"};
  for (auto [width, height] : {std::pair{1920, 1080}, {1280, 720}, {800, 480}}) {
    CAPTURE(width);
    ScreenInput input = InSession(width, height);
    input.hallway = true;
    for (int i = 0; i < 12; ++i)
      input.hall.rows.push_back(
          {names[i % 3] + " " + std::to_string(i), std::nullopt, std::nullopt});
    DisplayList list = LayoutScreen(input, measurer);
    std::string shown;
    for (const DrawText& text : Texts(list)) {
      CHECK(text.text.find("…") == std::string::npos);
      shown += text.text + " ";
    }
    for (int i = 0; i < HallwayPagingOf(input).per_page; ++i)
      for (const char* word : {"Chaoswellen", "Kidspace", "Bits&Bäume", "Workshop"})
        if (input.hall.rows[i].room.find(word) != std::string::npos) CHECK(Shows(list, word));
  }
}

TEST_CASE("a hallway with no room left today says why: before, between and after the days") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1280, 720);
  input.hallway = true;
  input.hall.resumes = At("2025-10-16T09:00:00+05:00");
  input.hall.state = RoomState::kBeforeEvent;
  DisplayList before = LayoutScreen(input, measurer);
  CHECK(Shows(before, "Astana Think Tank Forum 2025"));
  CHECK(Shows(before, "Starts tomorrow 09:00"));
  CHECK_FALSE(Shows(before, "That's all for today"));
  input.hall.state = RoomState::kDayOver;
  DisplayList between = LayoutScreen(input, measurer);
  CHECK(Shows(between, "That's all for today"));
  CHECK(Shows(between, "Resumes tomorrow 09:00"));
  input.hall.state = RoomState::kAfterEvent;
  CHECK(Shows(LayoutScreen(input, measurer), "The event has ended"));
}

TEST_CASE("a full room is marked on the hallway board") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.hallway = true;
  input.languages = {Language::kEnglish, Language::kKazakh};
  input.hall.rows.push_back({"Hall A", input.room.now, std::nullopt, true});
  input.hall.rows.push_back({"Hall B", input.room.now, std::nullopt, false});
  DisplayList list = LayoutScreen(input, measurer);
  int marks = 0;
  for (const DrawText& text : Texts(list)) marks += text.text.find("Full") != std::string::npos;
  CHECK(marks == 1);
}

TEST_CASE("a full room's door screen says so in a large band in each of its languages") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1280, 720);
  input.languages = {Language::kKazakh, Language::kRussian, Language::kEnglish};
  Announcement full;
  full.level = AnnouncementLevel::kFull;
  full.text = "Room full";
  full.rooms = {"Main Hall"};
  input.announcements = {full};
  DisplayList list = LayoutScreen(input, measurer);
  for (Language language : input.languages) {
    bool found = false;
    for (const DrawText& text : Texts(list))
      found |= text.text.find(LabelText(Label::kRoomFull, language).substr(0, 8)) == 0;
    CHECK(found);
  }
  int biggest = 0;
  for (const DrawText& text : Texts(list))
    if (text.text.rfind(LabelText(Label::kRoomFull, Language::kKazakh).substr(0, 8), 0) == 0)
      biggest = std::max(biggest, text.style.pixel_size);
  CHECK(biggest >= 50);  // 84 units on a 720-line panel: as large as a session's title
  CHECK(Shows(list, "Multilateralism"));  // the schedule stays below it
}

TEST_CASE("a sleeping screen draws nothing on black") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.asleep = true;
  DisplayList list = LayoutScreen(input, measurer);
  CHECK(list.items.empty());
  CHECK(list.background.r == 0);
  CHECK(list.background.g == 0);
  CHECK(list.background.b == 0);
}

TEST_CASE("a screen's own line shows whole and large at every size and turn") {
  FakeMeasurer measurer;
  const std::string info = "Interpretation: channel 1 қазақша · 2 русский · 3 English";
  for (auto [width, height] :
       {std::pair{1920, 1080}, {1280, 720}, {800, 480}, {1080, 1920}, {480, 800}}) {
    CAPTURE(width);
    ScreenInput input = InSession(width, height);
    input.info = info;
    DisplayList list = LayoutScreen(input, measurer);
    std::string shown;
    int size = 0, bottom = 0;
    for (const DrawText& text : Texts(list))
      if (text.text.find("қазақша") != std::string::npos || text.text.find("Interpretation") == 0 ||
          text.text.find("English") != std::string::npos) {
        shown += text.text + " ";
        size = text.style.pixel_size;
        bottom = std::max(bottom, text.y + measurer.LineHeight(text.style));
      }
    CHECK(shown.find("Interpretation:") != std::string::npos);
    CHECK(shown.find("3 English") != std::string::npos);
    CHECK(shown.find("…") == std::string::npos);
    CHECK(size >= std::min(width, height) * 36 / 1080);
    CHECK(bottom <= height);
  }
}

TEST_CASE("an emergency takes the whole screen and hides the schedule") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  Announcement fire;
  fire.level = AnnouncementLevel::kEmergency;
  fire.text = "Leave the building by the nearest exit";
  input.announcements = {fire};
  DisplayList list = LayoutScreen(input, measurer);
  CHECK(Shows(list, "Leave the building"));
  CHECK_FALSE(Shows(list, "Multilateralism"));
  const FillRect* first = std::get_if<FillRect>(&list.items.front());
  REQUIRE(first);
  CHECK(first->rect == Rect{0, 0, 1920, 1080});
}

TEST_CASE("an untrusted clock shows no session and no time") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.clock_unknown = true;
  DisplayList list = LayoutScreen(input, measurer);
  CHECK(Shows(list, "Waiting for the correct time"));
  CHECK_FALSE(Shows(list, "Multilateralism"));
  CHECK_FALSE(Shows(list, "10:40"));
}

std::vector<std::string> Split(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at - start));
    if (at == std::string::npos) return parts;
    start = at + separator.size();
  }
}

std::vector<std::string> Crowd(size_t count) {
  std::vector<std::string> speakers;
  for (size_t i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "Speaker Number%05zu", i);
    speakers.push_back(name);
  }
  return speakers;
}

std::string HugeTitle(size_t bytes) {
  const std::string words = "Multilateralism and global governance amid division ";
  std::string title;
  while (title.size() < bytes) title += words;
  return title;
}

TEST_CASE(
    "10,000 speakers and a 1 MB title: whole names, +N for the rest, and only what fits is "
    "measured") {
  for (auto [w, h] : {std::pair{800, 480}, {1920, 1080}}) {
    CAPTURE(w);
    CountingMeasurer measurer;
    ScreenInput input = InSession(w, h);
    const std::vector<std::string> speakers = Crowd(10000);
    input.room.now->speakers = speakers;
    input.room.now->title = HugeTitle(1 << 20);
    input.room.next.front().speakers = speakers;
    input.room.next.front().title = HugeTitle(1 << 20);
    DisplayList list = LayoutScreen(input, measurer);

    const DrawText* line = nullptr;
    std::vector<const DrawText*> title;
    for (const DrawItem& item : list.items)
      if (auto* text = std::get_if<DrawText>(&item)) {
        if (text->text.rfind("Speaker Number00000", 0) == 0) line = text;
        if (text->text.rfind("Multilateralism", 0) == 0 || text->text.rfind("amid", 0) == 0 ||
            text->text.rfind("global", 0) == 0 || text->text.rfind("division", 0) == 0 ||
            text->text.rfind("governance", 0) == 0 || text->text.rfind("and", 0) == 0)
          title.push_back(text);
      }
    REQUIRE(line);
    CHECK(line->text.find("…") == std::string::npos);
    std::vector<std::string> count = Split(line->text, " +");
    REQUIRE(count.size() == 2);
    std::vector<std::string> names = Split(count[0], ", ");
    CHECK(names.size() >= 1);
    for (size_t i = 0; i < names.size(); ++i) CHECK(names[i] == speakers[i]);
    CHECK(count[1] == std::to_string(speakers.size() - names.size()));

    REQUIRE(title.size() >= 2);
    CHECK(title.size() <= 3);
    CHECK(title.back()->text.substr(title.back()->text.size() - 3) == "…");
    for (const DrawText* text : title) CHECK(measurer.Width(text->text, text->style) <= w);
    // The feed holds 1.2 MB of speakers and 2 MB of titles.
    CHECK(measurer.measured_bytes < 16 * 1024);
  }
}

// The speakers line as layout had it before it was bounded: all, or the most
// names with "+N" that fit, tried from the longest list down.
std::string ReferenceSpeakers(const std::vector<std::string>& speakers, const TextStyle& style,
                              int max_width, TextMeasurer& measure) {
  auto join = [&](size_t count) {
    std::string joined;
    for (size_t i = 0; i < count; ++i) joined += (i ? ", " : "") + speakers[i];
    return joined;
  };
  std::string all = join(speakers.size());
  if (measure.Width(all, style) <= max_width || speakers.size() < 2) return all;
  for (size_t shown = speakers.size() - 1; shown >= 1; --shown) {
    std::string text = join(shown) + " +" + std::to_string(speakers.size() - shown);
    if (measure.Width(text, style) <= max_width) return text;
  }
  return speakers.front() + " +" + std::to_string(speakers.size() - 1);
}

TEST_CASE("the speakers line is the longest list of whole names that fits, as before") {
  FakeMeasurer measurer;
  const std::vector<std::string> pool = {"Yerzhan Ashikbayev", "Jo Li",  "Charles McLean",
                                         "Rhee Jong-kook",     "M",      "Magzum Mirzagaliyev",
                                         "Moderator: KazISS",  "Ann Ng", "Ilyas Khan"};
  for (auto [w, h] : {std::pair{800, 480}, {1280, 720}, {1920, 1080}})
    for (size_t count = 1; count <= pool.size(); ++count) {
      CAPTURE(w);
      CAPTURE(count);
      ScreenInput input = InSession(w, h);
      input.room.now->speakers.assign(pool.begin(), pool.begin() + count);
      const int text_width = w - 2 * static_cast<int>(std::lround(56 * h / 1080.0)) -
                             static_cast<int>(std::lround(36 * h / 1080.0));
      const TextStyle style{std::max(8, static_cast<int>(std::lround(48 * h / 1080.0))),
                            FontWeight::kRegular};
      std::string expected =
          Ellipsize(ReferenceSpeakers(input.room.now->speakers, style, text_width, measurer), style,
                    text_width, measurer);
      CHECK(Shows(LayoutScreen(input, measurer), expected));
    }
}

// The longest prefix, cut between codepoints, that fits with "…": what
// Ellipsize found by bisecting the whole text before it was bounded.
std::string ReferenceEllipsize(const std::string& text, const TextStyle& style, int max_width,
                               TextMeasurer& measure) {
  if (measure.Width(text, style) <= max_width) return text;
  std::vector<char32_t> codepoints = DecodeUtf8(text);
  for (size_t keep = codepoints.size(); keep > 0; --keep) {
    std::string prefix;
    for (size_t i = 0; i < keep; ++i) AppendUtf8(prefix, codepoints[i]);
    while (!prefix.empty() && prefix.back() == ' ') prefix.pop_back();
    if (measure.Width(prefix + "…", style) <= max_width) return prefix + "…";
  }
  return measure.Width("…", style) <= max_width ? "…" : "";
}

TEST_CASE("ellipsizing finds the longest prefix that fits, however long the text") {
  FakeMeasurer measurer;
  TextStyle style{10, FontWeight::kRegular};
  for (const std::string& text : {std::string("Multilateralism and global governance"),
                                  std::string("国际安全与核裁军会议 and more"),
                                  std::string("Қазақстан стратегиялық зерттеулер институты"),
                                  std::string("a  b   c    d"), HugeTitle(100000)})
    for (int width = 0; width <= 260; width += 7) {
      CAPTURE(width);
      CHECK(Ellipsize(text, style, width, measurer) ==
            ReferenceEllipsize(text.substr(0, 400), style, width, measurer));
    }
}

TEST_CASE("a right-to-left title sits at the right of its box and each line keeps its direction") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  input.room.now->title =
      "ביטחון מים ושיתוף פעולה Water security and cooperation in Central Asia אזורי במרכז אסיה";
  input.room.now->speakers = {"נועה כהן", "David Levi"};
  DisplayList list = LayoutScreen(input, measurer);
  int right = -1, lines = 0;
  for (const DrawText& text : Texts(list)) {
    if (text.style.pixel_size != 84 && text.style.pixel_size != 64) continue;
    if (text.text == "Main Hall") continue;  // the header, in 64 px too
    ++lines;
    CHECK(IsRightToLeft(text.text));  // an RLM in front where the line starts with Latin
    const int edge = text.x + measurer.Width(text.text, text.style);
    if (right < 0) right = edge;
    CHECK(edge == right);
  }
  CHECK(lines >= 2);
  CHECK(right == 1920 - 56);  // no QR code: the box ends at the margin
  CHECK(Shows(list, "נועה כהן, David Levi"));
}

TEST_CASE("a title from the feed inside a sentence of ours is isolated from it") {
  FakeMeasurer measurer;
  ScreenInput input = InSession(1920, 1080);
  Session& moved = input.room.next.front();
  const std::string override_left = "\xE2\x80\xAE";  // U+202E, which the feed never closes
  const std::string isolate = "\u2068", pop_isolate = "\u2069";
  moved.room = "Hall B";
  moved.title = override_left + "open override";
  DisplayList list = LayoutScreen(input, measurer);
  // The isolate ends the override before our words: "now in Hall B" is not reversed.
  CHECK(Shows(
      list, isolate + moved.title + pop_isolate + " — now in " + isolate + "Hall B" + pop_isolate));
  moved.cancelled = true;
  CHECK(Shows(LayoutScreen(input, measurer), "Cancelled: " + isolate + moved.title + pop_isolate));
}

}  // namespace
}  // namespace foyer
