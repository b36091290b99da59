#include "app/hours.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "app/power_switch.h"
#include "app/screen_plan.h"
#include "app/supervisor.h"
#include "support/files.h"

namespace foyer {
namespace {

UnixSeconds At(const char* iso) { return ParseIsoInstant(iso)->utc; }

Session Talk(const char* room, const char* start, int minutes) {
  Session session;
  session.room = room;
  session.title = "Talk";
  session.start = At(start);
  session.end = session.start + minutes * 60;
  session.utc_offset = 5 * 3600;
  return session;
}

// A forum day: Main Hall 10:00–12:00 and 16:00–18:00, Hall A 09:00–09:30.
Schedule ForumDay() {
  Schedule schedule;
  schedule.rooms = {{"Main Hall", ""}, {"Hall A", ""}};
  schedule.sessions = {Talk("Main Hall", "2025-10-15T10:00:00+05:00", 120),
                       Talk("Main Hall", "2025-10-15T16:00:00+05:00", 120),
                       Talk("Hall A", "2025-10-15T09:00:00+05:00", 30)};
  return schedule;
}

TEST_CASE("display.hours reads always, event and a window of local times") {
  CHECK(ParseHours("always")->kind == HoursKind::kAlways);
  CHECK(ParseHours("event")->kind == HoursKind::kEvent);
  CHECK(*ParseHours("07:30-22:00") == Hours{HoursKind::kWindow, 450, 1320});
  CHECK(*ParseHours("18:00-24:00") == Hours{HoursKind::kWindow, 1080, 1440});
  for (const char* bad : {"", "sometimes", "7:30-22:00", "07:30-07:30", "25:00-26:00",
                          "07:60-08:00", "24:00-08:00", "07:30 - 22:00", "07:30"})
    CHECK_FALSE(ParseHours(bad).has_value());
}

TEST_CASE("a window of hours is in the venue's local time, also past midnight") {
  const Zone almaty = Zone::Fixed(5 * 3600);
  const Schedule none;
  Hours day = *ParseHours("07:30-22:00");
  CHECK(PowerAt(day, none, {}, almaty, At("2025-10-15T07:29:00+05:00")) == Power::kOff);
  CHECK(PowerAt(day, none, {}, almaty, At("2025-10-15T07:30:00+05:00")) == Power::kOn);
  CHECK(PowerAt(day, none, {}, almaty, At("2025-10-15T21:59:00+05:00")) == Power::kOn);
  CHECK(PowerAt(day, none, {}, almaty, At("2025-10-15T22:00:00+05:00")) == Power::kOff);
  Hours night = *ParseHours("18:00-02:00");
  CHECK(PowerAt(night, none, {}, almaty, At("2025-10-15T23:00:00+05:00")) == Power::kOn);
  CHECK(PowerAt(night, none, {}, almaty, At("2025-10-16T01:59:00+05:00")) == Power::kOn);
  CHECK(PowerAt(night, none, {}, almaty, At("2025-10-16T12:00:00+05:00")) == Power::kOff);
}

TEST_CASE(
    "event hours run from an hour before the day's first session to half an hour after its last") {
  const Zone almaty = Zone::Fixed(5 * 3600);
  const Schedule day = ForumDay();
  const Hours event{HoursKind::kEvent};
  auto power = [&](const char* at, std::vector<std::string> rooms) {
    return PowerAt(event, day, rooms, almaty, At(at));
  };
  CHECK(power("2025-10-15T07:59:00+05:00", {}) == Power::kOff);
  CHECK(power("2025-10-15T08:00:00+05:00", {}) == Power::kOn);              // Hall A at 09:00
  CHECK(power("2025-10-15T08:00:00+05:00", {"Main Hall"}) == Power::kOff);  // its rooms only
  CHECK(power("2025-10-15T09:00:00+05:00", {"Main Hall"}) == Power::kOn);
  CHECK(power("2025-10-15T14:00:00+05:00", {"Main Hall"}) == Power::kOn);  // a lunch gap stays lit
  CHECK(power("2025-10-15T18:29:00+05:00", {"Main Hall"}) == Power::kOn);
  CHECK(power("2025-10-15T18:30:00+05:00", {"Main Hall"}) == Power::kOff);
  CHECK(power("2025-10-16T12:00:00+05:00", {}) == Power::kOff);  // a day with nothing
  CHECK(PowerAt(event, Schedule{}, {}, almaty, At("2025-10-15T03:00:00+05:00")) == Power::kOn);
}

TEST_CASE("a screen outside its hours is off, says so in its status, and an emergency lights it") {
  ScreenPlan plan;
  plan.room = "Main Hall";
  plan.rooms_shown = {"Main Hall"};
  plan.cached.schedule = ForumDay();
  plan.cached.zone = Zone::Fixed(5 * 3600);
  plan.hours = *ParseHours("08:00-20:00");
  const UnixSeconds night = At("2025-10-15T21:00:00+05:00");
  CHECK(PowerAt(plan, night) == Power::kOff);
  CHECK(StatusLine(plan, {night, night, true}).find("dark: outside display.hours") !=
        std::string::npos);
  CHECK(MakeScreenInput(plan, {night, night, true}, 800, 480).asleep);
  CHECK_FALSE(MakeScreenInput(plan, {night, night, false}, 800, 480).asleep);  // clock unknown
  Announcement fire;
  fire.level = AnnouncementLevel::kEmergency;
  fire.starts = night - 60;
  fire.ends = night + 60;
  plan.announcements = {fire};
  CHECK(PowerAt(plan, night) == Power::kOn);
  CHECK_FALSE(MakeScreenInput(plan, {night, night, true}, 800, 480).asleep);
}

TEST_CASE("power commands run when the hours change and off again every ten minutes") {
  PowerAssertion assertion;
  const std::int64_t minute = 60'000'000;
  CHECK(assertion.Due(Power::kOn, 0) == Power::kOn);  // at start
  CHECK_FALSE(assertion.Due(Power::kOn, 30 * minute).has_value());
  CHECK(assertion.Due(Power::kOff, 31 * minute) == Power::kOff);
  CHECK_FALSE(assertion.Due(Power::kOff, 40 * minute).has_value());
  CHECK(assertion.Due(Power::kOff, 41 * minute) == Power::kOff);  // someone switched it on
  CHECK(assertion.Due(Power::kOn, 42 * minute) == Power::kOn);
  CHECK_FALSE(assertion.Due(Power::kOn, 90 * minute).has_value());
}

// Waits until the switch's command is done (at most 5 s).
void AwaitIdle(const PowerSwitch& power) {
  for (int i = 0; i < 500 && power.Busy(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

TEST_CASE("a power command runs without a shell; its failure and its timeout are told") {
  testing::TempDir dir;
  const std::string marker = dir.File("switched off; rm -rf nothing");
  {
    PowerSwitch power({"touch", marker}, {"false"});
    power.Want(Power::kOn, 0);
    AwaitIdle(power);
    CHECK(power.LastOutcome() == "exited with 1");
    power.Want(Power::kOff, 1);
    AwaitIdle(power);
    CHECK(power.LastOutcome() == "ok");
    CHECK(std::filesystem::exists(marker));  // one argument, spaces and ; as they are
  }
  {
    PowerSwitch power({"foyer-no-such-command"}, {});
    power.Want(Power::kOff, 0);
    AwaitIdle(power);
    CHECK(power.LastOutcome().rfind("cannot start", 0) == 0);
  }
  PowerSwitch slow({"sleep", "30"}, {}, 200'000);
  const auto started = std::chrono::steady_clock::now();
  slow.Want(Power::kOff, 0);
  AwaitIdle(slow);
  CHECK(slow.LastOutcome() == "timed out after 200 ms");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}

}  // namespace
}  // namespace foyer
