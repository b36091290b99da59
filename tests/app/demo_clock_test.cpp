// clock.speed: a demo clock that runs many times real time, so venue staff
// preview a whole day in minutes (and the soak runs a week in one sitting).
// Counted in frames and in what --print and the screen say, not in time.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

// The demo's main hall at 10:40:10, with `clock` lines added to [clock].
std::string DemoScreen(testing::TempDir& dir, const std::string& clock) {
  std::string config = dir.File("screen.toml");
  testing::WriteFile(config, "[feed]\nurl = \"file://" + testing::DemoFeed() +
                                 "\"\ninterval = 3600\n[display]\nmode = \"room\"\n"
                                 "room = \"Main Hall\"\nsize = \"800x480\"\nfullscreen = false\n"
                                 "[clock]\nstart = \"2025-10-15T10:40:10+05:00\"\n" +
                                 clock + "[cache]\npath = \"cache.db\"\n");
  REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  return config;
}

TEST_CASE("a kiosk whose demo clock runs 600 times real time draws every simulated minute") {
  testing::TempDir dir;
  std::string config = DemoScreen(dir, "speed = 600\n");
  // Three real seconds are half an hour of the demo day: a frame for each
  // minute and session boundary, where a real-time clock draws one.
  auto run = testing::Foyer({"--config", config, "--exit-after", "3"}, "SDL_VIDEODRIVER=dummy");
  REQUIRE(run.exit_code == 0);
  auto line = nlohmann::json::parse(run.out);
  CAPTURE(run.out);
  CHECK(line["frames"].get<int>() >= 10);
}

TEST_CASE("--check accepts clock.speed with clock.start") {
  testing::TempDir dir;
  std::string config = DemoScreen(dir, "speed = 600\n");
  auto check = testing::Foyer({"--config", config, "--check"});
  CAPTURE(check.out);
  CAPTURE(check.err);
  CHECK(check.exit_code == 0);
}

}  // namespace
}  // namespace foyer
