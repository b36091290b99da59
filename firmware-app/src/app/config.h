// The screen's config file (TOML; keys in docs/CONTRACTS.md, "Config"). Loading checks every key
// and value and reports each problem as "FILE:LINE: message", so venue staff
// can fix a broken file at once. Plain values; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/env.h"
#include "base/names.h"
#include "layout/layout.h"
#include "model/language.h"

namespace foyer {

// A screen by one room's door, or a hallway board of every room.
enum class DisplayMode { kRoom, kHallway };
inline constexpr NameTable<DisplayMode, 2> kDisplayModeNames{{{
    {DisplayMode::kRoom, "room"},
    {DisplayMode::kHallway, "hallway"},
}}};

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
    int width = 1920, height = 1080;
    bool fullscreen = true;
    int rotation = 0;
    std::vector<Language> languages = {Language::kEnglish};  // the first is primary
    int next_count = 3;
    ThemeName theme = ThemeName::kDark;
    std::string logo;  // the event's logo (PNG), absolute; empty: none
  } display;

  struct Clock {
    std::optional<UnixSeconds> start;
    std::int64_t speed = 1;  // with start: the demo clock runs this many times real time
    std::string timezone;
  } clock;

  struct Cache {
    std::string path = "/var/lib/foyer/cache.db";
    int path_line = 1;  // where the file sets cache.path, for --check's findings
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

struct ConfigLoad {
  Config config;
  std::vector<ConfigProblem> problems;  // in file order; empty when valid
  bool ok() const { return problems.empty(); }
};

ConfigLoad LoadConfig(const std::string& path);

// Parses "1920x1080" into width and height; false when malformed or out of range.
bool ParsePanelSize(const std::string& text, int& width, int& height);

}  // namespace foyer
