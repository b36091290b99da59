// [fleet] in a screen's config: read, defaulted and checked like every other
// section, each problem at its line; the password itself is never shown.
#include <doctest/doctest.h>

#include "app/config.h"
#include "fleet/system_facts.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

const char kScreen[] =
    "[feed]\nurl = \"https://forum.example.kz/schedule.json\"\n"
    "[display]\nmode = \"room\"\nroom = \"Main Hall\"\n";

struct FleetConfig {
  testing::TempDir dir;
  std::string path = dir.File("screen.toml");
  ConfigLoad Load(const std::string& fleet) {
    testing::WriteFile(path, std::string(kScreen) + fleet);
    return LoadConfig(path);
  }
  std::string Problems(const std::string& fleet) {
    std::string text;
    for (const ConfigProblem& problem : Load(fleet).problems) text += problem.ToString() + "\n";
    return text;
  }
};

TEST_CASE("without [fleet] a screen has no fleet link") {
  FleetConfig file;
  ConfigLoad load = file.Load("");
  REQUIRE(load.ok());
  CHECK_FALSE(load.config.fleet.enabled);
}

TEST_CASE("a complete [fleet] loads, its files taken from the config's folder") {
  FleetConfig file;
  testing::WriteFile(file.dir.File("mqtt-password"), "pa55word\n");
  testing::WriteFile(file.dir.File("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
  ConfigLoad load = file.Load(
      "[fleet]\nbroker = \"mqtts://mqtt.venue.example\"\ntopic = \"foyer/astana2025\"\n"
      "screen_id = \"main-hall-door\"\nusername = \"screens\"\n"
      "password_file = \"mqtt-password\"\nca_file = \"ca.pem\"\n");
  REQUIRE(load.ok());
  const Config::Fleet& fleet = load.config.fleet;
  CHECK(fleet.enabled);
  CHECK(fleet.broker.tls());
  CHECK(fleet.broker.port == 8883);
  CHECK(fleet.topic == "foyer/astana2025");
  CHECK(fleet.screen_id == "main-hall-door");
  CHECK(fleet.password_file == file.dir.File("mqtt-password"));
  CHECK(fleet.ca_file == file.dir.File("ca.pem"));
}

TEST_CASE("a screen's id defaults to the host name") {
  FleetConfig file;
  ConfigLoad load = file.Load("[fleet]\nbroker = \"mqtt://127.0.0.1\"\ntopic = \"foyer/x\"\n");
  REQUIRE(load.ok());
  CHECK(load.config.fleet.screen_id == HostName());
}

TEST_CASE("each [fleet] mistake is reported at its line") {
  FleetConfig file;
  const std::string p = file.path + ":";
  std::string problems = file.Problems(
      "[fleet]\nbroker = \"https://mqtt.example\"\ntopic = \"foyer/#\"\n"
      "screen_id = \"a/b\"\npassword_file = \"/dev/zero\"\nca_file = \"missing.pem\"\n"
      "keepalive = 10\n");
  CHECK(problems.find(p + "7: fleet.broker \"https://mqtt.example\" must start with mqtts://") !=
        std::string::npos);
  CHECK(problems.find(p + "8: fleet.topic must not hold") != std::string::npos);
  CHECK(problems.find(p + "9: fleet.screen_id must not hold") != std::string::npos);
  CHECK(problems.find(p + "10: fleet.password_file /dev/zero is not a regular file") !=
        std::string::npos);
  CHECK(problems.find(p + "11: fleet.ca_file") != std::string::npos);
  CHECK(problems.find(p + "12: unknown key fleet.keepalive") != std::string::npos);
  problems = file.Problems("[fleet]\nusername = \"screens\"\n");
  CHECK(problems.find(p + "6: fleet.broker is missing") != std::string::npos);
  CHECK(problems.find(p + "6: fleet.topic is missing") != std::string::npos);
}

TEST_CASE("--check names a [fleet] problem but never prints the password") {
  FleetConfig file;
  testing::WriteFile(file.dir.File("pw"), "hunter2-secret\n");
  file.Load(
      "[fleet]\nbroker = \"mqtt://127.0.0.1:1\"\ntopic = \"foyer/x\"\n"
      "password_file = \"pw\"\n");
  testing::Run run = testing::Foyer({"--config", file.path, "--check"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("fleet.password_file needs fleet.username") != std::string::npos);
  CHECK((run.out + run.err).find("hunter2") == std::string::npos);
}

}  // namespace
}  // namespace foyer
