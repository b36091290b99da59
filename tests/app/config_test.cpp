#include "app/config.h"

#include <doctest/doctest.h>

#include "support/files.h"

namespace foyer {
namespace {

struct ConfigFile {
  testing::TempDir dir;
  std::string path = dir.File("screen.toml");
  ConfigLoad Load(const std::string& text) {
    testing::WriteFile(path, text);
    return LoadConfig(path);
  }
};

const char* kGood =
    "[feed]\n"
    "url = \"https://forum.example.kz/schedule.json\"\n"
    "interval = 30\n"
    "[display]\n"
    "mode = \"room\"\n"
    "room = \"Main Hall\"\n"
    "size = \"800x480\"\n"
    "rotation = 90\n"
    "languages = [\"kk\", \"en\"]\n"
    "[clock]\n"
    "start = \"2025-10-15T10:40:00+05:00\"\n"
    "timezone = \"Asia/Almaty\"\n"
    "[cache]\n"
    "path = \"cache/screen.db\"\n";

TEST_CASE("a complete config loads with every value") {
  ConfigFile file;
  ConfigLoad load = file.Load(kGood);
  REQUIRE(load.ok());
  const Config& c = load.config;
  CHECK(c.feed.url == "https://forum.example.kz/schedule.json");
  CHECK(c.feed.interval == 30);
  CHECK(c.feed.timeout == 30);  // default
  CHECK(c.display.room == "Main Hall");
  CHECK(c.display.width == 800);
  CHECK(c.display.height == 480);
  CHECK(c.display.rotation == 90);
  CHECK(c.display.languages == std::vector<Language>{Language::kKazakh, Language::kEnglish});
  CHECK(c.clock.start == 1760506800);
  CHECK(c.cache.path == file.dir.File("cache/screen.db"));
}

TEST_CASE("a relative feed path or file:// URL is taken from the config's folder") {
  ConfigFile file;
  ConfigLoad load =
      file.Load("[feed]\nurl = \"feeds/schedule.json\"\n[display]\nmode = \"hallway\"\n");
  REQUIRE(load.ok());
  CHECK(load.config.feed.url == "file://" + file.dir.File("feeds/schedule.json"));
  load = file.Load("[feed]\nurl = \"file://../x.json\"\n[display]\nmode = \"hallway\"\n");
  REQUIRE(load.ok());
  CHECK(load.config.feed.url.rfind("file:///", 0) == 0);
  CHECK(load.config.feed.url.find("..") == std::string::npos);
}

TEST_CASE("each bad value is reported with the file and its line") {
  ConfigFile file;
  ConfigLoad load = file.Load(
      "[feed]\n"
      "url = \"ftp://example.org/x.json\"\n"  // 2
      "interval = \"often\"\n"                // 3
      "[display]\n"
      "mode = \"sideways\"\n"  // 5
      "room = \"Hall A\"\n"
      "size = \"big\"\n"                // 7
      "rotation = 45\n"                 // 8
      "languages = [\"en\", \"de\"]\n"  // 9
      "romo = \"x\"\n"                  // 10
      "[clock]\n"
      "start = \"tomorrow\"\n"           // 12
      "timezone = \"Mars/Olympus\"\n");  // 13
  REQUIRE_FALSE(load.ok());
  auto has = [&](int line, const std::string& words) {
    std::string prefix = file.path + ":" + std::to_string(line) + ": ";
    for (const ConfigProblem& found : load.problems)
      if (std::string problem = found.ToString();
          problem.rfind(prefix, 0) == 0 && problem.find(words) != std::string::npos)
        return true;
    return false;
  };
  CHECK(has(2, "feed.url must start with https://"));
  CHECK(has(3, "feed.interval must be a whole number"));
  CHECK(has(5, "display.mode is \"sideways\""));
  CHECK(has(7, "display.size"));
  CHECK(has(8, "display.rotation is 45"));
  CHECK(has(9, "\"de\" is not one of"));
  CHECK(has(10, "unknown key display.romo (did you mean room?)"));
  CHECK(has(12, "clock.start"));
  CHECK(has(13, "clock.timezone"));
  CHECK(load.problems.size() == 9);
}

TEST_CASE("a screen's hours, power commands, own line and hallway order are read") {
  ConfigFile file;
  ConfigLoad load = file.Load(
      "[feed]\nurl = \"schedule.json\"\n[display]\nmode = \"hallway\"\n"
      "hallway_order = \"next\"\nhours = \"18:00-02:00\"\n"
      "power_off_command = [\"cec-ctl\", \"--to\", \"0\", \"--standby\"]\n"
      "power_on_command = [\"cec-ctl\", \"--to\", \"0\", \"--image-view-on\"]\n"
      "info = \"Interpretation: channel 1 қазақша · 2 русский · 3 English\"\n");
  REQUIRE(load.ok());
  const Config::Display& d = load.config.display;
  CHECK(d.hallway_order == HallwayOrder::kNext);
  CHECK(d.hours == Hours{HoursKind::kWindow, 18 * 60, 2 * 60});
  CHECK(d.power_off_command == std::vector<std::string>{"cec-ctl", "--to", "0", "--standby"});
  CHECK(d.power_on_command.back() == "--image-view-on");
  CHECK(d.info == "Interpretation: channel 1 қазақша · 2 русский · 3 English");
  load = file.Load("[feed]\nurl = \"schedule.json\"\n[display]\nmode = \"hallway\"\n");
  REQUIRE(load.ok());
  CHECK(load.config.display.hallway_order == HallwayOrder::kFeed);  // the defaults
  CHECK(load.config.display.hours.kind == HoursKind::kAlways);
  CHECK(load.config.display.power_off_command.empty());
  CHECK(load.config.display.info.empty());
}

TEST_CASE("bad hours, commands, own line and hallway order are reported at their lines") {
  ConfigFile file;
  ConfigLoad load = file.Load(
      "[feed]\nurl = \"schedule.json\"\n[display]\nmode = \"hallway\"\n"  // 1-4
      "hallway_order = \"soonest\"\n"                                     // 5
      "hours = \"9-17\"\n"                                                // 6
      "power_off_command = \"cec-ctl --standby\"\n"                       // 7
      "power_on_command = []\n"                                           // 8
      "info = \"" +
      std::string(130, 'x') + "\"\n");  // 9
  REQUIRE_FALSE(load.ok());
  auto has = [&](int line, const std::string& words) {
    std::string prefix = file.path + ":" + std::to_string(line) + ": ";
    for (const ConfigProblem& found : load.problems)
      if (std::string problem = found.ToString();
          problem.rfind(prefix, 0) == 0 && problem.find(words) != std::string::npos)
        return true;
    return false;
  };
  CHECK(has(5, "display.hallway_order is \"soonest\"; use \"feed\" or \"next\""));
  CHECK(has(6, "display.hours is \"9-17\""));
  CHECK(has(7, "display.power_off_command must be a command as a list of its arguments"));
  CHECK(has(8, "display.power_on_command must be a command"));
  CHECK(has(9, "display.info has 130 characters"));
  CHECK(load.problems.size() == 5);
  load = file.Load(
      "[feed]\nurl = \"schedule.json\"\n[display]\nmode = \"hallway\"\n"
      "info = \"two\\nlines\"\n");
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].message == "display.info must be one line (no line breaks or tabs)");
}

