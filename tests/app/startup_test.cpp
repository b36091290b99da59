// What the kiosk's program loads at exec: libcurl and libmosquitto (with
// their TLS, Kerberos and LDAP libraries) are bound by the sync and fleet
// threads when they first need them (base/shared_library.h), so the dynamic
// linker does not bind them before the first frame. The kiosk never loads
// libcurl at all: its fetch helper does (sync/child_http_client.h).
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#include "support/fault_server.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

// The NEEDED entries of a program's dynamic section (readelf, from binutils).
std::string NeededLibraries(const std::string& program) {
  return testing::RunCommand("(readelf -d " + testing::ShellQuote(program) + " | grep NEEDED)");
}

TEST_CASE("the foyer program links neither libcurl nor libmosquitto at exec") {
  for (const std::string program : {"foyer", "foyer-feed"}) {
    const std::string needed = NeededLibraries(std::string(FOYER_BIN_DIR) + "/" + program);
    INFO(program << ": " << needed);
    CHECK(needed.find("libc.so.6") != std::string::npos);  // readelf read it
    CHECK(needed.find("libcurl") == std::string::npos);
    CHECK(needed.find("libmosquitto") == std::string::npos);
  }
}

TEST_CASE("a kiosk that synced over http holds neither libcurl nor OpenSSL: its helper fetched") {
  if (std::strlen(FOYER_TEST_EMULATOR) > 0) {
    // An emulated foyer cannot exec a helper built for another machine
    // (without binfmt_misc), and fetches in its own process instead.
    MESSAGE("left out under an emulator");
    return;
  }
  using namespace std::chrono_literals;
  testing::FaultServer server;
  server.On("/schedule.json", testing::Answer(200, testing::ReadFile(testing::DemoFeed()),
                                              {{"Content-Type", "application/json"}}));
  testing::TempDir dir;
  const std::string config = dir.File("screen.toml");
  testing::WriteFile(config, "[feed]\nurl = \"" + server.Url("/schedule.json") +
                                 "\"\ninterval = 3600\n[display]\nmode = \"room\"\n"
                                 "room = \"Main Hall\"\nsize = \"800x480\"\nfullscreen = false\n"
                                 "[clock]\nstart = \"2025-10-15T10:40:10+05:00\"\n"
                                 "[cache]\npath = \"" +
                                 dir.File("cache.db") + "\"\n");
  testing::Child kiosk("foyer", {"--config", config, "--exit-after", "30"},
                       {"SDL_VIDEODRIVER=dummy"});
  for (int i = 0; i < 1000 && kiosk.err().find("sync: updated") == std::string::npos; ++i)
    std::this_thread::sleep_for(10ms);
  CAPTURE(kiosk.err());
  REQUIRE(kiosk.err().find("sync: updated") != std::string::npos);
  CHECK(server.RequestsFor("/schedule.json").size() == 1);
  const std::string maps = testing::ReadFile("/proc/" + std::to_string(kiosk.pid()) + "/maps");
  CHECK(maps.find("libc.so.6") != std::string::npos);  // the maps were read
  for (const char* library : {"libcurl", "libcrypto", "libssl", "libgnutls"}) {
    CAPTURE(library);
    CHECK(maps.find(library) == std::string::npos);
  }
  CHECK(kiosk.err().find("fetch helper") == std::string::npos);  // no warning: it ran
  kiosk.Signal(SIGTERM);
  CHECK(kiosk.WaitFor(5s) == 0);
}

}  // namespace
}  // namespace foyer
