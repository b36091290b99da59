#include "app/print.h"

#include <nlohmann/json.hpp>

#include "timeline/timeline.h"

namespace foyer {
namespace {

using nlohmann::json;

json SessionFields(const Session& session, const CivilTime& start, const CivilTime& end) {
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

// The previous values of what the last feed update changed.
json Changed(const Session& session, const Zone& zone, CivilDate start_date) {
  json changed = json::object();
  auto time = [&](UnixSeconds t) {
    CivilTime civil = zone.ToCivil(t);
    return FormatHourMinute(civil.hour, civil.minute);
  };
  if (session.previous.start) {
    changed["start"] = time(*session.previous.start);
    CivilDate was = zone.ToCivil(*session.previous.start).date;
    if (was != start_date) changed["date"] = FormatDate(was);
  }
  if (session.previous.end) changed["end"] = time(*session.previous.end);
  if (session.previous.room) changed["room"] = *session.previous.room;
  if (session.previous.title) changed["title"] = *session.previous.title;
  return changed;
}

json SessionJson(const Session& session, const Zone& zone) {
  CivilTime start = zone.ToCivil(session.start);
  CivilTime end = zone.ToCivil(session.end);
  json out = SessionFields(session, start, end);
  if (session.previous.any()) out["changed"] = Changed(session, zone, start.date);
  if (session.cancelled) out["cancelled"] = true;
  return out;
}

json OptionalSession(const std::optional<Session>& session, const Zone& zone) {
  return session ? SessionJson(*session, zone) : json(nullptr);
}

// Hallway mode: every room shown, with its now and next.
void AddHallway(const ScreenPlan& plan, const ScreenMoment& moment, json& out) {
  const Zone& zone = plan.cached.zone;
  const bool trusted = moment.clock_trusted;
  HallwayView view = ViewHallway(plan.cached.schedule, plan.hallway_rooms, moment.at, zone);
  out["state"] = RoomStateName(trusted ? view.state : RoomState::kBeforeEvent);
  out["rooms"] = json::array();
  for (const HallwayRow& row : view.rows)
    out["rooms"].push_back({{"room", row.room},
                            {"now", trusted ? OptionalSession(row.now, zone) : nullptr},
                            {"next", trusted ? OptionalSession(row.next, zone) : nullptr}});
}

// Room mode: the room, its session now and the next ones.
void AddRoom(const ScreenPlan& plan, const ScreenMoment& moment, json& out) {
  const Zone& zone = plan.cached.zone;
  const bool trusted = moment.clock_trusted;
  RoomView view = ViewRoom(plan.cached.schedule, plan.room, moment.at, zone, plan.next_count);
  out["room"] = view.room;
  out["state"] = RoomStateName(trusted ? view.state : RoomState::kBeforeEvent);
  out["now"] = trusted ? OptionalSession(view.now, zone) : nullptr;
  out["next"] = json::array();
  if (trusted)
    for (const Session& session : view.next) out["next"].push_back(SessionJson(session, zone));
}

json AnnouncementsJson(const ScreenPlan& plan, const ScreenMoment& moment) {
  json list = json::array();
  if (!moment.clock_trusted) return list;
  const Zone& zone = plan.cached.zone;
  for (const Announcement& a : ActiveAnnouncementsAt(plan, moment.at))
    list.push_back({{"id", a.id},
                    {"text", a.text},
                    {"level", kAnnouncementLevelNames.Name(a.level)},
                    {"rooms", a.rooms},
                    {"starts", zone.FormatIso(a.starts)},
                    {"ends", zone.FormatIso(a.ends)}});
  return list;
}

json TimeOrNull(UnixSeconds t) { return t ? json(FormatUtcIso(t)) : json(nullptr); }

json TextOrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

}  // namespace

json StorageJson(const StorageStatus& storage) {
  return {{"writable", storage.writable()},
          {"problem", TextOrNull(storage.problem)},
          {"moved_aside", TextOrNull(storage.moved_aside)}};
}

std::string PrintJson(const ScreenPlan& plan, const ScreenMoment& moment) {
  const CachedSchedule& cached = plan.cached;
  json out;
  out["mode"] = kDisplayModeNames.Name(plan.mode);
  out["at"] = cached.zone.FormatIso(moment.at);
  out["event"] = cached.schedule.title;
  out["timezone"] = cached.zone.name();
  if (plan.hallway())
    AddHallway(plan, moment, out);
  else
    AddRoom(plan, moment, out);
  out["announcements"] = AnnouncementsJson(plan, moment);
  out["has_schedule"] = cached.has_schedule();
  out["clock_ok"] = moment.clock_trusted;
  out["stale"] = IsStale(plan, moment.real_now);
  out["last_sync"] = TimeOrNull(cached.last_success);
  out["last_change"] = TimeOrNull(cached.feed.last_change);
  out["storage"] = StorageJson(cached.storage);
  out["withheld"] = TextOrNull(cached.withheld);
  return out.dump();
}

}  // namespace foyer
