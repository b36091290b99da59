// A running kiosk tells how it is doing when asked: SIGUSR1 makes it print one
// JSON line on stderr with what --exit-after prints and every cache's size
// against its cap (docs/CONTRACTS.md), which is what tools/soak samples.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// The JSON lines the kiosk has written on stderr so far.
std::vector<json> StatsLines(const testing::Child& kiosk) {
  std::vector<json> lines;
  std::istringstream err(kiosk.err());
  std::string line;
  while (std::getline(err, line))
    if (!line.empty() && line.front() == '{') lines.push_back(json::parse(line));
  return lines;
}

// Waits up to five seconds for `count` lines.
std::vector<json> WaitForStatsLines(const testing::Child& kiosk, size_t count) {
  std::vector<json> lines;
  for (int i = 0; i < 500 && (lines = StatsLines(kiosk)).size() < count; ++i)
    std::this_thread::sleep_for(10ms);
  return lines;
}

TEST_CASE("SIGUSR1 makes a running kiosk print its statistics and caches on stderr") {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  testing::WriteFile(config, "[feed]\nurl = \"file://" + testing::DemoFeed() +
                                 "\"\n[display]\nmode = \"hallway\"\nsize = \"800x480\"\n"
                                 "fullscreen = false\n"
                                 "[clock]\nstart = \"2025-10-15T10:40:10+05:00\"\n"
                                 "[cache]\npath = \"cache.db\"\n");
  REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  testing::Child kiosk("foyer", {"--config", config, "--exit-after", "30"},
                       {"SDL_VIDEODRIVER=dummy"});
  std::this_thread::sleep_for(1500ms);  // started and drawn
  kiosk.Signal(SIGUSR1);
  std::vector<json> lines = WaitForStatsLines(kiosk, 1);
  CAPTURE(kiosk.err());
  REQUIRE(lines.size() == 1);
  const json& stats = lines[0];
  CHECK(stats["frames"].get<int>() >= 1);
  for (const char* field : {"syncs", "seconds", "first_frame_ms", "draw_ms", "slowest_draw_ms",
                            "peak_rss_kb", "cache_problem", "cache_moved_aside"})
    CHECK_MESSAGE(stats.contains(field), field);
  for (const char* name : {"text_textures", "images", "qr_codes", "text_widths", "line_metrics",
                           "missing_code_points"}) {
    CAPTURE(name);
    REQUIRE(stats["caches"].contains(name));
    const json& cache = stats["caches"][name];
    CHECK(cache["bytes"].get<size_t>() <= cache["cap_bytes"].get<size_t>());
    CHECK(cache["cap_bytes"].get<size_t>() > 0);
  }
  CHECK(stats["caches"]["text_textures"]["entries"].get<int>() > 0);
  CHECK(stats["caches"]["text_textures"]["misses"].get<int>() > 0);
  CHECK(stats["caches"]["text_widths"]["bytes"].get<size_t>() > 0);

  // Asked again, it answers again, and it keeps running until stopped.
  kiosk.Signal(SIGUSR1);
  lines = WaitForStatsLines(kiosk, 2);
  CHECK(lines.size() == 2);
  CHECK_FALSE(kiosk.WaitFor(0ms).has_value());
  kiosk.Signal(SIGTERM);
  CHECK(kiosk.WaitFor(5s) == 0);
}

}  // namespace
}  // namespace foyer
