#include "fleet/broker.h"

#include <doctest/doctest.h>

#include "fleet/reconnect.h"
#include "fleet/system_facts.h"
#include "support/files.h"

namespace foyer {
namespace {

TEST_CASE("a broker URL gives the scheme, host and port, with the default port per scheme") {
  auto tls = ParseBrokerUrl("mqtts://mqtt.venue.example");
  REQUIRE(tls.ok());
  CHECK(tls->tls());
  CHECK(tls->host == "mqtt.venue.example");
  CHECK(tls->port == 8883);
  auto plain = ParseBrokerUrl("mqtt://127.0.0.1:18830");
  REQUIRE(plain.ok());
  CHECK_FALSE(plain->tls());
  CHECK(plain->port == 18830);
  auto v6 = ParseBrokerUrl("mqtts://[::1]:8884/");
  REQUIRE(v6.ok());
  CHECK(v6->host == "::1");
  CHECK(v6->port == 8884);
}

TEST_CASE("a broker URL with another scheme, a path, a user or a bad port is refused") {
  CHECK_FALSE(ParseBrokerUrl("https://mqtt.example").ok());
  CHECK_FALSE(ParseBrokerUrl("mqtt.example:1883").ok());
  CHECK_FALSE(ParseBrokerUrl("mqtt://user:pw@mqtt.example").ok());
  CHECK_FALSE(ParseBrokerUrl("mqtt://mqtt.example/foyer").ok());
  CHECK_FALSE(ParseBrokerUrl("mqtt://mqtt.example:0").ok());
  CHECK_FALSE(ParseBrokerUrl("mqtt://mqtt.example:99999").ok());
  CHECK_FALSE(ParseBrokerUrl("mqtt://").ok());
  CHECK(ParseBrokerUrl("ws://x").status().message().find("mqtts://") != std::string::npos);
}

TEST_CASE("topics and screen ids refuse wildcards and empty levels") {
  CHECK(TopicProblem("foyer/astana2025").empty());
  CHECK_FALSE(TopicProblem("foyer/#").empty());
  CHECK_FALSE(TopicProblem("/foyer").empty());
  CHECK_FALSE(TopicProblem("").empty());
  CHECK(ScreenIdProblem("main-hall-door").empty());
  CHECK_FALSE(ScreenIdProblem("a/b").empty());
  CHECK_FALSE(ScreenIdProblem("+").empty());
}

TEST_CASE("the topics of a screen sit under the event's prefix") {
  FleetTopics topics{"foyer/astana2025"};
  CHECK(topics.Feed() == "foyer/astana2025/feed");
  CHECK(topics.Status("door") == "foyer/astana2025/screens/door/status");
  CHECK(topics.ScreenshotRequest("door") == "foyer/astana2025/screens/door/screenshot/request");
  CHECK(topics.Screenshot("door") == "foyer/astana2025/screens/door/screenshot");
  CHECK(topics.AllStatus() == "foyer/astana2025/screens/+/status");
}

TEST_CASE("the password file gives its first line, bounded, and refuses a device") {
  testing::TempDir dir;
  testing::WriteFile(dir.File("pw"), "s3cret\r\nsecond line\n");
  auto password = ReadPasswordFile(dir.File("pw"));
  REQUIRE(password.ok());
  CHECK(*password == "s3cret");
  CHECK_FALSE(ReadPasswordFile("/dev/zero").ok());
  testing::WriteFile(dir.File("big"), std::string(kMostPasswordBytes + 1, 'x'));
  CHECK_FALSE(ReadPasswordFile(dir.File("big")).ok());
  testing::WriteFile(dir.File("empty"), "\n");
  CHECK_FALSE(ReadPasswordFile(dir.File("empty")).ok());
}

TEST_CASE("reconnecting backs off from a second to a minute, jittered within the upper half") {
  for (std::uint64_t random : {0ull, 1ull, 12345ull, ~0ull}) {
    std::int64_t first = ReconnectDelayMillis(1, random);
    CHECK(first >= 500);
    CHECK(first <= 1000);
    std::int64_t fourth = ReconnectDelayMillis(4, random);
    CHECK(fourth >= 4000);
    CHECK(fourth <= 8000);
    std::int64_t late = ReconnectDelayMillis(50, random);
    CHECK(late >= 30000);
    CHECK(late <= 60000);
  }
  CHECK(ReconnectDelayMillis(3, 0) != ReconnectDelayMillis(3, 777));
}

TEST_CASE(
    "the board's facts: memory is known, temperature and voltage only where the board has them") {
  CHECK(ResidentKilobytes() > 0);
  testing::TempDir dir;
  CHECK_FALSE(SocTemperature(dir.path()).has_value());
  CHECK_FALSE(UnderVoltage(dir.path()).has_value());
  std::filesystem::create_directories(dir.File("thermal_zone0"));
  std::filesystem::create_directories(dir.File("thermal_zone1"));
  testing::WriteFile(dir.File("thermal_zone0/temp"), "48312\n");
  testing::WriteFile(dir.File("thermal_zone1/temp"), "51000\n");
  CHECK(SocTemperature(dir.path()).value_or(0) == doctest::Approx(51.0));
  std::filesystem::create_directories(dir.File("hwmon0"));
  testing::WriteFile(dir.File("hwmon0/in0_lcrit_alarm"), "1\n");
  CHECK(UnderVoltage(dir.path()).value_or(false));
}

}  // namespace
}  // namespace foyer
