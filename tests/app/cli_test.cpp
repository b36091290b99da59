// The foyer command as venue staff and checks use it: a real binary, a real
// feed on file:// and a real SQLite cache.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "render/png.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

using nlohmann::json;
using testing::Foyer;

struct Screen {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  explicit Screen(const std::string& display, const std::string& feed = testing::RealFeed(
                                                  "pretalx-democon-2020.schedule.json")) {
    testing::WriteFile(config, "[feed]\nurl = \"file://" + feed + "\"\n[display]\n" + display +
                                   "\n[cache]\npath = \"cache.db\"\n");
  }
  testing::Run Do(std::vector<std::string> args, const std::string& environment = "") {
    args.insert(args.begin(), {"--config", config});
    return Foyer(args, environment);
  }
  json Print(const std::string& at) {
    auto run = Do({"--print", "--at", at});
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
  }
};

TEST_CASE("--sync-once imports the feed, then finds it unchanged") {
  Screen screen("mode = \"room\"\nroom = \"Gray Room\"");
  auto first = screen.Do({"--sync-once"});
  CHECK(first.exit_code == 0);
  json result = json::parse(first.out);
  CHECK(result["result"] == "updated");
  CHECK(result["sessions"] == 36);
  CHECK(result["rooms"] == 2);
  CHECK(first.err.find("sync: updated") != std::string::npos);  // the log line
  auto second = screen.Do({"--sync-once"});
  CHECK(second.exit_code == 0);
  CHECK(json::parse(second.out)["result"] == "unchanged");
}

TEST_CASE("--sync-once of a missing feed fails with exit 1 and keeps the cache") {
  testing::TempDir other;
  std::string feed = other.File("schedule.json");
  testing::WriteFile(feed,
                     testing::ReadFile(testing::RealFeed("pretalx-democon-2020.schedule.json")));
  Screen screen("mode = \"room\"\nroom = \"Gray Room\"", feed);
  REQUIRE(screen.Do({"--sync-once"}).exit_code == 0);
  std::filesystem::remove(feed);
  auto run = screen.Do({"--sync-once"});
  CHECK(run.exit_code == 1);
  json result = json::parse(run.out);
  CHECK(result["result"] == "failed");
  CHECK(result["error"].get<std::string>().find("feed.url") != std::string::npos);
  CHECK(screen.Print("2020-12-14T09:10:00+01:00")["now"]["title"] ==
        "Focused 5thgeneration hardware");
}

TEST_CASE("--print tells what the room screen shows, at an instant in any offset") {
  Screen screen("mode = \"room\"\nroom = \"Gray Room\"");
  REQUIRE(screen.Do({"--sync-once"}).exit_code == 0);
  for (const char* at : {"2020-12-14T09:10:00+01:00", "2020-12-14T08:10:00Z"}) {
    json p = screen.Print(at);
    CHECK(p["mode"] == "room");
    CHECK(p["room"] == "Gray Room");
    CHECK(p["state"] == "in_session");
    CHECK(p["now"]["start"] == "09:00");
    CHECK(p["now"]["end"] == "09:30");
    CHECK(p["now"]["date"] == "2020-12-14");
    CHECK(p["now"]["speakers"] == json::array({"Brian Robinson"}));
    CHECK(p["next"].size() == 3);
    CHECK(p["announcements"] == json::array());
    CHECK(p["stale"] == false);
    CHECK(p["last_sync"].is_string());
  }
  CHECK(screen.Print("2020-12-01T12:00:00Z")["state"] == "before_event");
  CHECK(screen.Print("2021-01-01T12:00:00Z")["state"] == "after_event");
}

TEST_CASE("--print before any sync shows no schedule and no last sync") {
  Screen screen("mode = \"room\"\nroom = \"Gray Room\"");
  json p = screen.Print("2020-12-14T09:10:00+01:00");
  CHECK(p["now"].is_null());
  CHECK(p["last_sync"].is_null());
  CHECK(p["has_schedule"] == false);
}

TEST_CASE("the hallway --print lists every room with its now and next") {
  Screen screen("mode = \"hallway\"");
  REQUIRE(screen.Do({"--sync-once"}).exit_code == 0);
  json p = screen.Print("2020-12-14T09:10:00+01:00");
  CHECK(p["mode"] == "hallway");
  REQUIRE(p["rooms"].size() == 2);
  CHECK(p["rooms"][0]["room"] == "Gray Room");
  CHECK(p["rooms"][0]["now"]["start"] == "09:00");
  CHECK(p["rooms"][1]["room"] == "Tan Room");
}

