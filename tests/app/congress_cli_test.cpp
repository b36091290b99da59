// Screens for a congress and for a venue's whole day, as `foyer --print` and
// `--screenshot` tell them: the hallway board's pages for the real 39C3, 36C3
// and 38C3 feeds, a screen's hours, a full room.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "render/png.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

using nlohmann::json;

struct Screen {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  Screen(const std::string& display, const std::string& feed,
         const std::string& announcements = "") {
    std::string text = "[feed]\nurl = \"file://" + feed + "\"\n";
    if (!announcements.empty()) {
      testing::WriteFile(dir.File("announcements.json"), announcements);
      text += "announcements_url = \"announcements.json\"\n";
    }
    testing::WriteFile(config, text + "[display]\n" + display + "\n[cache]\npath = \"cache.db\"\n");
    REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  }
  json Print(const std::string& at, const std::string& size = "") {
    std::vector<std::string> args = {"--config", config, "--print", "--at", at};
    if (!size.empty()) args.insert(args.end(), {"--size", size});
    auto run = testing::Foyer(args);
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    return json::parse(run.out);
  }
};

struct Congress {
  const char* feed;
  const char* at;  // day 2, in the afternoon
};

const Congress kCongresses[] = {
    {"voc-39c3-everything.schedule.json", "2025-12-28T14:20:00+01:00"},
    {"voc-36c3-everything.schedule.json", "2019-12-28T14:20:00+01:00"},
    {"hub-38c3-schedule.xml", "2024-12-28T14:20:00+01:00"},
};

// The rooms --print says have something on now or later the same day.
std::set<std::string> RoomsLeftToday(const json& print) {
  std::set<std::string> left;
  const std::string today = print["at"].get<std::string>().substr(0, 10);
  for (const json& room : print["rooms"])
    if (!room["now"].is_null() || (!room["next"].is_null() && room["next"]["date"] == today))
      left.insert(room["room"]);
  return left;
}

TEST_CASE("a congress hallway splits the rooms left today into pages that fill the panel") {
  struct Panel {
    const char* size;
    size_t at_least;
  };
  for (const Congress& congress : kCongresses) {
    Screen screen("mode = \"hallway\"\nlanguages = [\"en\", \"kk\"]",
                  testing::RealFeed(congress.feed));
    for (Panel panel : {Panel{"1920x1080", 10}, Panel{"1280x720", 8}, Panel{"800x480", 6}}) {
      CAPTURE(congress.feed);
      CAPTURE(panel.size);
      json p = screen.Print(congress.at, panel.size);
      const std::set<std::string> left = RoomsLeftToday(p);
      REQUIRE(left.size() > 10);
      std::set<std::string> paged;
      size_t rooms = 0;
      for (const json& page : p["pages"]) {
        for (const json& room : page) paged.insert(room.get<std::string>());
        rooms += page.size();
      }
      CHECK(paged == left);  // each room once; the rooms done for the day left the board
      CHECK(rooms == left.size());
      const size_t first = p["pages"][0].size();
      CHECK(first >= std::min(panel.at_least, left.size()));
      if (left.size() <= 7 * first) CHECK(p["pages"].size() <= 7);  // a cycle within a minute
      CHECK(p["power"] == "on");
    }
  }
}

TEST_CASE("--print's pages follow display.size, and hallway_order next sorts like departures") {
  Screen feed_order("mode = \"hallway\"\nsize = \"800x480\"",
                    testing::RealFeed("voc-39c3-everything.schedule.json"));
  json small = feed_order.Print("2025-12-28T14:20:00+01:00");
  CHECK(small["pages"][0].size() == 7);  // 46 rooms: 7 pages of 8 s, rather than 8 of 6
  Screen departures("mode = \"hallway\"\nhallway_order = \"next\"",
                    testing::RealFeed("voc-39c3-everything.schedule.json"));
  json p = departures.Print("2025-12-28T14:20:00+01:00", "1920x1080");
  std::map<std::string, json> rooms;
  for (const json& room : p["rooms"]) rooms[room["room"]] = room;
  std::string last_start;
  for (const json& page : p["pages"])
    for (const json& name : page) {
      const json& next = rooms[name.get<std::string>()]["next"];
      if (next.is_null() || next["date"] != "2025-12-28") continue;  // on now, nothing after
      CHECK(next["start"].get<std::string>() >= last_start);
      last_start = next["start"];
    }
}

