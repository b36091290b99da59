// foyer-feed's fleet verbs say what went wrong: a usage mistake (64), a login
// the broker refuses, a message its ACL refuses, a broker that is not there.
// A real mosquitto (support/mosquitto.h).
#include <doctest/doctest.h>

#include "support/mosquitto.h"
#include "support/process.h"

namespace foyer {
namespace {

testing::Run Notify(const testing::Mosquitto& broker, const std::string& user,
                    const std::string& password) {
  return testing::RunBinary(
      "foyer-feed", {"notify", "--broker", broker.Url(), "--topic", testing::kFleetTopic,
                     "--username", user, "--password-file", broker.PasswordFile("pw", password)});
}

TEST_CASE("notify is acknowledged for an organizer, refused for a screen's account") {
  testing::Mosquitto broker;
  testing::Run run = Notify(broker, "organizer", "organizer-secret");
  CHECK_MESSAGE(run.exit_code == 0, run.err);
  run = Notify(broker, "screens", "screen-secret");
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("refused the message to foyer/test/feed") != std::string::npos);
}

TEST_CASE("a wrong password is a refused login, never printed") {
  testing::Mosquitto broker;
  testing::Run run = Notify(broker, "organizer", "guess-123");
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("refused the login") != std::string::npos);
  CHECK(run.err.find("guess-123") == std::string::npos);
}

TEST_CASE("a broker that is not there fails at once, and usage mistakes exit 64") {
  const std::string nobody = "mqtt://127.0.0.1:" + std::to_string(testing::FreeLoopbackPort());
  testing::Run run =
      testing::RunBinary("foyer-feed", {"screens", "--broker", nobody, "--topic", "t"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("cannot reach the broker") != std::string::npos);
  CHECK(testing::RunBinary("foyer-feed", {"notify", "--topic", "t"}).exit_code == 64);
  CHECK(testing::RunBinary("foyer-feed", {"notify", "--broker", "http://x", "--topic", "t"})
            .exit_code == 64);
  CHECK(testing::RunBinary("foyer-feed", {"screenshot", "--broker", nobody, "--topic", "t"})
            .exit_code == 64);
  CHECK(testing::RunBinary("foyer-feed", {"relay", "--out", "/tmp"}).exit_code == 64);
  testing::Run help = testing::RunBinary("foyer-feed", {"screens", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--password-file") != std::string::npos);
}

}  // namespace
}  // namespace foyer