TEST_CASE("--check accepts a good config, and names the file and line of a bad one") {
  Screen good("mode = \"room\"\nroom = \"Gray Room\"");
  CHECK(good.Do({"--check"}).exit_code == 0);
  Screen bad("mode = \"sideways\"\nroom = \"Gray Room\"");
  auto run = bad.Do({"--check"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(bad.config + ":4: display.mode") != std::string::npos);
}

TEST_CASE("--check refuses a room the synced schedule does not have, listing those it has") {
  Screen screen("mode = \"room\"\nroom = \"Grey Room\"");
  REQUIRE(screen.Do({"--sync-once"}).exit_code == 0);
  auto run = screen.Do({"--check"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("\"Grey Room\" is not in the cached schedule") != std::string::npos);
  CHECK(run.err.find("Gray Room, Tan Room") != std::string::npos);
}

TEST_CASE("--screenshot draws a PNG of the requested size without a display server") {
  Screen screen("mode = \"room\"\nroom = \"Gray Room\"");
  REQUIRE(screen.Do({"--sync-once"}).exit_code == 0);
  std::string png = screen.dir.File("shot.png");
  auto run =
      screen.Do({"--screenshot", png, "--at", "2020-12-14T09:10:00+01:00", "--size", "800x480"});
  REQUIRE(run.exit_code == 0);
  auto image = ReadPng(png);
  REQUIRE(image.ok());
  CHECK(image->width == 800);
  CHECK(image->height == 480);
  // Not a blank frame: many pixels differ from the background corner.
  std::uint32_t corner = image->rgba[0];
  size_t differing = 0;
  for (std::uint32_t pixel : image->rgba) differing += pixel != corner;
  CHECK(differing > 800 * 480 / 20);
}

TEST_CASE("--exit-after runs the kiosk and reports the frames it drew") {
  Screen screen("mode = \"room\"\nroom = \"Gray Room\"\nfullscreen = false\nsize = \"800x480\"");
  auto run = screen.Do({"--exit-after", "2"}, "SDL_VIDEODRIVER=dummy");
  REQUIRE(run.exit_code == 0);
  json result = json::parse(run.out.substr(run.out.rfind('{')));
  CHECK(result["frames"].get<int>() >= 1);
  CHECK(result["frames"].get<int>() <= 3);  // idle: no redraw without a change
  CHECK(result["syncs"].get<int>() >= 1);
}

TEST_CASE("bad command lines get a usage message and exit 64") {
  CHECK(Foyer({"--frobnicate"}).exit_code == 64);
  CHECK(Foyer({"--print"}).exit_code == 64);  // no --config
  CHECK(Foyer({"--version"}).out.rfind("foyer ", 0) == 0);
  CHECK(Foyer({"--help"}).out.find("--screenshot") != std::string::npos);
}

TEST_CASE("the demo shows the forum's main hall in session at 10:40 on 15 October 2025") {
  testing::TempDir dir;
  std::string config = dir.File("demo.toml");
  std::string demo = testing::ReadFile(std::string(FOYER_SOURCE_DIR) + "/config/demo.toml");
  demo.replace(demo.find("../build/demo/cache.db"), 22, dir.File("cache.db"));
  demo.replace(demo.find("../assets/demo/schedule.json"), 28, testing::DemoFeed());
  demo.replace(demo.find("../assets/demo/logo.png"), 23,
               std::string(FOYER_SOURCE_DIR) + "/assets/demo/logo.png");
  testing::WriteFile(config, demo);
  REQUIRE(Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  auto run = Foyer({"--config", config, "--print"});  // the demo clock starts at 10:40
  REQUIRE(run.exit_code == 0);
  json p = json::parse(run.out);
  CHECK(p["room"] == "Main Hall");
  CHECK(p["state"] == "in_session");
  CHECK(p["at"].get<std::string>().rfind("2025-10-15T10:40", 0) == 0);
  CHECK(p["now"]["speakers"].size() >= 2);
}

}  // namespace
}  // namespace foyer

namespace foyer {
namespace {

TEST_CASE("a boot-partition overrides file sets the room that --print shows and --check checks") {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  std::string boot = dir.File("foyer.toml");
  testing::WriteFile(config, "overrides = \"foyer.toml\"\n[feed]\nurl = \"file://" +
                                 testing::DemoFeed() +
                                 "\"\n[display]\nmode = \"room\"\nroom = \"Main Hall\"\n"
                                 "[cache]\npath = \"cache.db\"\n");
  REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  const char* at = "2025-10-15T14:50:00+05:00";
  auto print = [&] {
    return nlohmann::json::parse(testing::Foyer({"--config", config, "--print", "--at", at}).out);
  };
  CHECK(print()["room"] == "Main Hall");
  testing::WriteFile(boot, "[display]\nroom = \"hall-a\"\n");
  CHECK(print()["room"] == "Hall A");
  auto check = testing::Foyer({"--config", config, "--check"});
  CHECK(check.exit_code == 0);
  CHECK(check.out == config + ": ok (with " + boot + ")\n");
  testing::WriteFile(boot, "[display]\nroom = \"Hall Z\"\nrotation = 45\n");
  check = testing::Foyer({"--config", config, "--check"});
  CHECK(check.exit_code == 2);
  CHECK(check.err.find(boot + ":3: display.rotation is 45") != std::string::npos);
  // A room the feed does not have is named where it is set: the boot file's line.
  testing::WriteFile(boot, "# screen 12\n[display]\nroom = \"Hall Z\"\n");
  check = testing::Foyer({"--config", config, "--check"});
  CHECK(check.exit_code == 2);
  CHECK(check.err.find(boot + ":3: room \"Hall Z\" is not in the cached schedule") !=
        std::string::npos);
  std::remove(boot.c_str());
  testing::WriteFile(config, "overrides = \"foyer.toml\"\n[feed]\nurl = \"file://" +
                                 testing::DemoFeed() +
                                 "\"\n[display]\nmode = \"room\"\nroom = \"Hall Y\"\n"
                                 "[cache]\npath = \"cache.db\"\n");
  check = testing::Foyer({"--config", config, "--check"});
  CHECK(check.exit_code == 2);
  CHECK(check.err.find(config + ":6: room \"Hall Y\"") != std::string::npos);
}

}  // namespace
}  // namespace foyer
