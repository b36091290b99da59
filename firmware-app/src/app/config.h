// The screen's config file (TOML; keys in docs/CONTRACTS.md, "Config"). Loading checks every key
// and value and reports each problem as "FILE:LINE: message", so venue staff
// can fix a broken file at once. Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/hours.h"
#include "base/env.h"
#include "base/names.h"
#include "fleet/broker.h"
#include "layout/layout.h"
#include "model/language.h"
#include "timeline/board.h"

namespace foyer {

// A screen by one room's door, or a hallway board of every room.
enum class DisplayMode { kRoom, kHallway };
inline constexpr NameTable<DisplayMode, 2> kDisplayModeNames{{{
    {DisplayMode::kRoom, "room"},
    {DisplayMode::kHallway, "hallway"},
}}};

// Where a file set a key, for --check's findings: the overrides file's line
// when it set it there. An empty file means the main config file.
struct ConfigPlace {
  std::string file;
  int line = 1;
};

struct Config {
  std::string path;       // the config file itself
  std::string overrides;  // the overrides file read over it (absolute); "" when none was there

  struct Feed {
    std::string url;  // absolute: http(s):// or file:// (relative paths resolved)
    int interval = 60;
    int timeout = 30;
    std::int64_t max_bytes = 33554432;
    int stale_after = 900;
    std::string minisign_key;
    std::string ca_file;
    std::string token_file;
    std::string announcements_url;
  } feed;

  struct Display {
    DisplayMode mode = DisplayMode::kRoom;
    std::string room;
    std::vector<std::string> rooms;  // empty: all
    ConfigPlace room_at, rooms_at;
    int width = 1920, height = 1080;
    bool fullscreen = true;
    int rotation = 0;
    std::vector<Language> languages = {Language::kEnglish};  // the first is primary
    int next_count = 3;
    ThemeName theme = ThemeName::kDark;
    std::string logo;  // the event's logo (PNG), absolute; empty: none
    HallwayOrder hallway_order = HallwayOrder::kFeed;
    Hours hours;                                 // when the panel is lit
    std::vector<std::string> power_off_command;  // argv run when the hours end; empty: none
    std::vector<std::string> power_on_command;   // argv run when they begin; empty: none
    std::string info;  // a short line of this screen's own (room screens); empty: none
  } display;

  struct Clock {
    std::optional<UnixSeconds> start;
    std::int64_t speed = 1;  // with start: the demo clock runs this many times real time
    std::string timezone;
  } clock;

  // [fleet]: the screen's MQTT link (fleet/screen_link.h); off without the section.
  struct Fleet {
    bool enabled = false;
    BrokerAddress broker;
    std::string topic;
    std::string screen_id;  // default: the host name
    std::string username;
    std::string password_file;  // absolute; read when the link starts, never kept here
    std::string ca_file;        // absolute
    int line = 1;               // the [fleet] line, for what is missing
  } fleet;

  struct Cache {
    std::string path = "/var/lib/foyer/cache.db";
    ConfigPlace path_at;
  } cache;
};

// Something wrong in a config file, at a line of it.
struct ConfigProblem {
  std::string file;
  int line = 1;
  std::string message;
  // "FILE:LINE: message", as venue staff read it.
  std::string ToString() const;
};

// "FILE:LINE" of a key the config set (the main file when place names none).
std::string PlaceName(const Config& config, const ConfigPlace& place);

struct ConfigLoad {
  Config config;
  std::vector<ConfigProblem> problems;  // in file order; empty when valid
  bool ok() const { return problems.empty(); }
};

ConfigLoad LoadConfig(const std::string& path);

// Parses "1920x1080" into width and height; false when malformed or out of range.
bool ParsePanelSize(const std::string& text, int& width, int& height);

}  // namespace foyer
