#include "app/screen.h"

#include <nlohmann/json.hpp>

#include "layout/labels.h"
#include "timeline/timeline.h"

namespace foyer {

Result<CachedSchedule> LoadCachedSchedule(Store& store, const Config& config) {
  CachedSchedule cached;
  auto schedule = store.LoadSchedule();
  if (!schedule.ok()) return schedule.status();
  auto feed = store.LoadFeedState();
  if (!feed.ok()) return feed.status();
  cached.schedule = std::move(*schedule);
  cached.feed = std::move(*feed);
  auto zone = ChooseDisplayZone(cached.schedule, config.clock.timezone);
  if (!zone.ok()) return zone.status().WithContext("clock.timezone");
  cached.zone = std::move(*zone);
  return cached;
}

std::string ResolveRoom(const Config& config, const Schedule& schedule) {
  const Room* room = schedule.FindRoom(config.display.room);
  return room ? room->name : config.display.room;
}

std::vector<std::string> ResolveRooms(const Config& config, const Schedule& schedule) {
  std::vector<std::string> rooms;
  for (const std::string& name : config.display.rooms) {
    const Room* room = schedule.FindRoom(name);
    rooms.push_back(room ? room->name : name);
  }
  return rooms;
}

bool IsStale(const Config& config, UnixSeconds last_success, UnixSeconds real_now) {
  return last_success > 0 && real_now - last_success > config.feed.stale_after;
}

ScreenInput MakeScreenInput(const Config& config, const CachedSchedule& cached, UnixSeconds at,
                            UnixSeconds last_success, UnixSeconds real_now, int width, int height) {
  ScreenInput input;
  input.hallway = config.display.mode == "hallway";
  input.has_schedule = cached.has_schedule();
  input.event_title = cached.schedule.title;
  input.now = at;
  input.zone = cached.zone;
  input.languages = config.display.languages;
  input.width = width;
  input.height = height;
  input.theme = Theme::Named(config.display.theme);
  if (input.hallway)
    input.hall =
        ViewHallway(cached.schedule, ResolveRooms(config, cached.schedule), at, cached.zone);
  else
    input.room = ViewRoom(cached.schedule, ResolveRoom(config, cached.schedule), at, cached.zone,
                          config.display.next_count);
  if (IsStale(config, last_success, real_now)) {
    CivilTime synced = cached.zone.ToCivil(last_success);
    std::string when = FormatHourMinute(synced.hour, synced.minute);
    if (synced.date != cached.zone.ToCivil(real_now).date)
      when = FormatDate(synced.date) + " " + when;
    input.status_note = LabelText(Label::kUpdated, config.display.languages.front()) + " " + when;
  }
  return input;
}

namespace {

nlohmann::json SessionJson(const Session& session, const Zone& zone) {
  CivilTime start = zone.ToCivil(session.start);
  CivilTime end = zone.ToCivil(session.end);
  return {{"title", session.title},
          {"room", session.room},
          {"date", FormatDate(start.date)},
          {"start", FormatHourMinute(start.hour, start.minute)},
          {"end", FormatHourMinute(end.hour, end.minute)},
          {"speakers", session.speakers},
          {"track", session.track},
          {"language", session.language},
          {"url", session.url}};
}

nlohmann::json OptionalSession(const std::optional<Session>& session, const Zone& zone) {
  return session ? SessionJson(*session, zone) : nlohmann::json(nullptr);
}

}  // namespace

std::string PrintJson(const Config& config, const CachedSchedule& cached, UnixSeconds at,
                      UnixSeconds real_now) {
  const Zone& zone = cached.zone;
  nlohmann::json out;
  out["mode"] = config.display.mode;
  out["at"] = zone.FormatIso(at);
  out["event"] = cached.schedule.title;
  out["timezone"] = zone.name();
  if (config.display.mode == "hallway") {
    HallwayView view =
        ViewHallway(cached.schedule, ResolveRooms(config, cached.schedule), at, zone);
    out["state"] = cached.has_schedule() ? RoomStateName(view.state) : "after_event";
    out["rooms"] = nlohmann::json::array();
    for (const HallwayRow& row : view.rows)
      out["rooms"].push_back({{"room", row.room},
                              {"now", OptionalSession(row.now, zone)},
                              {"next", OptionalSession(row.next, zone)}});
  } else {
    RoomView view = ViewRoom(cached.schedule, ResolveRoom(config, cached.schedule), at, zone,
                             config.display.next_count);
    out["room"] = view.room;
    out["state"] = RoomStateName(view.state);
    out["now"] = OptionalSession(view.now, zone);
    out["next"] = nlohmann::json::array();
    for (const Session& session : view.next) out["next"].push_back(SessionJson(session, zone));
  }
  out["announcements"] = nlohmann::json::array();
  out["has_schedule"] = cached.has_schedule();
  out["stale"] = IsStale(config, cached.feed.last_sync, real_now);
  out["last_sync"] =
      cached.feed.last_sync ? nlohmann::json(FormatUtcIso(cached.feed.last_sync)) : nullptr;
  return out.dump();
}

}  // namespace foyer
