// foyer-feed relay against a real nginx (the source), a real mosquitto (the
// notice) and the real minisign: a good version is published atomically and
// announced, a broken one refused with the last good one kept.
#include <doctest/doctest.h>

#include "support/venue.h"

namespace foyer {
namespace {

using testing::Eventually;

struct Relay {
  testing::TempDir out;
  testing::Venue venue;
  std::string Source() const { return venue.nginx.BaseUrl() + "schedule.json"; }
  testing::Run Once(std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"relay", Source(), "--out", out.path(), "--once"};
    args.insert(args.end(), more.begin(), more.end());
    return testing::RunBinary("foyer-feed", args);
  }
};

TEST_CASE("relay publishes a good version and keeps it when the source breaks") {
  Relay relay;
  testing::Run run = relay.Once();
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  const std::string good = testing::ReadFile(testing::DemoFeed());
  CHECK(testing::ReadFile(relay.out.File("schedule.json")) == good);
  testing::WriteFile(relay.venue.nginx.www() + "/schedule.json", "{\"schedule\": 5}");
  run = relay.Once();
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("refused") != std::string::npos);
  CHECK(testing::ReadFile(relay.out.File("schedule.json")) == good);
  std::filesystem::remove(relay.venue.nginx.www() + "/schedule.json");
  CHECK(relay.Once().exit_code == 1);  // a 404: nothing written
  CHECK(testing::ReadFile(relay.out.File("schedule.json")) == good);
}

TEST_CASE("relay signs what it publishes with minisign") {
  Relay relay;
  testing::TempDir keys;
  REQUIRE(std::system(("minisign -G -W -p " + keys.File("pub") + " -s " + keys.File("sec") +
                       " >/dev/null 2>&1")
                          .c_str()) == 0);
  testing::Run run = relay.Once({"--sign", keys.File("sec")});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(std::system(("minisign -Vq -p " + keys.File("pub") + " -m " +
                     relay.out.File("schedule.json") + " >/dev/null 2>&1")
                        .c_str()) == 0);
}

TEST_CASE("relay tells the screens when the content changed, and only then") {
  Relay relay;
  testing::Child watch(
      "/usr/bin/mosquitto_sub",
      {"-i", "relay-watch", "-h", "127.0.0.1", "-p", std::to_string(relay.venue.broker.port()),
       "-u", "organizer", "-P", "organizer-secret", "-t",
       std::string(testing::kFleetTopic) + "/feed", "-C", "1", "-W", "60"});
  // The broker logs each subscription (support/mosquitto.h); mosquitto_sub's own
  // output reaches its file only when it exits.
  auto subscribed = [&] {
    return relay.venue.broker.Log().find("relay-watch 0 foyer/test/feed") != std::string::npos;
  };
  REQUIRE(Eventually(subscribed));
  std::vector<std::string> broker = relay.venue.broker.OrganizerOptions();
  testing::Run run = relay.Once(broker);
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  CHECK(watch.WaitFor(std::chrono::milliseconds(30'000)) == 0);
  CHECK(watch.out().find("changed") != std::string::npos);
  run = relay.Once(broker);  // the same content again: nothing to tell
  CHECK(run.exit_code == 0);
  CHECK(run.err.find("told the screens") == std::string::npos);
}

}  // namespace
}  // namespace foyer
