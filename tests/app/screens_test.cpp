// What attendees see, checked on real PNGs drawn by `foyer --screenshot`: the
// QR code scans, a turned panel gets a turned picture of its physical size.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "render/png.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

using testing::Foyer;

struct DemoScreen {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  explicit DemoScreen(const std::string& display) {
    testing::WriteFile(config, "[feed]\nurl = \"" + testing::DemoFeed() + "\"\n[display]\n" +
                                   display + "\n[cache]\npath = \"cache.db\"\n");
    REQUIRE(Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  }
  Image Shot(const std::string& at, const std::string& size) {
    std::string png = dir.File("shot.png");
    auto run = Foyer({"--config", config, "--screenshot", png, "--at", at, "--size", size});
    REQUIRE(run.exit_code == 0);
    auto image = ReadPng(png);
    REQUIRE(image.ok());
    return *image;
  }
};

TEST_CASE("the QR code on the room screen scans as the session's URL") {
  REQUIRE_MESSAGE(std::system("command -v zbarimg >/dev/null") == 0,
                  "zbarimg is missing: apt-get install -y zbar-tools (tools/deps --test)");
  DemoScreen screen("mode = \"room\"\nroom = \"Main Hall\"");
  for (const char* size : {"1920x1080", "800x480"}) {
    CAPTURE(size);
    std::string png = screen.dir.File("qr.png");
    REQUIRE(Foyer({"--config", screen.config, "--screenshot", png, "--at",
                   "2025-10-15T10:40:00+05:00", "--size", size})
                .exit_code == 0);
    auto decoded = testing::RunCommand("zbarimg -q --raw " + testing::ShellQuote(png));
    std::string url = nlohmann::json::parse(
        Foyer({"--config", screen.config, "--print", "--at", "2025-10-15T10:40:00+05:00"})
            .out)["now"]["url"];
    CHECK(decoded.find(url) != std::string::npos);
  }
}

TEST_CASE("a panel mounted turned gets a turned picture of its physical size") {
  DemoScreen upright("mode = \"room\"\nroom = \"Main Hall\"");
  DemoScreen turned("mode = \"room\"\nroom = \"Main Hall\"\nrotation = 90");
  Image straight = upright.Shot("2025-10-15T10:40:00+05:00", "1080x1920");
  Image quarter = turned.Shot("2025-10-15T10:40:00+05:00", "1920x1080");
  REQUIRE(quarter.width == 1920);
  REQUIRE(quarter.height == 1080);
  // Turned 90 degrees clockwise: the upright picture's pixel (x, y) lands at (H-1-y, x).
  size_t same = 0, total = 0;
  for (int y = 0; y < straight.height; y += 37)
    for (int x = 0; x < straight.width; x += 29) {
      ++total;
      same += straight.At(x, y) == quarter.At(straight.height - 1 - y, x);
    }
  CHECK(same > total * 99 / 100);
}

TEST_CASE("a hallway with more rooms than fit pages through them") {
  DemoScreen screen("mode = \"hallway\"");
  // 640x360 holds 3 of the demo's 5 rooms left at 10:40.
  Image first = screen.Shot("2025-10-15T10:40:00+05:00", "640x360");
  Image second = screen.Shot("2025-10-15T10:40:12+05:00", "640x360");
  CHECK(first.rgba != second.rgba);
  Image again = screen.Shot("2025-10-15T10:40:24+05:00", "640x360");
  CHECK(again.rgba == first.rgba);  // two pages, turning every 12 seconds
}

}  // namespace
}  // namespace foyer
