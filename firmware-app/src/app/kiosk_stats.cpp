#include "app/kiosk_stats.h"

#include <sys/resource.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/env.h"

namespace foyer {
namespace {

// Taken when the program is loaded, before main: the start of "exec to first frame".
const std::int64_t g_process_started = Env::Default()->MonotonicMicros();

long PeakRssKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

void KioskStats::FrameDrawn(std::int64_t started_micros, std::int64_t done_micros) {
  ++frames_;
  const std::int64_t took = done_micros - started_micros;
  draw_micros_ += took;
  slowest_draw_micros_ = std::max(slowest_draw_micros_, took);
  if (frames_ == 1) first_frame_micros_ = done_micros - g_process_started;
}

nlohmann::json KioskStats::Json(std::int64_t syncs, double seconds) const {
  nlohmann::json out = {
      {"frames", frames_},
      {"syncs", syncs},
      {"seconds", seconds},
      // From exec to the first frame on screen, drawn from the cache.
      {"first_frame_ms", first_frame_micros_ / 1000.0},
      // Layout, draw and present of a frame, on average and at worst.
      {"draw_ms", frames_ ? draw_micros_ / 1000.0 / frames_ : 0.0},
      {"slowest_draw_ms", slowest_draw_micros_ / 1000.0},
      {"peak_rss_kb", PeakRssKilobytes()},
  };
  return out;
}

}  // namespace foyer
