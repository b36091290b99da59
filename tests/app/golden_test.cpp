// Golden images: every screen and state of the demo, and its main hall with
// titles in scripts the demo lacks (Arabic and Persian, Hebrew, the two mixed
// with Latin and bidi controls, Zalgo marks), drawn by `foyer --screenshot`
// with the software renderer at two sizes, compared with the PNGs in
// tests/golden/ (a few pixels may differ: anti-aliasing). After an
// intended change, look at the new images, then refresh them with
//   FOYER_UPDATE_GOLDEN=1 build/tests/app_test -tc='*golden*'
// tools/gallery draws the same screens into a folder at any sizes
// (FOYER_GALLERY_DIR, FOYER_GALLERY_SIZES) instead of comparing them.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "render/png.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

// Main Hall's session at 10:30 on the first day and the two after it,
// retitled for scripts the demo feed does not have.
struct Retitled {
  std::string now;
  std::vector<std::string> speakers;  // of the session on now
  std::vector<std::string> next;
};

// Every letter with thirty combining marks, above and below.
std::string Zalgo(const std::string& text) {
  std::string zalgo;
  for (char letter : text) {
    zalgo += letter;
    if (letter != ' ')
      for (char32_t mark = 0x0300; mark < 0x0300 + 30; ++mark) AppendUtf8(zalgo, mark);
  }
  return zalgo;
}

const Retitled kArabic{"الحوكمة العالمية وتعددية الأطراف في زمن الانقسام المستمر",
                       {"محمد العلي", "سارة حداد", "Joshua Lincoln"},
                       {"الأَمْنُ المائيّ في آسيا الوسطى", "امنیت آب و تغییرات اقلیمی در ۲۰۲۵"}};
const Retitled kHebrew{"ביטחון מים ושיתוף פעולה אזורי במרכז אסיה",
                       {"נועה כהן", "David Levi"},
                       {"בינה מלאכותית ואמון בעידן של פילוג", "סחר בכלכלה עולמית מפוצלת"}};
// Latin, Arabic and Hebrew in one title; an RLI isolate and an RLO override.
const Retitled kMixedBidi{
    "Water security: الأمن المائي and שיתוף פעולה in Central Asia 2025",
    {"Yerzhan Ashikbayev", "محمد العلي"},
    {"مؤتمر Open Source للتقنية 2025",
     "Isolated: \u2067عربي 2025\u2069, overridden: \u202Eabc\u202C, then English"}};
const Retitled kZalgo{Zalgo("Zalgo title breaks the screen"),
                      {"Yerzhan Ashikbayev"},
                      {Zalgo("Next Zalgo"), "Plain next title"}};

struct Case {
  const char* name;
  const char* display;  // [display] lines
  const char* at;
  bool synced = true;
  bool announcements = false;
  const Retitled* retitled = nullptr;  // the demo feed as it is
  const char* real_feed = nullptr;     // a congress feed of tests/data/feeds instead of the demo
  std::vector<std::string> sizes = {"800x480", "1280x720"};
};

const char* kCongress39c3 = "voc-39c3-everything.schedule.json";

