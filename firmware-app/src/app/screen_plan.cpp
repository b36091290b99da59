#include "app/screen_plan.h"

#include <algorithm>

#include "feed/announcements.h"
#include "layout/labels.h"
#include "timeline/timeline.h"

namespace foyer {
namespace {

// A room named in the config (its name or slug, in any case) as the feed names it.
std::string FeedName(const Schedule& schedule, const std::string& configured) {
  const Room* room = schedule.FindRoom(configured);
  return room ? room->name : configured;
}

void ResolveRooms(const Config& config, ScreenPlan& plan) {
  const Schedule& schedule = plan.cached.schedule;
  if (!plan.hallway()) {
    plan.room = FeedName(schedule, config.display.room);
    plan.rooms_shown = {plan.room};
    return;
  }
  for (const std::string& name : config.display.rooms)
    plan.hallway_rooms.push_back(FeedName(schedule, name));
  plan.rooms_shown = plan.hallway_rooms;
  if (plan.rooms_shown.empty())
    for (const Room& room : schedule.rooms) plan.rooms_shown.push_back(room.name);
}

// The announcements, their rooms matched by name or slug.
std::vector<Announcement> Normalized(const CachedSchedule& cached) {
  std::vector<Announcement> normalized = cached.announcements;
  for (Announcement& a : normalized)
    for (std::string& room : a.rooms)
      if (const Room* known = cached.schedule.FindRoom(room)) room = known->name;
  return normalized;
}

// "Updated 10:42" (with the date when not today) once the data is stale; else "".
std::string StaleNote(const ScreenPlan& plan, UnixSeconds real_now) {
  if (!IsStale(plan, real_now)) return "";
  const Zone& zone = plan.cached.zone;
  CivilTime synced = zone.ToCivil(plan.cached.last_success);
  std::string when = FormatHourMinute(synced.hour, synced.minute);
  if (synced.date != zone.ToCivil(real_now).date) when = FormatDate(synced.date) + " " + when;
  return LabelText(Label::kUpdated, plan.languages.front()) + " " + when;
}

}  // namespace

ScreenPlan PlanScreen(const Config& config, CachedSchedule cached) {
  ScreenPlan plan;
  plan.mode = config.display.mode;
  plan.cached = std::move(cached);
  ResolveRooms(config, plan);
  plan.announcements = Normalized(plan.cached);
  plan.languages = config.display.languages;
  plan.theme = Theme::Named(config.display.theme);
  plan.logo = config.display.logo;
  plan.next_count = config.display.next_count;
  plan.hallway_order = config.display.hallway_order;
  plan.hours = config.display.hours;
  plan.info = config.display.info;
  plan.stale_after = config.feed.stale_after;
  plan.zone_known = plan.cached.has_schedule() || !config.clock.timezone.empty();
  return plan;
}

bool IsStale(const ScreenPlan& plan, UnixSeconds real_now) {
  UnixSeconds last_success = plan.cached.last_success;
  return last_success > 0 && real_now - last_success > plan.stale_after;
}

std::vector<Announcement> ActiveAnnouncementsAt(const ScreenPlan& plan, UnixSeconds at) {
  return ActiveAnnouncements(plan.announcements, plan.rooms_shown, at);
}

Power PowerAt(const ScreenPlan& plan, UnixSeconds at) {
  for (const Announcement& a : ActiveAnnouncementsAt(plan, at))
    if (a.level == AnnouncementLevel::kEmergency) return Power::kOn;
  return PowerAt(plan.hours, plan.cached.schedule, plan.rooms_shown, plan.cached.zone, at);
}

std::vector<HallwayRow> BoardAt(const ScreenPlan& plan, const HallwayView& view, UnixSeconds at) {
  std::vector<HallwayRow> rows = BoardRows(view, at, plan.cached.zone, plan.hallway_order);
  for (const Announcement& a : ActiveAnnouncementsAt(plan, at)) {
    if (a.level != AnnouncementLevel::kFull) continue;
    for (HallwayRow& row : rows)
      row.full |= std::find(a.rooms.begin(), a.rooms.end(), row.room) != a.rooms.end();
  }
  return rows;
}

namespace {

// The announcements a screen shows as bands: a hallway marks full rooms in
// its rows instead.
std::vector<Announcement> ShownAnnouncements(const ScreenPlan& plan, UnixSeconds at) {
  std::vector<Announcement> shown = ActiveAnnouncementsAt(plan, at);
  if (plan.hallway())
    std::erase_if(shown, [](const Announcement& a) { return a.level == AnnouncementLevel::kFull; });
  return shown;
}

}  // namespace

ScreenInput MakeScreenInput(const ScreenPlan& plan, const ScreenMoment& moment, int width,
                            int height) {
  const CachedSchedule& cached = plan.cached;
  const UnixSeconds at = moment.at;
  ScreenInput input;
  input.hallway = plan.hallway();
  input.has_schedule = cached.has_schedule();
  input.clock_unknown = !moment.clock_trusted;
  input.zone_known = plan.zone_known;
  input.event_title = cached.schedule.title;
  input.logo = plan.logo;
  input.now = at;
  input.zone = cached.zone;
  input.languages = plan.languages;
  input.width = width;
  input.height = height;
  input.theme = plan.theme;
  input.info = plan.info;
  // An untrusted clock cannot say the hours are over: the screen stays lit.
  input.asleep = moment.clock_trusted && PowerAt(plan, at) == Power::kOff;
  if (input.hallway) {
    input.hall = ViewHallway(cached.schedule, plan.hallway_rooms, at, cached.zone);
    input.hall.rows = BoardAt(plan, input.hall, at);
  } else {
    input.room = ViewRoom(cached.schedule, plan.room, at, cached.zone, plan.next_count);
  }
  if (moment.clock_trusted) input.announcements = ShownAnnouncements(plan, at);
  input.status_note = StaleNote(plan, moment.real_now);
  return input;
}

}  // namespace foyer
