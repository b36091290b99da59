// The kiosk's statistics: frames drawn, how long they took, the time from
// exec to the first frame, peak memory. Printed as one JSON line by
// --exit-after (docs/CONTRACTS.md). Thread-compatible: the UI thread only.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

namespace foyer {

class KioskStats {
 public:
  // A frame was drawn and presented; it started and finished at these
  // monotonic microseconds.
  void FrameDrawn(std::int64_t started_micros, std::int64_t done_micros);

  int frames() const { return frames_; }

  // {"frames", "syncs", "seconds", "first_frame_ms", "draw_ms", "slowest_draw_ms",
  // "peak_rss_kb"} for a run of `seconds` with `syncs` syncs.
  nlohmann::json Json(std::int64_t syncs, double seconds) const;

 private:
  int frames_ = 0;
  std::int64_t draw_micros_ = 0, slowest_draw_micros_ = 0, first_frame_micros_ = 0;
};

}  // namespace foyer
