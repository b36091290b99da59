#include "app/screen.h"

#include <nlohmann/json.hpp>

#include "feed/announcements.h"
#include "layout/labels.h"
#include "sync/health.h"
#include "timeline/timeline.h"

namespace foyer {

Result<CachedSchedule> LoadCachedSchedule(Store& store, const Config& config) {
  CachedSchedule cached;
  auto schedule = store.LoadSchedule();
  if (!schedule.ok()) return schedule.status();
  auto feed = store.LoadFeedState();
  if (!feed.ok()) return feed.status();
  auto announcements = store.LoadAnnouncements();
  if (!announcements.ok()) return announcements.status();
  cached.schedule = std::move(*schedule);
  cached.feed = std::move(*feed);
  cached.announcements = std::move(*announcements);
  cached.last_success = std::max(cached.feed.last_sync,
                                 ReadSyncHealth(SyncHealthPath(config.cache.path)).last_success);
  auto zone = ChooseDisplayZone(cached.schedule, config.clock.timezone);
  if (!zone.ok()) return zone.status().WithContext("clock.timezone");
  cached.zone = std::move(*zone);
  return cached;
}

SyncOptions SyncOptionsFor(const Config& config) {
  SyncOptions options;
  options.url = config.feed.url;
  options.announcements_url = config.feed.announcements_url;
  options.timeout_seconds = config.feed.timeout;
  options.max_bytes = static_cast<std::size_t>(config.feed.max_bytes);
  options.interval_seconds = config.feed.interval;
  options.minisign_key = config.feed.minisign_key;
  options.ca_file = config.feed.ca_file;
  options.token_file = config.feed.token_file;
  options.health_path = SyncHealthPath(config.cache.path);
  options.timezone = config.clock.timezone;
  return options;
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

std::vector<std::string> RoomsShown(const Config& config, const Schedule& schedule) {
  if (config.display.mode != "hallway") return {ResolveRoom(config, schedule)};
  std::vector<std::string> rooms = ResolveRooms(config, schedule);
  if (rooms.empty())
    for (const Room& room : schedule.rooms) rooms.push_back(room.name);
  return rooms;
}

bool IsStale(const Config& config, UnixSeconds last_success, UnixSeconds real_now) {
  return last_success > 0 && real_now - last_success > config.feed.stale_after;
}

bool ClockPlausible(UnixSeconds real_now, UnixSeconds last_success, std::string* why) {
  // A day of slack for builds made with a clock slightly ahead, an hour for syncs.
  const UnixSeconds build = FOYER_BUILD_UNIX;
  if (real_now < build - 86400) {
    if (why)
      *why = "the system clock says " + FormatUtcIso(real_now) + ", before this foyer was built (" +
             FormatUtcIso(build) + "): waiting for NTP to set the time";
    return false;
  }
  if (last_success > 0 && real_now < last_success - 3600) {
    if (why)
      *why = "the system clock says " + FormatUtcIso(real_now) +
             ", before the last successful sync (" + FormatUtcIso(last_success) +
             "): waiting for NTP to set the time";
    return false;
  }
  return true;
}

namespace {

// Announcements for this screen, matched by room name or slug.
std::vector<Announcement> AnnouncementsFor(const Config& config, const CachedSchedule& cached,
                                           UnixSeconds at) {
  std::vector<Announcement> normalized = cached.announcements;
  for (Announcement& a : normalized)
    for (std::string& room : a.rooms)
      if (const Room* known = cached.schedule.FindRoom(room)) room = known->name;
  return ActiveAnnouncements(normalized, RoomsShown(config, cached.schedule), at);
}

}  // namespace

ScreenInput MakeScreenInput(const Config& config, const CachedSchedule& cached,
                            const ScreenMoment& moment, int width, int height) {
  ScreenInput input;
  const UnixSeconds at = moment.at;
  input.hallway = config.display.mode == "hallway";
  input.has_schedule = cached.has_schedule();
  input.clock_unknown = !moment.clock_trusted;
  input.zone_known = cached.has_schedule() || !config.clock.timezone.empty();
  input.event_title = cached.schedule.title;
  input.logo = config.display.logo;
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
  if (moment.clock_trusted) input.announcements = AnnouncementsFor(config, cached, at);
  if (IsStale(config, cached.last_success, moment.real_now)) {
    CivilTime synced = cached.zone.ToCivil(cached.last_success);
    std::string when = FormatHourMinute(synced.hour, synced.minute);
    if (synced.date != cached.zone.ToCivil(moment.real_now).date)
      when = FormatDate(synced.date) + " " + when;
    input.status_note = LabelText(Label::kUpdated, config.display.languages.front()) + " " + when;
  }
  return input;
}

namespace {

nlohmann::json SessionFields(const Session& session, const CivilTime& start, const CivilTime& end) {
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

nlohmann::json SessionJson(const Session& session, const Zone& zone) {
  CivilTime start = zone.ToCivil(session.start);
  CivilTime end = zone.ToCivil(session.end);
  nlohmann::json out = SessionFields(session, start, end);
  if (session.previous.any()) {
    nlohmann::json changed = nlohmann::json::object();
    auto time = [&](UnixSeconds t) {
      CivilTime civil = zone.ToCivil(t);
      return FormatHourMinute(civil.hour, civil.minute);
    };
    if (session.previous.start) {
      changed["start"] = time(*session.previous.start);
      CivilDate was = zone.ToCivil(*session.previous.start).date;
      if (was != start.date) changed["date"] = FormatDate(was);
    }
    if (session.previous.end) changed["end"] = time(*session.previous.end);
    if (session.previous.room) changed["room"] = *session.previous.room;
    if (session.previous.title) changed["title"] = *session.previous.title;
    out["changed"] = changed;
  }
  if (session.cancelled) out["cancelled"] = true;
  return out;
}

nlohmann::json OptionalSession(const std::optional<Session>& session, const Zone& zone) {
  return session ? SessionJson(*session, zone) : nlohmann::json(nullptr);
}

}  // namespace

std::string PrintJson(const Config& config, const CachedSchedule& cached,
                      const ScreenMoment& moment) {
  const Zone& zone = cached.zone;
  const UnixSeconds at = moment.at;
  const bool trusted = moment.clock_trusted;
  nlohmann::json out;
  out["mode"] = config.display.mode;
  out["at"] = zone.FormatIso(at);
  out["event"] = cached.schedule.title;
  out["timezone"] = zone.name();
  if (config.display.mode == "hallway") {
    HallwayView view =
        ViewHallway(cached.schedule, ResolveRooms(config, cached.schedule), at, zone);
    out["state"] = RoomStateName(trusted ? view.state : RoomState::kBeforeEvent);
    out["rooms"] = nlohmann::json::array();
    for (const HallwayRow& row : view.rows)
      out["rooms"].push_back({{"room", row.room},
                              {"now", trusted ? OptionalSession(row.now, zone) : nullptr},
                              {"next", trusted ? OptionalSession(row.next, zone) : nullptr}});
  } else {
    RoomView view = ViewRoom(cached.schedule, ResolveRoom(config, cached.schedule), at, zone,
                             config.display.next_count);
    out["room"] = view.room;
    out["state"] = RoomStateName(trusted ? view.state : RoomState::kBeforeEvent);
    out["now"] = trusted ? OptionalSession(view.now, zone) : nullptr;
    out["next"] = nlohmann::json::array();
    if (trusted)
      for (const Session& session : view.next) out["next"].push_back(SessionJson(session, zone));
  }
  out["announcements"] = nlohmann::json::array();
  if (trusted)
    for (const Announcement& a : AnnouncementsFor(config, cached, at))
      out["announcements"].push_back({{"id", a.id},
                                      {"text", a.text},
                                      {"level", a.level},
                                      {"rooms", a.rooms},
                                      {"starts", zone.FormatIso(a.starts)},
                                      {"ends", zone.FormatIso(a.ends)}});
  out["has_schedule"] = cached.has_schedule();
  out["clock_ok"] = trusted;
  out["stale"] = IsStale(config, cached.last_success, moment.real_now);
  out["last_sync"] =
      cached.last_success ? nlohmann::json(FormatUtcIso(cached.last_success)) : nullptr;
  out["last_change"] =
      cached.feed.last_change ? nlohmann::json(FormatUtcIso(cached.feed.last_change)) : nullptr;
  return out.dump();
}

}  // namespace foyer
