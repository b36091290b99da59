// The fleet over a real mosquitto (password file, ACL; tests/support/mosquitto.h),
// a real nginx serving the feed and real kiosks on SDL's dummy video driver:
// notices, status, the will, screenshots, and a broker that is down, refuses
// the login or dies mid-run. Timing is never asserted by sleeping: every wait
// polls for the outcome with a generous deadline, for a loaded machine.
#include <doctest/doctest.h>

#include "render/png.h"
#include "support/venue.h"

namespace foyer {
namespace {

using nlohmann::json;
using std::chrono::seconds;
using testing::Eventually;
using testing::PrintField;
using testing::Venue;

TEST_CASE("a notice brings a changed feed to a screen that polls once an hour") {
  Venue venue;
  std::string config = venue.Screen("door-a");
  auto kiosk = venue.Kiosk(config);
  REQUIRE_MESSAGE(Eventually([&] { return venue.Online("door-a"); }), venue.broker.Log());
  REQUIRE(Eventually([&] { return PrintField(config, "has_schedule") == "true"; }));
  std::string feed = testing::ReadFile(venue.nginx.www() + "/schedule.json");
  feed.replace(feed.find("Astana Think Tank Forum 2025"), 28, "Astana Forum, moved to Hall B");
  testing::WriteFile(venue.nginx.www() + "/schedule.json", feed);
  testing::Run notify = venue.FoyerFeed("notify");
  REQUIRE_MESSAGE(notify.exit_code == 0, notify.err);
  CHECK(
      Eventually([&] { return PrintField(config, "event") == "\"Astana Forum, moved to Hall B\""; },
                 seconds(30)));
}

TEST_CASE("a screen's retained status holds what it shows, its sync and its board, no secrets") {
  Venue venue;
  auto kiosk = venue.Kiosk(venue.Screen("door-b"));
  REQUIRE(Eventually([&] {
    json s = venue.Statuses()["door-b"];
    return s.is_object() && !s["feed_sha256"].is_null() && !s["last_sync"].is_null();
  }));
  json status = venue.Statuses()["door-b"];
  for (const char* key : {"id", "version", "mode", "room", "state", "now", "last_sync", "stale",
                          "feed_sha256", "clock", "uptime_s", "rss_kb", "online"})
    CHECK_MESSAGE(status.contains(key), key);
  CHECK(status["online"] == true);
  CHECK(status["stale"] == false);
  CHECK(status["mode"] == "room");
  CHECK(status["room"] == "Main Hall");
  CHECK(status["rss_kb"].get<long>() > 0);
  const std::string text = status.dump();
  CHECK(text.find("screen-secret") == std::string::npos);
  CHECK(text.find("127.0.0.1") == std::string::npos);
  testing::Run table = venue.FoyerFeed("screens");
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("door-b") != std::string::npos);
  CHECK(table.out.find("Main Hall") != std::string::npos);
}

TEST_CASE("a screen killed with kill -9 shows as offline through its will, problems first") {
  Venue venue;
  auto healthy = venue.Kiosk(venue.Screen("door-c"));
  auto doomed = venue.Kiosk(venue.Screen("door-d"));
  REQUIRE(Eventually([&] { return venue.Online("door-c") && venue.Online("door-d"); }));
  CHECK(venue.FoyerFeed("screens").exit_code == 0);
  doomed->Signal(SIGKILL);
  REQUIRE(doomed->WaitFor(std::chrono::milliseconds(10'000)));
  CHECK(Eventually([&] {
    json s = venue.Statuses()["door-d"];
    return s.is_object() && s.value("online", true) == false;
  }));
  testing::Run table = venue.FoyerFeed("screens");
  CHECK(table.exit_code == 1);
  CHECK(table.out.find("door-d") < table.out.find("door-c"));
}

TEST_CASE("a frozen screen (as if its power went) shows as offline within 1.5 keep-alives") {
  Venue venue;
  auto kiosk = venue.Kiosk(venue.Screen("door-m"));
  REQUIRE(Eventually([&] { return venue.Online("door-m"); }));
  // SIGSTOP keeps its TCP connection open but silent: only the keep-alive
  // (30 s, so 45 s at the broker) can tell, and the will then says offline.
  kiosk->Signal(SIGSTOP);
  const auto stopped = std::chrono::steady_clock::now();
  CHECK(Eventually([&] { return !venue.Online("door-m"); }, seconds(90)));
  CHECK(std::chrono::steady_clock::now() - stopped < seconds(80));
  kiosk->Signal(SIGKILL);
}

TEST_CASE("a screen that stops cleanly says it is offline") {
  Venue venue;
  auto kiosk = venue.Kiosk(venue.Screen("door-e"));
  REQUIRE(Eventually([&] { return venue.Online("door-e"); }));
  kiosk->Signal(SIGTERM);
  CHECK(kiosk->WaitFor(std::chrono::milliseconds(20'000)) == 0);
  json status = venue.Statuses()["door-e"];
  CHECK(status.value("online", true) == false);
}

TEST_CASE("a flood of feed notices costs at most one fetch per 2 seconds") {
  Venue venue;
  std::string config = venue.Screen("door-f");
  auto kiosk = venue.Kiosk(config);
  REQUIRE(Eventually([&] { return venue.Online("door-f") && venue.FeedRequests() >= 1; }));
  const int before = venue.FeedRequests();
  const auto started = std::chrono::steady_clock::now();
  testing::TempDir dir;
  std::string lines;
  for (int i = 0; i < 300; ++i) lines += "changed " + std::to_string(i) + "\n";
  testing::WriteFile(dir.File("flood"), lines);
  for (int round = 0; round < 5; ++round) {
    std::string command = "mosquitto_pub -h 127.0.0.1 -p " + std::to_string(venue.broker.port()) +
                          " -u organizer -P organizer-secret -t foyer/test/feed -l < " +
                          dir.File("flood");
    REQUIRE(std::system(command.c_str()) == 0);
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  // The notices were answered, and only one fetch per 2 s was made for them.
  REQUIRE(Eventually([&] { return venue.FeedRequests() > before; }, seconds(30)));
  std::this_thread::sleep_for(std::chrono::seconds(3));
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const int fetches = venue.FeedRequests() - before;
  CHECK(fetches >= 1);
  CHECK(fetches <= static_cast<int>(elapsed / 2.0) + 1);
  CHECK(venue.Online("door-f"));
}

TEST_CASE("a screen whose feed fails past stale_after shows as stale, and screens exits 1") {
  Venue venue;
  std::string config = venue.Screen("door-k", "", "", 5, "stale_after = 10\n");
  auto kiosk = venue.Kiosk(config);
  REQUIRE(Eventually([&] {
    json s = venue.Statuses()["door-k"];
    return s.is_object() && !s["last_sync"].is_null() && s["stale"] == false;
  }));
  std::filesystem::remove(venue.nginx.www() + "/schedule.json");  // every poll fails from now
  CHECK(Eventually([&] {
    json s = venue.Statuses()["door-k"];
    return s.is_object() && s["stale"] == true && s["online"] == true;
  }));
  CHECK(venue.FoyerFeed("screens").exit_code == 1);
}

TEST_CASE("a screen moved to another room says so in its status") {
  Venue venue;
  std::string config = venue.Screen("door-l");
  auto kiosk = venue.Kiosk(config);
  REQUIRE(Eventually([&] { return venue.Statuses()["door-l"].value("room", "") == "Main Hall"; }));
  kiosk->Signal(SIGTERM);
  REQUIRE(kiosk->WaitFor(std::chrono::milliseconds(20'000)) == 0);
  std::string text = testing::ReadFile(config);
  text.replace(text.find("Main Hall"), 9, "Hall B");
  testing::WriteFile(config, text);
  kiosk = venue.Kiosk(config);
  CHECK(Eventually([&] {
    json s = venue.Statuses()["door-l"];
    return s.value("room", "") == "Hall B" && s.value("online", false);
  }));
}

}  // namespace
}  // namespace foyer

namespace foyer {
namespace {

// The share of pixels two same-sized images have in common.
double SameShare(const Image& a, const Image& b) {
  size_t same = 0;
  for (size_t i = 0; i < a.rgba.size(); ++i) same += a.rgba[i] == b.rgba[i];
  return a.rgba.empty() ? 0 : static_cast<double>(same) / a.rgba.size();
}

TEST_CASE("a remote screenshot is what the panel shows, turned as it is mounted") {
  Venue venue;
  std::string config = venue.Screen("door-j", "rotation = 90\n");
  auto kiosk = venue.Kiosk(config);
  REQUIRE(Eventually([&] {
    json s = venue.Statuses()["door-j"];
    return s.is_object() && s.value("has_schedule", false);
  }));
  testing::TempDir dir;
  testing::Run run = venue.FoyerFeed("screenshot", {"door-j", "-o", dir.File("remote.png")});
  REQUIRE_MESSAGE(run.exit_code == 0, run.err);
  auto remote = ReadPng(dir.File("remote.png"));
  REQUIRE(remote.ok());
  CHECK(remote->width == 800);
  CHECK(remote->height == 480);
  // The same screen drawn offscreen by --screenshot, turned the same way.
  REQUIRE(testing::Foyer({"--config", config, "--screenshot", dir.File("local.png")}).exit_code ==
          0);
  auto local = ReadPng(dir.File("local.png"));
  REQUIRE(local.ok());
  REQUIRE(local->width == remote->width);
  REQUIRE(local->height == remote->height);
  CHECK(SameShare(*remote, *local) > 0.9);
}

TEST_CASE("a flood of screenshot requests costs at most one frame a second") {
  Venue venue;
  testing::Child kiosk("foyer", {"--config", venue.Screen("door-n"), "--exit-after", "15"},
                       {"SDL_VIDEODRIVER=dummy"});
  REQUIRE(Eventually([&] { return venue.Online("door-n"); }));
  testing::TempDir dir;
  std::string lines;
  for (int i = 0; i < 500; ++i) lines += "png\n";
  testing::WriteFile(dir.File("flood"), lines);
  const std::string flood =
      "mosquitto_pub -h 127.0.0.1 -p " + std::to_string(venue.broker.port()) +
      " -u organizer -P organizer-secret -t foyer/test/screens/door-n/screenshot/request -l < " +
      dir.File("flood");
  for (int round = 0; round < 3; ++round) REQUIRE(std::system(flood.c_str()) == 0);
  testing::Run run = venue.FoyerFeed("screenshot", {"door-n", "-o", dir.File("after.png")});
  CHECK_MESSAGE(run.exit_code == 0, run.err);  // the screen still answers
  REQUIRE(kiosk.WaitFor(std::chrono::milliseconds(60'000)) == 0);
  json line = json::parse(kiosk.out().substr(0, kiosk.out().find('\n')), nullptr, false);
  // 15 s: the first frame, a minute's tick, and at most one screenshot a second.
  CHECK(line.value("frames", 1000) <= 15 + 3);
}

TEST_CASE("a screenshot of a screen that is not there fails within its 10 s") {
  Venue venue;
  testing::TempDir dir;
  const auto started = std::chrono::steady_clock::now();
  testing::Run run = venue.FoyerFeed("screenshot", {"nobody", "-o", dir.File("none.png")});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("nobody") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < seconds(30));
  CHECK_FALSE(std::filesystem::exists(dir.File("none.png")));
}

}  // namespace
}  // namespace foyer