TEST_CASE("clock.speed makes the demo clock run fast, and is checked at its line") {
  ConfigFile file;
  ConfigLoad fast = file.Load(
      "[feed]\nurl = \"schedule.json\"\n[display]\nroom = \"Main Hall\"\n"
      "[clock]\nstart = \"2025-10-15T10:40:00+05:00\"\nspeed = 600\n");
  REQUIRE(fast.ok());
  CHECK(fast.config.clock.speed == 600);

  ConfigLoad real_time = file.Load("[feed]\nurl = \"schedule.json\"\n[display]\nroom = \"A\"\n");
  REQUIRE(real_time.ok());
  CHECK(real_time.config.clock.speed == 1);

  for (const char* bad : {"speed = 0\n", "speed = 100000\n", "speed = 1.5\n"}) {
    ConfigLoad load = file.Load(
        "[feed]\nurl = \"schedule.json\"\n[display]\nroom = \"A\"\n"
        "[clock]\nstart = \"2025-10-15T10:40:00+05:00\"\n" +
        std::string(bad));
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].ToString().rfind(file.path + ":7: clock.speed", 0) == 0);
  }
  ConfigLoad no_start =
      file.Load("[feed]\nurl = \"schedule.json\"\n[display]\nroom = \"A\"\n[clock]\nspeed = 600\n");
  REQUIRE(no_start.problems.size() == 1);
  CHECK(no_start.problems[0].ToString() ==
        file.path + ":6: clock.speed needs clock.start: only a demo clock runs fast");
}

