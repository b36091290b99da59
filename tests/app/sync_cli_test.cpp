// The sync as venue staff see it through the foyer command: signed feeds,
// announcements, staleness and a clock that cannot be trusted.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/cached_schedule.h"
#include "app/clock_check.h"
#include "app/print.h"
#include "app/screen_plan.h"
#include "render/png.h"
#include "support/files.h"
#include "support/process.h"
#include "sync/health.h"

namespace foyer {
namespace {

using nlohmann::json;
using testing::Foyer;
using testing::ShellQuote;

const char* kDemocon = "pretalx-democon-2020.schedule.json";

void Shell(const std::string& command) {
  INFO(command);
  REQUIRE_MESSAGE(std::system("command -v minisign >/dev/null") == 0,
                  "minisign is not installed: apt-get install -y minisign (tools/deps --test)");
  REQUIRE(std::system((command + " >/dev/null 2>&1").c_str()) == 0);
}

// A screen whose feed is a file the test serves and may sign.
struct SignedScreen {
  testing::TempDir dir;
  std::string feed = dir.File("schedule.json");
  std::string config = dir.File("screen.toml");
  std::string public_key;

  explicit SignedScreen(bool with_key = true) {
    testing::WriteFile(feed, testing::ReadFile(testing::RealFeed(kDemocon)));
    Shell("minisign -G -W -p " + ShellQuote(dir.File("key.pub")) + " -s " +
          ShellQuote(dir.File("key.sec")));
    std::string pub = testing::ReadFile(dir.File("key.pub"));
    public_key = pub.substr(pub.find('\n') + 1);
    public_key = public_key.substr(0, public_key.find('\n'));
    testing::WriteFile(config, "[feed]\nurl = \"schedule.json\"\n" +
                                   (with_key ? "minisign_key = \"" + public_key + "\"\n" : "") +
                                   "[display]\nmode = \"room\"\nroom = \"Gray Room\"\n"
                                   "[cache]\npath = \"cache.db\"\n");
  }
  void Sign() {
    Shell("minisign -S -s " + ShellQuote(dir.File("key.sec")) + " -m " + ShellQuote(feed));
  }
  json SyncOnce(int expected_exit) {
    auto run = Foyer({"--config", config, "--sync-once"});
    CHECK(run.exit_code == expected_exit);
    return json::parse(run.out);
  }
  json Print(const std::string& at = "2020-12-14T09:10:00+01:00") {
    auto run = Foyer({"--config", config, "--print", "--at", at});
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
  }
};

TEST_CASE("a feed signed with the organizers' minisign key is accepted") {
  SignedScreen screen;
  screen.Sign();
  json result = screen.SyncOnce(0);
  CHECK(result["result"] == "updated");
  CHECK(result["sessions"] == 36);
}

TEST_CASE("an unsigned feed is refused when a key is configured, and nothing is cached") {
  SignedScreen screen;
  json result = screen.SyncOnce(1);
  CHECK(result["result"] == "failed");
  CHECK(result["error"].get<std::string>().find("schedule.json.minisig") != std::string::npos);
  CHECK(screen.Print()["has_schedule"] == false);
}

TEST_CASE("a feed changed after signing is refused and the last good schedule stays") {
  SignedScreen screen;
  screen.Sign();
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  std::string forged = testing::ReadFile(screen.feed);
  forged.replace(forged.find("Focused 5thgeneration hardware"), 7, "Swapped");
  testing::WriteFile(screen.feed, forged);  // the old signature stays beside it
  json result = screen.SyncOnce(1);
  CHECK(result["result"] == "failed");
  CHECK(result["error"].get<std::string>().find("signature") != std::string::npos);
  CHECK(screen.Print()["now"]["title"] == "Focused 5thgeneration hardware");
}

TEST_CASE("a key set after an unsigned feed was cached hides it until the feed verifies") {
  SignedScreen screen(/*with_key=*/false);
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  REQUIRE(screen.Print()["now"]["title"] == "Focused 5thgeneration hardware");
  std::string text = testing::ReadFile(screen.config);
  testing::WriteFile(screen.config, text.replace(text.find("[display]"), 0,
                                                 "minisign_key = \"" + screen.public_key + "\"\n"));
  json refused = screen.SyncOnce(1);  // no .minisig beside the feed
  CHECK(refused["result"] == "failed");
  CHECK(refused["error"].get<std::string>().find("schedule.json.minisig") != std::string::npos);
  json hidden = screen.Print();
  CHECK(hidden["has_schedule"] == false);
  CHECK(hidden["now"].is_null());
  CHECK(hidden["withheld"].get<std::string>().find("not verified with feed.minisign_key") !=
        std::string::npos);
  screen.Sign();
  CHECK(screen.SyncOnce(0)["result"] == "updated");  // the same bytes, now verified
  json shown = screen.Print();
  CHECK(shown["now"]["title"] == "Focused 5thgeneration hardware");
  CHECK(shown["withheld"].is_null());
  CHECK(screen.SyncOnce(0)["result"] == "unchanged");
}

TEST_CASE("a signature by another key is refused") {
  SignedScreen screen;
  SignedScreen other;
  Shell("minisign -S -s " + ShellQuote(other.dir.File("key.sec")) + " -m " +
        ShellQuote(screen.feed));
  json result = screen.SyncOnce(1);
  CHECK(result["error"].get<std::string>().find("key") != std::string::npos);
}

TEST_CASE("--check refuses a minisign key that is not one") {
  SignedScreen screen(false);
  std::string text = testing::ReadFile(screen.config);
  testing::WriteFile(screen.config,
                     text.replace(text.find("[display]"), 0, "minisign_key = \"RWnotakey\"\n"));
  auto run = Foyer({"--config", screen.config, "--check"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(screen.config + ":3: feed.minisign_key") != std::string::npos);
}

TEST_CASE("announcements for this room are listed by --print while they are active") {
  testing::TempDir dir;
  testing::WriteFile(dir.File("announcements.json"), R"({"announcements": [
    {"id": "coffee", "text": "Coffee in the foyer", "level": "info", "rooms": [],
     "starts": "2020-12-14T09:00:00+01:00", "ends": "2020-12-14T10:00:00+01:00"},
    {"id": "tan", "text": "Tan Room is full", "level": "warning", "rooms": ["Tan Room"],
     "starts": "2020-12-14T09:00:00+01:00", "ends": "2020-12-14T10:00:00+01:00"},
    {"id": "evacuate", "text": "Leave the building now", "level": "emergency", "rooms": ["gray room"],
     "starts": "2020-12-14T11:00:00+01:00", "ends": "2020-12-14T11:30:00+01:00"}]})");
  std::string config = dir.File("screen.toml");
  testing::WriteFile(config, "[feed]\nurl = \"file://" + testing::RealFeed(kDemocon) +
                                 "\"\nannouncements_url = \"announcements.json\"\n"
                                 "[display]\nmode = \"room\"\nroom = \"Gray Room\"\n"
                                 "[cache]\npath = \"cache.db\"\n");
  auto sync = Foyer({"--config", config, "--sync-once"});
  REQUIRE(sync.exit_code == 0);
  CHECK(json::parse(sync.out)["announcements"] == 3);
  auto print = [&](const char* at) {
    return json::parse(Foyer({"--config", config, "--print", "--at", at}).out)["announcements"];
  };
  json at_nine = print("2020-12-14T09:10:00+01:00");
  REQUIRE(at_nine.size() == 1);
  CHECK(at_nine[0]["id"] == "coffee");
  CHECK(at_nine[0]["level"] == "info");
  json at_eleven = print("2020-12-14T11:10:00+01:00");
  REQUIRE(at_eleven.size() == 1);
  CHECK(at_eleven[0]["level"] == "emergency");  // rooms match by name regardless of case
  CHECK(print("2020-12-14T12:00:00+01:00").empty());