const Case kCases[] = {
    {"room-in-session",
     "mode = \"room\"\nroom = \"Main Hall\"\nlanguages = [\"en\", \"kk\"]\nlogo = "
     "\"" FOYER_SOURCE_DIR "/assets/demo/logo.png\"",
     "2025-10-15T10:40:00+05:00"},
    {"room-break", "mode = \"room\"\nroom = \"Main Hall\"", "2025-10-15T12:20:00+05:00"},
    {"room-day-over", "mode = \"room\"\nroom = \"Hall B\"\nlanguages = [\"ru\", \"en\"]",
     "2025-10-15T19:00:00+05:00"},
    {"room-before-event", "mode = \"room\"\nroom = \"Main Hall\"", "2025-10-14T18:00:00+05:00"},
    {"room-after-event", "mode = \"room\"\nroom = \"Main Hall\"\nlanguages = [\"kk\", \"en\"]",
     "2025-10-17T12:00:00+05:00"},
    {"room-korean", "mode = \"room\"\nroom = \"Зал Астана\"\nlanguages = [\"ko\", \"en\"]",
     "2025-10-16T10:20:00+05:00"},
    {"room-waiting", "mode = \"room\"\nroom = \"Main Hall\"", "2025-10-15T10:40:00+05:00", false},
    {"room-light", "mode = \"room\"\nroom = \"Main Hall\"\ntheme = \"light\"",
     "2025-10-15T13:30:00+05:00"},
    {"room-warning", "mode = \"room\"\nroom = \"Hall A\"", "2025-10-15T15:10:00+05:00", true, true},
    {"room-emergency", "mode = \"room\"\nroom = \"Main Hall\"", "2025-10-15T16:10:00+05:00", true,
     true},
    {"hallway", "mode = \"hallway\"\nlanguages = [\"en\", \"ru\"]", "2025-10-15T15:10:00+05:00"},
    {"room-arabic", "mode = \"room\"\nroom = \"Main Hall\"", "2025-10-15T10:40:00+05:00", true,
     false, &kArabic},
    {"room-hebrew", "mode = \"room\"\nroom = \"Main Hall\"", "2025-10-15T10:40:00+05:00", true,
     false, &kHebrew},
    {"room-mixed-bidi", "mode = \"room\"\nroom = \"Main Hall\"", "2025-10-15T10:40:00+05:00", true,
     false, &kMixedBidi},
    {"room-zalgo", "mode = \"room\"\nroom = \"Main Hall\"", "2025-10-15T10:40:00+05:00", true,
     false, &kZalgo},
    // A congress of 58 rooms on day 2: the rooms left today, 10, 8 and 6 a page.
    {"hallway-39c3",
     "mode = \"hallway\"\nlanguages = [\"en\", \"kk\"]",
     "2025-12-28T14:20:00+01:00",
     true,
     false,
     nullptr,
     kCongress39c3,
     {"800x480", "1280x720", "1920x1080"}},
    {"hallway-39c3-korean",
     "mode = \"hallway\"\nlanguages = [\"ko\", \"en\"]\nhallway_order = \"next\"",
     "2025-12-28T20:10:00+01:00",
     true,
     false,
     nullptr,
     kCongress39c3,
     {"1280x720"}},
    {"hallway-36c3",
     "mode = \"hallway\"\nlanguages = [\"ru\", \"en\"]",
     "2019-12-28T14:20:00+01:00",
     true,
     false,
     nullptr,
     "voc-36c3-everything.schedule.json",
     {"1920x1080"}},
    {"hallway-38c3",
     "mode = \"hallway\"\nlanguages = [\"kk\", \"en\"]",
     "2024-12-28T14:20:00+01:00",
     true,
     false,
     nullptr,
     "hub-38c3-schedule.xml",
     {"800x480"}},
    {"hallway-full", "mode = \"hallway\"\nlanguages = [\"en\", \"kk\"]",
     "2025-10-15T10:40:00+05:00", true, true},
    {"room-full", "mode = \"room\"\nroom = \"Main Hall\"\nlanguages = [\"kk\", \"ru\", \"en\"]",
     "2025-10-15T10:40:00+05:00", true, true},
    {"room-asleep", "mode = \"room\"\nroom = \"Main Hall\"\nhours = \"08:00-20:00\"",
     "2025-10-15T21:00:00+05:00"},
    {"room-info",
     "mode = \"room\"\nroom = \"Main Hall\"\nlanguages = [\"kk\", \"en\"]\ninfo = "
     "\"Interpretation: channel 1 қазақша · 2 русский · 3 English\"",
     "2025-10-15T10:40:00+05:00"},
    {"room-info-turned",
     "mode = \"room\"\nroom = \"Зал Астана\"\nrotation = 90\nlanguages = [\"ru\", \"en\"]\n"
     "info = \"Синхронный перевод: канал 1 қазақша · 2 русский · 3 English\"",
     "2025-10-16T10:20:00+05:00",
     true,
     false,
     nullptr,
     nullptr,
     {"800x480", "1920x1080"}},
};

const char* kAnnouncements = R"({"announcements": [
  {"id": "moved", "text": "Trade in a fragmented world economy moves to Hall B at 17:00",
   "level": "warning", "rooms": ["Hall A"], "starts": "2025-10-15T15:00:00+05:00",
   "ends": "2025-10-15T17:00:00+05:00"},
  {"id": "fire", "text": "Fire alarm: leave the building by the nearest exit. Өрт дабылы: ғимараттан шығыңыз.",
   "level": "emergency", "rooms": [], "starts": "2025-10-15T16:00:00+05:00",
   "ends": "2025-10-15T16:20:00+05:00"},
  {"id": "full", "text": "Room full", "level": "full", "rooms": ["Main Hall"],
   "starts": "2025-10-15T10:35:00+05:00", "ends": "2025-10-15T11:00:00+05:00"}]})";

