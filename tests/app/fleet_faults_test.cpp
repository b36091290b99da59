// The broker is never in the screen's way: down, refusing the login, or dying
// mid-run, the screen polls and shows as it does without a fleet, and logs one
// line per change of the link's state, not one per retry. A real mosquitto,
// nginx and kiosks (tests/support/venue.h).
#include <doctest/doctest.h>

#include "support/venue.h"

namespace foyer {
namespace {

using nlohmann::json;
using std::chrono::seconds;
using testing::Count;
using testing::Eventually;
using testing::Venue;

// The {"frames", "syncs", …} line a kiosk run with --exit-after prints.
json ExitLine(const testing::Run& run) {
  const std::string line = run.out.substr(0, run.out.find('\n'));
  return json::parse(line, nullptr, false);
}

TEST_CASE("with its broker down a screen syncs and draws as usual and says so once") {
  Venue venue;
  const std::string nobody = "mqtt://127.0.0.1:" + std::to_string(testing::FreeLoopbackPort());
  std::string config = venue.Screen(
      "door-g", "", "[fleet]\nbroker = \"" + nobody + "\"\ntopic = \"foyer/test\"\n", 5);
  testing::Run run =
      testing::Foyer({"--config", config, "--exit-after", "14"}, "SDL_VIDEODRIVER=dummy");
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  json line = ExitLine(run);
  CHECK(line["syncs"].get<int>() >= 2);
  CHECK(line["frames"].get<int>() >= 1);
  CHECK(Count(run.err, "fleet: cannot reach") == 1);
}

TEST_CASE("a broker that refuses the login is logged once; the screen syncs as usual") {
  Venue venue;
  std::string config = venue.Screen("door-h", "", venue.broker.FleetSection("door-h", "wrong"), 5);
  testing::Run run =
      testing::Foyer({"--config", config, "--exit-after", "14"}, "SDL_VIDEODRIVER=dummy");
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(ExitLine(run)["syncs"].get<int>() >= 2);
  CHECK(Count(run.err, "refused the login") == 1);
  CHECK(run.err.find("wrong") == std::string::npos);  // the password is never logged
  CHECK_FALSE(venue.Statuses().contains("door-h"));
}

TEST_CASE("when the broker dies mid-run the screen keeps polling and says so once") {
  Venue venue;
  std::string config = venue.Screen("door-i", "", "", 5);
  auto kiosk = venue.Kiosk(config);
  REQUIRE(Eventually([&] { return venue.Online("door-i"); }));
  venue.broker.Kill();
  const int before = venue.FeedRequests();
  CHECK(Eventually([&] { return venue.FeedRequests() >= before + 2; }, seconds(60)));
  kiosk->Signal(SIGTERM);
  REQUIRE(kiosk->WaitFor(std::chrono::milliseconds(20'000)) == 0);
  CHECK(Count(kiosk->err(), "fleet: lost") == 1);
}

}  // namespace
}  // namespace foyer