  // An emergency takes the whole screen: mostly its red, none of the schedule's dark.
  std::string png = dir.File("emergency.png");
  REQUIRE(Foyer({"--config", config, "--screenshot", png, "--at", "2020-12-14T11:10:00+01:00",
                 "--size", "800x480"})
              .exit_code == 0);
  auto image = ReadPng(png);
  REQUIRE(image.ok());
  size_t red = 0;
  for (std::uint32_t pixel : image->rgba) red += (pixel >> 24) > 140 && ((pixel >> 16) & 255) < 40;
  CHECK(red > image->rgba.size() * 6 / 10);
}

TEST_CASE("--print says the data is stale once stale_after passes without a successful sync") {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  testing::WriteFile(config, "[feed]\nurl = \"file://" + testing::RealFeed(kDemocon) +
                                 "\"\nstale_after = 60\n[display]\nmode = \"room\"\n"
                                 "room = \"Gray Room\"\n[cache]\npath = \"cache.db\"\n");
  REQUIRE(Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  json fresh = json::parse(Foyer({"--config", config, "--print"}).out);
  CHECK(fresh["stale"] == false);
  CHECK(fresh["last_sync"].is_string());

  // Pretend the last success was two hours ago: the cache's own record and the mirror.
  std::string health_path = SyncHealthPath(dir.File("cache.db"));
  std::system(("sqlite3 " + ShellQuote(dir.File("cache.db")) +
               " 'UPDATE feed_state SET last_sync = last_sync - 7200'")
                  .c_str());
  SyncHealth health = ReadSyncHealth(health_path);
  health.last_success -= 7200;
  REQUIRE(WriteSyncHealth(health_path, health).ok());
  json stale = json::parse(Foyer({"--config", config, "--print"}).out);
  CHECK(stale["stale"] == true);
  // A poll that finds the feed unchanged counts as a successful sync again.
  REQUIRE(Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  CHECK(json::parse(Foyer({"--config", config, "--print"}).out)["stale"] == false);
  std::remove(health_path.c_str());
}

TEST_CASE("a stale screen says since when its data is, without hiding the schedule") {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  testing::WriteFile(config,
                     "[feed]\nurl = \"x.json\"\nstale_after = 900\n[display]\n"
                     "mode = \"room\"\nroom = \"Main Hall\"\n");
  ConfigLoad load = LoadConfig(config);
  REQUIRE(load.ok());
  CachedSchedule cached;
  cached.zone = Zone::Fixed(5 * 3600);
  cached.last_success = ParseIsoInstant("2025-10-15T10:42:00+05:00")->utc;
  ScreenMoment moment{cached.last_success + 600, cached.last_success + 3600, true};
  ScreenPlan plan = PlanScreen(load.config, cached);
  ScreenInput input = MakeScreenInput(plan, moment, 1920, 1080);
  CHECK(input.status_note == "Updated 10:42");
  moment.real_now = cached.last_success + 600;
  CHECK(MakeScreenInput(plan, moment, 1920, 1080).status_note.empty());
}

TEST_CASE("a clock earlier than the build or the last sync is not believed") {
  std::string why;
  CHECK(ClockPlausible(FOYER_TEST_NOW, 0));
  CHECK_FALSE(ClockPlausible(0, 0, &why));  // a board without RTC, booted in 1970
  CHECK(why.find("1970-01-01T00:00:00Z") != std::string::npos);
  CHECK_FALSE(ClockPlausible(FOYER_TEST_NOW, FOYER_TEST_NOW + 86400, &why));
  CHECK(why.find("before the last successful sync") != std::string::npos);
}

TEST_CASE("with an untrusted clock the screen shows a neutral state, not a wrong now") {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  testing::WriteFile(config, "[feed]\nurl = \"file://" + testing::RealFeed(kDemocon) +
                                 "\"\n[display]\nmode = \"room\"\nroom = \"Gray Room\"\n"
                                 "[cache]\npath = \"cache.db\"\n");
  REQUIRE(Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  ConfigLoad load = LoadConfig(config);
  auto store = Store::Open(dir.File("cache.db"));
  REQUIRE(store.ok());
  auto cached = LoadCachedSchedule(**store, load.config);
  REQUIRE(cached.ok());
  ScreenMoment untrusted{ParseIsoInstant("2020-12-14T09:10:00+01:00")->utc, 0, false};
  ScreenPlan plan = PlanScreen(load.config, *cached);
  json p = json::parse(PrintJson(plan, untrusted));
  CHECK(p["clock_ok"] == false);
  CHECK(p["now"].is_null());
  CHECK(p["next"].empty());
  ScreenInput input = MakeScreenInput(plan, untrusted, 1920, 1080);
  CHECK(input.clock_unknown);
}

TEST_CASE("a screen reads pentabarf's xCal once clock.timezone says where its times are") {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  std::string base = "[feed]\nurl = \"file://" +
                     testing::RealFeed("frab-klimacamp2015-schedule.xcal") +
                     "\"\n[display]\nmode = \"room\"\nroom = \"Zirkuszelt\"\n"
                     "[cache]\npath = \"cache.db\"\n";
  testing::WriteFile(config, base);
  auto refused = Foyer({"--config", config, "--sync-once"});
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("floating local time") != std::string::npos);
  CHECK(refused.err.find("set clock.timezone") != std::string::npos);

  testing::WriteFile(config, base + "[clock]\ntimezone = \"Europe/Berlin\"\n");
  REQUIRE(Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  auto run = Foyer({"--config", config, "--print", "--at", "2015-08-11T16:10:00+02:00"});
  REQUIRE(run.exit_code == 0);
  json print = json::parse(run.out);
  CHECK(print["state"] == "in_session");
  CHECK(print["now"]["title"] == "Karl Marx aus ökosozialistischer Perspektive");
  CHECK(print["now"]["start"] == "16:00");
  CHECK(print["now"]["end"] == "17:30");
  CHECK(print["now"]["speakers"] == json::array({"Bruno Kern, Initiative Ökosozialismus"}));
  CHECK(print["now"]["language"] == "de");
}

}  // namespace
}  // namespace foyer