TEST_CASE("outside its hours a screen is off and black; an emergency turns it on") {
  const char* fire = R"({"announcements": [
    {"id": "fire", "text": "Fire alarm: leave the building", "level": "emergency", "rooms": [],
     "starts": "2025-10-15T06:00:00+05:00", "ends": "2025-10-15T06:30:00+05:00"}]})";
  Screen screen("mode = \"room\"\nroom = \"Main Hall\"\nhours = \"08:00-20:00\"",
                testing::DemoFeed(), fire);
  CHECK(screen.Print("2025-10-15T07:59:00+05:00")["power"] == "off");
  CHECK(screen.Print("2025-10-15T08:00:00+05:00")["power"] == "on");
  CHECK(screen.Print("2025-10-15T20:00:00+05:00")["power"] == "off");
  CHECK(screen.Print("2025-10-15T06:10:00+05:00")["power"] == "on");  // the emergency
  const std::string shot = screen.dir.File("asleep.png");
  REQUIRE(testing::Foyer({"--config", screen.config, "--screenshot", shot, "--at",
                          "2025-10-15T21:00:00+05:00", "--size", "1280x720"})
              .exit_code == 0);
  auto image = ReadPng(shot);
  REQUIRE(image.ok());
  size_t lit = 0;
  for (std::uint32_t pixel : image->rgba) lit += (pixel >> 8) != 0;  // RGBA: any colour at all
  CHECK(lit == 0);
}

TEST_CASE("a kiosk outside its hours runs the venue's off command, and logs one that fails") {
  testing::TempDir dir;
  const std::string off = dir.File("tv off"), on = dir.File("tv on");
  auto kiosk = [&](const std::string& off_command) {
    Screen screen(
        "mode = \"room\"\nroom = \"Main Hall\"\nfullscreen = false\n"
        "size = \"800x480\"\nhours = \"08:00-20:00\"\n"
        "power_off_command = " +
            off_command + "\npower_on_command = [\"touch\", \"" + on +
            "\"]\n[clock]\nstart = \"2025-10-15T21:00:00+05:00\"",
        testing::DemoFeed());
    return testing::Foyer({"--config", screen.config, "--exit-after", "2"},
                          "SDL_VIDEODRIVER=dummy");
  };
  auto run = kiosk("[\"touch\", \"" + off + "\"]");
  REQUIRE(run.exit_code == 0);
  CHECK(std::filesystem::exists(off));  // one argument with a space: no shell split it
  CHECK_FALSE(std::filesystem::exists(on));
  CHECK(run.err.find("display.power_off_command: touch ran") != std::string::npos);
  auto failing = kiosk("[\"false\"]");
  REQUIRE(failing.exit_code == 0);  // the screen runs on, dark
  CHECK(failing.err.find("display.power_off_command: false exited with 1") != std::string::npos);
}

TEST_CASE("event hours light a screen from an hour before the day's first session") {
  Screen screen("mode = \"room\"\nroom = \"Main Hall\"\nhours = \"event\"", testing::DemoFeed());
  json before = screen.Print("2025-10-15T06:00:00+05:00");
  CHECK(before["power"] == "off");
  CHECK(before["state"] == "before_event");  // the sync and the schedule go on
  CHECK(screen.Print("2025-10-15T12:00:00+05:00")["power"] == "on");
  CHECK(screen.Print("2025-10-15T03:00:00+05:00")["power"] == "off");
}

TEST_CASE("a full room is announced at its door and marked on the hallway board") {
  const char* full = R"({"announcements": [
    {"id": "full", "text": "Room full", "level": "full", "rooms": ["Main Hall"],
     "starts": "2025-10-15T10:00:00+05:00", "ends": "2025-10-15T11:00:00+05:00"}]})";
  Screen door("mode = \"room\"\nroom = \"Main Hall\"", testing::DemoFeed(), full);
  json p = door.Print("2025-10-15T10:40:00+05:00");
  REQUIRE(p["announcements"].size() == 1);
  CHECK(p["announcements"][0]["level"] == "full");
  CHECK(door.Print("2025-10-15T11:00:00+05:00")["announcements"].empty());  // it ended
  Screen hall("mode = \"hallway\"", testing::DemoFeed(), full);
  json board = hall.Print("2025-10-15T10:40:00+05:00");
  for (const json& room : board["rooms"]) CHECK(room["full"] == (room["room"] == "Main Hall"));
}

}  // namespace
}  // namespace foyer
