// An idle screen sleeps: between minute ticks the kiosk wakes only for what
// can change a pixel, on every video driver. Counted as the kernel counts it,
// in voluntary context switches of all the process's threads, with generous
// margins (the target is at most 2 a second; SDL's own wait woke ~890 times).
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

using namespace std::chrono_literals;

// The voluntary context switches of every thread of `pid` so far.
long VoluntarySwitches(pid_t pid) {
  long total = 0;
  const std::filesystem::path tasks = "/proc/" + std::to_string(pid) + "/task";
  std::error_code error;
  for (const auto& task : std::filesystem::directory_iterator(tasks, error)) {
    std::ifstream status(task.path() / "status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("voluntary_ctxt_switches:", 0) == 0)
        total += std::stol(line.substr(line.find(':') + 1));
  }
  return total;
}

// A kiosk on the demo at 10:40:10, nothing due for 50 s, on `driver`.
// Returns its wake-ups per second over three idle seconds.
double IdleWakeupsPerSecond(const std::string& driver, const std::string& display) {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  testing::WriteFile(config, "[feed]\nurl = \"file://" + testing::DemoFeed() +
                                 "\"\ninterval = 3600\n[display]\nmode = \"room\"\n"
                                 "room = \"Main Hall\"\nsize = \"800x480\"\n" +
                                 display + "[clock]\nstart = \"2025-10-15T10:40:10+05:00\"\n" +
                                 "[cache]\npath = \"cache.db\"\n");
  REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  testing::Child kiosk("foyer", {"--config", config, "--exit-after", "8"},
                       {"SDL_VIDEODRIVER=" + driver});
  std::this_thread::sleep_for(2s);  // started, drawn, synced
  REQUIRE_FALSE(kiosk.WaitFor(0ms).has_value());
  const long before = VoluntarySwitches(kiosk.pid());
  std::this_thread::sleep_for(3s);
  const long after = VoluntarySwitches(kiosk.pid());
  CHECK(kiosk.WaitFor(10s) == 0);
  return (after - before) / 3.0;
}

TEST_CASE("an idle kiosk on the dummy driver hardly wakes up") {
  CHECK(IdleWakeupsPerSecond("dummy", "fullscreen = true\n") < 20);
}

TEST_CASE("an idle kiosk on the offscreen driver hardly wakes up, in a window too") {
  CHECK(IdleWakeupsPerSecond("offscreen", "fullscreen = false\n") < 20);
}

}  // namespace
}  // namespace foyer