TEST_CASE("broken TOML is reported at its line") {
  ConfigFile file;
  ConfigLoad load = file.Load("[feed]\nurl = \"https://x/s.json\"\n\n[display\nmode = \"room\"\n");
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].ToString().rfind(file.path + ":4: not valid TOML", 0) == 0);
}

TEST_CASE("room mode without a room, or a missing file, is refused") {
  ConfigFile file;
  ConfigLoad load = file.Load("[feed]\nurl = \"https://x/s.json\"\n[display]\nmode = \"room\"\n");
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].ToString().find(":3: display.room is missing") != std::string::npos);
  ConfigLoad missing = LoadConfig(file.dir.File("nope.toml"));
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].ToString().find("nope.toml:1: cannot read") != std::string::npos);
}

TEST_CASE("values out of range name the range that works") {
  ConfigFile file;
  ConfigLoad load = file.Load(
      "[feed]\nurl = \"https://x/s.json\"\ninterval = 1\n[display]\nmode = \"hallway\"\n");
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].ToString().find(":3: feed.interval is 1; use 5 to 86400 seconds") !=
        std::string::npos);
}

TEST_CASE("the shipped configs are valid") {
  for (const char* name : {"demo.toml", "demo-hallway.toml", "example.toml"}) {
    CAPTURE(name);
    ConfigLoad load = LoadConfig(std::string(FOYER_SOURCE_DIR) + "/config/" + name);
    CHECK(load.problems.empty());
  }
}

}  // namespace
}  // namespace foyer

namespace foyer {
namespace {

TEST_CASE("display.logo is taken from the config's folder and must be readable") {
  testing::TempDir dir;
  std::string path = dir.File("screen.toml");
  testing::WriteFile(dir.File("logo.png"), "png");
  testing::WriteFile(
      path, "[feed]\nurl = \"x.json\"\n[display]\nmode = \"hallway\"\nlogo = \"logo.png\"\n");
  ConfigLoad load = LoadConfig(path);
  REQUIRE(load.ok());
  CHECK(load.config.display.logo == dir.File("logo.png"));
  testing::WriteFile(
      path, "[feed]\nurl = \"x.json\"\n[display]\nmode = \"hallway\"\nlogo = \"nope.png\"\n");
  load = LoadConfig(path);
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].ToString().find(":5: display.logo") != std::string::npos);
}

}  // namespace
}  // namespace foyer

