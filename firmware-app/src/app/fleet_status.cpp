#include "app/fleet_status.h"

#include "fleet/system_facts.h"
#include "timeline/timeline.h"

namespace foyer {
namespace {

using nlohmann::json;

json TitleOrNull(const std::optional<Session>& session) {
  return session ? json(session->title) : json(nullptr);
}

// The state and the title now; a hallway lists each room's title now too.
void AddState(const ScreenPlan& plan, const ScreenMoment& moment, json& out) {
  const Zone& zone = plan.cached.zone;
  const bool trusted = moment.clock_trusted && plan.cached.has_schedule();
  out["now"] = nullptr;
  if (plan.hallway()) {
    HallwayView view = ViewHallway(plan.cached.schedule, plan.hallway_rooms, moment.at, zone);
    out["room"] = nullptr;
    out["state"] = RoomStateName(trusted ? view.state : RoomState::kBeforeEvent);
    out["rooms"] = json::array();
    for (const HallwayRow& row : view.rows)
      out["rooms"].push_back(
          {{"room", row.room}, {"now", trusted ? TitleOrNull(row.now) : json(nullptr)}});
    return;
  }
  RoomView view = ViewRoom(plan.cached.schedule, plan.room, moment.at, zone, 0);
  out["room"] = plan.room;
  out["state"] = RoomStateName(trusted ? view.state : RoomState::kBeforeEvent);
  if (trusted) out["now"] = TitleOrNull(view.now);
}

}  // namespace

json ShownStatus(const ScreenPlan& plan, const ScreenMoment& moment) {
  const CachedSchedule& cached = plan.cached;
  json out;
  out["mode"] = kDisplayModeNames.Name(plan.mode);
  AddState(plan, moment, out);
  out["has_schedule"] = cached.has_schedule();
  out["clock_ok"] = moment.clock_trusted;
  out["stale"] = IsStale(plan, moment.real_now);
  out["last_sync"] = cached.last_success ? json(FormatUtcIso(cached.last_success)) : json(nullptr);
  out["feed_sha256"] =
      cached.feed.content_hash.empty() ? json(nullptr) : json(cached.feed.content_hash);
  out["cache_writable"] = cached.storage.writable();
  return out;
}

FleetStatus::FleetStatus(std::string screen_id, Env* clock, Env* real)
    : screen_id_(std::move(screen_id)),
      clock_(clock),
      real_(real),
      started_micros_(real->MonotonicMicros()) {}

bool FleetStatus::SetShown(json shown) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shown == shown_) return false;
  shown_ = std::move(shown);
  return true;
}

std::string FleetStatus::Json() {
  json out;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    out = shown_;
  }
  out["id"] = screen_id_;
  out["version"] = FOYER_VERSION;
  out["online"] = true;
  out["clock"] = FormatUtcIso(clock_->Now());
  out["uptime_s"] = (real_->MonotonicMicros() - started_micros_) / 1'000'000;
  out["rss_kb"] = ResidentKilobytes();
  if (auto celsius = SocTemperature()) out["soc_temp_c"] = *celsius;
  if (auto low = UnderVoltage()) out["under_voltage"] = *low;
  return out.dump();
}

}  // namespace foyer
