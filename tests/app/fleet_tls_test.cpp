// Over mqtts:// a screen talks only to a broker whose certificate its CA
// verifies for the broker's host name; any other is refused, and the screen
// runs as without a fleet. A real mosquitto with certificates made by openssl
// at test time (support/certificates.h).
#include <doctest/doctest.h>

#include "support/certificates.h"
#include "support/venue.h"

namespace foyer {
namespace {

using nlohmann::json;
using testing::Count;
using testing::Eventually;
using testing::Venue;

struct TlsVenue {
  testing::TempDir certificate_dir;
  testing::Certificates certificates{certificate_dir};
};

TEST_CASE("over mqtts:// a screen joins a broker its ca_file verifies") {
  TlsVenue tls;
  REQUIRE_MESSAGE(tls.certificates.ok(), testing::ReadFile(tls.certificates.log()));
  Venue venue(tls.certificate_dir.path(), "server");
  std::string fleet =
      venue.broker.FleetSection("door-t") + "ca_file = \"" + venue.broker.CaFile() + "\"\n";
  auto kiosk = venue.Kiosk(venue.Screen("door-t", "", fleet));
  CHECK_MESSAGE(Eventually([&] { return venue.Online("door-t"); }), venue.broker.Log());
}

// Runs a screen for 10 s against the broker and returns its log.
std::string RunAgainst(Venue& venue, const std::string& id, const std::string& ca_line) {
  std::string config = venue.Screen(id, "", venue.broker.FleetSection(id) + ca_line, 5);
  testing::Run run =
      testing::Foyer({"--config", config, "--exit-after", "10"}, "SDL_VIDEODRIVER=dummy");
  CHECK(run.exit_code == 0);
  json line = json::parse(run.out.substr(0, run.out.find('\n')), nullptr, false);
  CHECK(line.value("syncs", 0) >= 1);  // the screen ran as without a fleet
  CHECK_FALSE(venue.Statuses().contains(id));
  return run.err;
}

TEST_CASE("over mqtts:// a broker the system's CAs do not know is refused, once in the log") {
  TlsVenue tls;
  REQUIRE(tls.certificates.ok());
  Venue venue(tls.certificate_dir.path(), "server");
  std::string log = RunAgainst(venue, "door-u", "");
  CHECK(Count(log, "fleet: ") == 1);
  CHECK(log.find("TLS error") != std::string::npos);
}

TEST_CASE("over mqtts:// a certificate for another host name is refused, even from the CA") {
  TlsVenue tls;
  REQUIRE(tls.certificates.ok());
  Venue venue(tls.certificate_dir.path(), "wrong-name");
  std::string log = RunAgainst(venue, "door-v", "ca_file = \"" + venue.broker.CaFile() + "\"\n");
  CHECK(Count(log, "fleet: ") == 1);
  CHECK(log.find("TLS error") != std::string::npos);
}

}  // namespace
}  // namespace foyer
