// Golden images: every screen and state of the demo, drawn by `foyer
// --screenshot` with the software renderer at two sizes, compared with the
// PNGs in tests/golden/ (a few pixels may differ: anti-aliasing). After an
// intended change, look at the new images, then refresh them with
//   FOYER_UPDATE_GOLDEN=1 build/tests/app_test -tc='*golden*'
// tools/gallery draws the same screens into a folder at any sizes
// (FOYER_GALLERY_DIR, FOYER_GALLERY_SIZES) instead of comparing them.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "render/png.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

struct Case {
  const char* name;
  const char* display;  // [display] lines
  const char* at;
  bool synced = true;
  bool announcements = false;
};

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
};

const char* kAnnouncements = R"({"announcements": [
  {"id": "moved", "text": "Trade in a fragmented world economy moves to Hall B at 17:00",
   "level": "warning", "rooms": ["Hall A"], "starts": "2025-10-15T15:00:00+05:00",
   "ends": "2025-10-15T17:00:00+05:00"},
  {"id": "fire", "text": "Fire alarm: leave the building by the nearest exit. Өрт дабылы: ғимараттан шығыңыз.",
   "level": "emergency", "rooms": [], "starts": "2025-10-15T16:00:00+05:00",
   "ends": "2025-10-15T16:20:00+05:00"}]})";

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

std::vector<std::string> Sizes() {
  const char* sizes = std::getenv("FOYER_GALLERY_SIZES");
  if (!sizes || !std::getenv("FOYER_GALLERY_DIR")) return {"800x480", "1280x720"};
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

TEST_CASE("every screen matches its golden image at two sizes") {
  const char* gallery = std::getenv("FOYER_GALLERY_DIR");
  const bool update = std::getenv("FOYER_UPDATE_GOLDEN") != nullptr || gallery;
  const std::string golden =
      gallery ? std::string(gallery) : std::string(FOYER_SOURCE_DIR) + "/tests/golden";
  for (const Case& c : kCases) {
    testing::TempDir dir;
    std::string config = dir.File("screen.toml");
    testing::WriteFile(dir.File("announcements.json"), kAnnouncements);
    testing::WriteFile(config,
                       "[feed]\nurl = \"" + testing::DemoFeed() + "\"\n" +
                           (c.announcements ? "announcements_url = \"announcements.json\"\n" : "") +
                           "[display]\n" + c.display + "\n[cache]\npath = \"cache.db\"\n");
    if (c.synced) REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
    for (const std::string& size : Sizes()) {
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
