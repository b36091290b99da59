// What a screen tells its fleet on <topic>/screens/<id>/status
// (docs/CONTRACTS.md, "MQTT topics"): what it shows (mode, room, state, the
// title now), how its sync does (last_sync, stale, feed_sha256) and how the
// board does (clock, uptime, memory, SoC temperature, under-voltage). No
// secrets: no URL, token, user or password.
//
// The kiosk's UI thread sets what is shown (SetShown: it has the plan); the
// fleet link's thread asks for the whole status (Json) when it publishes,
// with the board's facts read then. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "app/screen_plan.h"
#include "base/env.h"

namespace foyer {

// The part of the status that the plan and the moment decide.
nlohmann::json ShownStatus(const ScreenPlan& plan, const ScreenMoment& moment);

class FleetStatus {
 public:
  // `clock` gives the screen's idea of now (the demo clock, or the system's);
  // `real` the uptime. REQUIRES: both outlive this.
  FleetStatus(std::string screen_id, Env* clock, Env* real);
  // True when what is shown differs from the last call's.
  bool SetShown(nlohmann::json shown);
  // The whole status now, as JSON text.
  std::string Json();

 private:
  const std::string screen_id_;
  Env* clock_;
  Env* real_;
  const std::int64_t started_micros_;
  std::mutex mutex_;
  nlohmann::json shown_ = nlohmann::json::object();  // guarded by mutex_
};

}  // namespace foyer