// The feed a case shows: the demo's, retitled into dir when the case asks.
std::string Feed(const Case& c, const testing::TempDir& dir) {
  if (c.real_feed) return testing::RealFeed(c.real_feed);
  if (!c.retitled) return testing::DemoFeed();
  auto feed = nlohmann::json::parse(testing::ReadFile(testing::DemoFeed()));
  auto& hall = feed["schedule"]["conference"]["days"][0]["rooms"]["Main Hall"];
  hall[1]["title"] = c.retitled->now;
  hall[1]["persons"] = nlohmann::json::array();
  for (size_t i = 0; i < c.retitled->speakers.size(); ++i)
    hall[1]["persons"].push_back({{"id", 9000 + i}, {"public_name", c.retitled->speakers[i]}});
  for (size_t i = 0; i < c.retitled->next.size(); ++i) hall[2 + i]["title"] = c.retitled->next[i];
  const std::string path = dir.File("schedule.json");
  testing::WriteFile(path, feed.dump());
  return path;
}

// Share of pixels whose colour differs noticeably.
double Difference(const Image& a, const Image& b) {
  size_t differing = 0;
  for (size_t i = 0; i < a.rgba.size(); ++i) {
    std::uint32_t x = a.rgba[i], y = b.rgba[i];
    for (int shift = 8; shift < 32; shift += 8)
      if (std::abs(int((x >> shift) & 255) - int((y >> shift) & 255)) > 48) {
        ++differing;
        break;
      }
  }
  return double(differing) / double(a.rgba.size());
}

// The case's sizes; a gallery's when it asks for its own.
std::vector<std::string> Sizes(const Case& c) {
  const char* sizes = std::getenv("FOYER_GALLERY_SIZES");
  if (!sizes || !std::getenv("FOYER_GALLERY_DIR")) return c.sizes;
  std::vector<std::string> list;
  std::string all = sizes;
  for (size_t start = 0; start < all.size();) {
    size_t comma = all.find(',', start);
    if (comma == std::string::npos) comma = all.size();
    list.push_back(all.substr(start, comma - start));
    start = comma + 1;
  }
  return list;
}

TEST_CASE("every screen matches its golden image at its sizes") {
  const char* gallery = std::getenv("FOYER_GALLERY_DIR");
  const bool update = std::getenv("FOYER_UPDATE_GOLDEN") != nullptr || gallery;
  const std::string golden =
      gallery ? std::string(gallery) : std::string(FOYER_SOURCE_DIR) + "/tests/golden";
  for (const Case& c : kCases) {
    testing::TempDir dir;
    std::string config = dir.File("screen.toml");
    testing::WriteFile(dir.File("announcements.json"), kAnnouncements);
    testing::WriteFile(config,
                       "[feed]\nurl = \"" + Feed(c, dir) + "\"\n" +
                           (c.announcements ? "announcements_url = \"announcements.json\"\n" : "") +
                           "[display]\n" + c.display + "\n[cache]\npath = \"cache.db\"\n");
    if (c.synced) REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
    for (const std::string& size : Sizes(c)) {
      std::string name = std::string(c.name) + "-" + size + ".png";
      CAPTURE(name);
      std::string shot = dir.File(name);
      REQUIRE(
          testing::Foyer({"--config", config, "--screenshot", shot, "--at", c.at, "--size", size})
              .exit_code == 0);
      if (update) {
        std::filesystem::create_directories(golden);
        std::filesystem::copy_file(shot, golden + "/" + name,
                                   std::filesystem::copy_options::overwrite_existing);
        continue;
      }
      auto expected = ReadPng(golden + "/" + name);
      REQUIRE_MESSAGE(expected.ok(), expected.status().ToString());
      auto actual = ReadPng(shot);
      REQUIRE(actual.ok());
      REQUIRE(actual->width == expected->width);
      REQUIRE(actual->height == expected->height);
      double difference = Difference(*actual, *expected);
      INFO("differs in " << difference * 100 << "% of pixels; the new image: " << shot);
      CHECK(difference < 0.005);
    }
  }
}

}  // namespace
}  // namespace foyer
