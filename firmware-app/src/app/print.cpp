#include "app/print.h"

#include <algorithm>
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

// The rooms on the hallway board, split into its pages on the panel.
json PagesJson(const ScreenPlan& plan, const ScreenMoment& moment, const PrintPanel& panel) {
  json pages = json::array();
  if (!moment.clock_trusted) return pages;
  ScreenInput input = MakeScreenInput(plan, moment, panel.width, panel.height);
  std::vector<std::string> names;
  for (const HallwayRow& row : input.hall.rows) names.push_back(row.room);
  for (const auto& page : SplitIntoPages(names, HallwayPagingOf(input))) pages.push_back(page);
  return pages;
}

// Hallway mode: every room shown, with its now and next.
void AddHallway(const ScreenPlan& plan, const ScreenMoment& moment, json& out) {
  const Zone& zone = plan.cached.zone;
  const bool trusted = moment.clock_trusted;
  HallwayView view = ViewHallway(plan.cached.schedule, plan.hallway_rooms, moment.at, zone);
  out["state"] = RoomStateName(trusted ? view.state : RoomState::kBeforeEvent);
  out["rooms"] = json::array();
  std::vector<std::string> full;
  for (const Announcement& a : ActiveAnnouncementsAt(plan, moment.at))
    if (trusted && a.level == AnnouncementLevel::kFull)
      full.insert(full.end(), a.rooms.begin(), a.rooms.end());
  for (const HallwayRow& row : view.rows)
    out["rooms"].push_back({{"room", row.room},
                            {"now", trusted ? OptionalSession(row.now, zone) : nullptr},
                            {"next", trusted ? OptionalSession(row.next, zone) : nullptr},
                            {"full", std::find(full.begin(), full.end(), row.room) != full.end()}});
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

std::string PrintJson(const ScreenPlan& plan, const ScreenMoment& moment, const PrintPanel& panel) {
  const CachedSchedule& cached = plan.cached;
  json out;
  out["mode"] = kDisplayModeNames.Name(plan.mode);
  out["at"] = cached.zone.FormatIso(moment.at);
  out["event"] = cached.schedule.title;
  out["timezone"] = cached.zone.name();
  if (plan.hallway()) {
    AddHallway(plan, moment, out);
    out["pages"] = PagesJson(plan, moment, panel);
  } else {
    AddRoom(plan, moment, out);
  }
  const bool lit = !moment.clock_trusted || PowerAt(plan, moment.at) == Power::kOn;
  out["power"] = kPowerNames.Name(lit ? Power::kOn : Power::kOff);
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
