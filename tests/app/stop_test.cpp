// Stopping a screen while its feed server stalls: systemd sends SIGTERM at
// every restart and shutdown, and a download that hangs must not hold the
// screen for feed.timeout (up to 600 s). The kiosk ends the transfer and exits
// 0 within a second, leaving the cache as it was; --sync-once ends as
// promptly and its JSON line says it was stopped.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "store/store.h"
#include "support/fault_server.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// A screen whose feed comes from the fault server: synced once from a good
// answer, then the server holds every request without answering.
struct StalledScreen {
  testing::FaultServer server;
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  std::string cache = dir.File("cache.db");

  StalledScreen() {
    testing::WriteFile(config, "[feed]\nurl = \"" + server.Url("/schedule.json") +
                                   "\"\ntimeout = 600\n[display]\nmode = \"room\"\n"
                                   "room = \"Gray Room\"\nfullscreen = false\nsize = \"800x480\"\n"
                                   "[cache]\npath = \"cache.db\"\n");
    server.On("/schedule.json",
              testing::Answer(
                  200, testing::ReadFile(testing::RealFeed("pretalx-democon-2020.schedule.json"))));
    REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
    server.On("/schedule.json", testing::Hold());
  }

  // Waits until the server holds `count` requests in all.
  bool WaitForRequests(size_t count) {
    for (int i = 0; i < 500 && server.Requests().size() < count; ++i)
      std::this_thread::sleep_for(10ms);
    return server.Requests().size() >= count;
  }

  // What the cache holds, to tell it was left alone.
  std::string CacheContents() {
    auto store = Store::Open(cache);
    REQUIRE(store.ok());
    auto state = (*store)->LoadFeedState();
    REQUIRE(state.ok());
    return state->content_hash + "@" + std::to_string(state->last_sync) + "/" +
           std::to_string((*store)->LoadSchedule()->sessions.size()) + "/" +
           std::to_string(*(*store)->ChangeCounter());
  }
};

// Sends `signal` and returns how long the child took to exit, and its code.
std::pair<std::chrono::milliseconds, std::optional<int>> StopAndTime(testing::Child& child,
                                                                     int signal) {
  const auto sent = std::chrono::steady_clock::now();
  child.Signal(signal);
  std::optional<int> code = child.WaitFor(5s);
  return {std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                sent),
          code};
}

TEST_CASE("SIGTERM during a stalled download ends the kiosk with exit 0 within a second") {
  StalledScreen screen;
  const std::string before = screen.CacheContents();
  testing::Child kiosk("foyer", {"--config", screen.config}, {"SDL_VIDEODRIVER=dummy"});
  REQUIRE(screen.WaitForRequests(2));  // the kiosk's first poll is held
  std::this_thread::sleep_for(200ms);
  auto [took, code] = StopAndTime(kiosk, SIGTERM);
  CAPTURE(kiosk.err());
  REQUIRE(code.has_value());
  CHECK(*code == 0);
  CHECK(took < 1500ms);
  CHECK(screen.CacheContents() == before);
}

TEST_CASE("SIGINT stops the kiosk the same way") {
  StalledScreen screen;
  testing::Child kiosk("foyer", {"--config", screen.config}, {"SDL_VIDEODRIVER=dummy"});
  REQUIRE(screen.WaitForRequests(2));
  auto [took, code] = StopAndTime(kiosk, SIGINT);
  CAPTURE(kiosk.err());
  CHECK(code == 0);
  CHECK(took < 1500ms);
}

TEST_CASE("SIGTERM during a stalled --sync-once prints a failed line saying it was stopped") {
  StalledScreen screen;
  const std::string before = screen.CacheContents();
  testing::Child sync("foyer", {"--config", screen.config, "--sync-once"});
  REQUIRE(screen.WaitForRequests(2));
  auto [took, code] = StopAndTime(sync, SIGTERM);
  CAPTURE(sync.err());
  CHECK(code == 1);
  CHECK(took < 1500ms);
  json line = json::parse(sync.out());
  CHECK(line["result"] == "failed");
  CHECK(line["error"].get<std::string>().find("stopped before the transfer finished") !=
        std::string::npos);
  CHECK(screen.CacheContents() == before);
}

}  // namespace
}  // namespace foyer