namespace foyer {
namespace {

// One card image for fifty screens: the main file names an overrides file on
// the boot partition, where venue staff set each screen's room.
struct ConfigWithOverrides {
  testing::TempDir dir;
  std::string path = dir.File("screen.toml");
  std::string boot = dir.File("boot/foyer.toml");
  ConfigWithOverrides() {
    std::filesystem::create_directories(dir.File("boot"));
    testing::WriteFile(path,
                       "overrides = \"boot/foyer.toml\"\n"
                       "[feed]\n"
                       "url = \"https://forum.example.kz/schedule.json\"\n"
                       "[display]\n"
                       "mode = \"room\"\n"
                       "room = \"Main Hall\"\n"
                       "rooms = [\"Hall A\", \"Hall B\"]\n"
                       "languages = [\"en\", \"kk\"]\n");
  }
};

TEST_CASE("an overrides file that is not there changes nothing") {
  ConfigWithOverrides files;
  ConfigLoad load = LoadConfig(files.path);
  REQUIRE(load.ok());
  CHECK(load.config.display.room == "Main Hall");
  CHECK(load.config.overrides.empty());
}

TEST_CASE("an overrides file's keys win over the main file's, key by key") {
  ConfigWithOverrides files;
  testing::WriteFile(files.boot,
                     "[display]\nroom = \"Hall B\"\nrooms = [\"Atrium\"]\nrotation = 90\n"
                     "[clock]\ntimezone = \"Asia/Almaty\"\n");
  ConfigLoad load = LoadConfig(files.path);
  REQUIRE(load.ok());
  CHECK(load.config.overrides == files.boot);
  CHECK(load.config.display.room == "Hall B");
  CHECK(load.config.display.rooms == std::vector<std::string>{"Atrium"});  // replaced, not added
  CHECK(load.config.display.rotation == 90);
  CHECK(load.config.clock.timezone == "Asia/Almaty");
  // What the overrides file leaves out stays as the main file says.
  CHECK(load.config.feed.url == "https://forum.example.kz/schedule.json");
  CHECK(load.config.display.languages ==
        std::vector<Language>{Language::kEnglish, Language::kKazakh});
}

TEST_CASE("problems in either file are named with that file and its line") {
  ConfigWithOverrides files;
  testing::WriteFile(files.boot, "[display]\nroom = \"Hall B\"\nrotation = 45\nrom = \"x\"\n");
  testing::WriteFile(files.path, testing::ReadFile(files.path) + "next_count = 99\n");
  ConfigLoad load = LoadConfig(files.path);
  REQUIRE(load.problems.size() == 3);
  CHECK(load.problems[0].ToString() ==
        files.path + ":9: display.next_count is 99; use 0 to 10 sessions");
  CHECK(load.problems[1].ToString() ==
        files.boot + ":3: display.rotation is 45; use 0, 90, 180 or 270");
  CHECK(load.problems[2].ToString() ==
        files.boot + ":4: unknown key display.rom (did you mean room?)");
}

TEST_CASE("a demo clock's speed and start may come from either file") {
  ConfigWithOverrides files;
  testing::WriteFile(files.path, testing::ReadFile(files.path) + "[clock]\nspeed = 600\n");
  testing::WriteFile(files.boot, "[clock]\nstart = \"2025-10-15T09:00:00+05:00\"\n");
  ConfigLoad load = LoadConfig(files.path);
  REQUIRE(load.ok());
  CHECK(load.config.clock.speed == 600);
  CHECK(load.config.clock.start.has_value());
  // A speed with no start in either file is named where it is set.
  testing::WriteFile(files.boot, "[display]\nroom = \"Hall B\"\n[clock]\nspeed = 60\n");
  load = LoadConfig(files.path);
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].ToString() ==
        files.boot + ":4: clock.speed needs clock.start: only a demo clock runs fast");
}

TEST_CASE("an overrides file may not name another, and paths in it are its own folder's") {
  ConfigWithOverrides files;
  testing::WriteFile(files.dir.File("boot/logo.png"), "not checked here");
  testing::WriteFile(files.boot, "overrides = \"more.toml\"\n[display]\nlogo = \"logo.png\"\n");
  ConfigLoad load = LoadConfig(files.path);
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].ToString() == files.boot + ":1: unknown key overrides");
  CHECK(load.config.display.logo == files.boot.substr(0, files.boot.rfind('/')) + "/logo.png");
}

}  // namespace
}  // namespace foyer
