#include "app/config.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "app/toml_reader.h"
#include "base/files.h"
#include "base/time.h"
#include "sync/http_client.h"
#include "sync/minisign.h"

namespace foyer {
namespace {

// Makes a feed URL absolute: a path or file:// URL is taken from the config's
// folder; http(s) stays as it is; anything else is refused.
Status ResolveFeedUrl(const std::string& folder, std::string& url) {
  auto scheme = url.find("://");
  std::string name = scheme == std::string::npos ? "" : url.substr(0, scheme);
  if (scheme == std::string::npos)
    url = "file://" + ResolvePath(folder, url);
  else if (name == "file")
    url = "file://" + ResolvePath(folder, url.substr(7));
  else if (name != "http" && name != "https")
    return Status::Error("must start with https://, http:// or file:// (not " + name + "://)");
  return Status::Ok();
}

// One config file being read into a Config: a reader per section.
class ConfigFileReader {
 public:
  ConfigFileReader(const std::string& path, ConfigLoad& load)
      : toml_(path, load.problems),
        config_(load.config),
        folder_(std::filesystem::absolute(path).parent_path().string()) {}

  void ReadFeed(const toml::table& feed);
  void ReadDisplay(const toml::table& display);
  void ReadClock(const toml::table& clock);
  void ReadCache(const toml::table& cache);
  TomlReader& toml() { return toml_; }
  const std::string& folder() const { return folder_; }

 private:
  void ReadFeedUrls(const toml::table& feed);
  void ReadFeedFiles(const toml::table& feed);
  // A readable file named by section.key, made absolute; `hint` says what it should hold.
  void ReadFile(const toml::table& table, const std::string& section, const char* key,
                std::string& out, const std::string& hint);
  void ReadRooms(const toml::table& display);
  void ReadPanel(const toml::table& display);
  void ReadLanguages(const toml::table& display);

  TomlReader toml_;
  Config& config_;
  std::string folder_;
};

void ConfigFileReader::ReadFeed(const toml::table& feed) {
  Config::Feed& f = config_.feed;
  toml_.KnownKeys(feed, "feed",
                  {"url", "interval", "timeout", "max_bytes", "stale_after", "minisign_key",
                   "ca_file", "token_file", "announcements_url"});
  ReadFeedUrls(feed);
  toml_.ReadInRange(feed, "feed", "interval", f.interval, 5, 86400, "seconds");
  toml_.ReadInRange(feed, "feed", "timeout", f.timeout, 1, 600, "seconds");
  toml_.ReadInRange(feed, "feed", "max_bytes", f.max_bytes, 1024, std::int64_t{1} << 30, "bytes");
  toml_.ReadInRange(feed, "feed", "stale_after", f.stale_after, 10, 7 * 86400, "seconds");
  if (const toml::node* node = toml_.Read(feed, "feed", "minisign_key", f.minisign_key)) {
    auto key = MinisignPublicKey::Parse(f.minisign_key);
    if (!key.ok())
      toml_.Problem(*node, "feed.minisign_key: " + key.status().message() +
                               "; give the key line of the organizers' minisign.pub (RW…)");
  }
  ReadFeedFiles(feed);
}

void ConfigFileReader::ReadFeedUrls(const toml::table& feed) {
  Config::Feed& f = config_.feed;
  if (const toml::node* node = toml_.Read(feed, "feed", "url", f.url)) {
    if (f.url.empty())
      toml_.Problem(*node, "feed.url is empty; give the schedule's URL or file path");
    else if (Status status = ResolveFeedUrl(folder_, f.url); !status.ok())
      toml_.Problem(*node, "feed.url " + status.message());
  }
  if (const toml::node* node = toml_.Read(feed, "feed", "announcements_url", f.announcements_url))
    if (Status status = ResolveFeedUrl(folder_, f.announcements_url); !status.ok())
      toml_.Problem(*node, "feed.announcements_url " + status.message());
}

void ConfigFileReader::ReadFeedFiles(const toml::table& feed) {
  ReadFile(feed, "feed", "ca_file", config_.feed.ca_file, "");
  ReadFile(feed, "feed", "token_file", config_.feed.token_file,
           " (keep the token there, readable by foyer)");
  // Read as the sync reads it: a regular file of a few KB at most.
  if (const toml::node* node = feed.get("token_file");
      node && !config_.feed.token_file.empty() &&
      access(config_.feed.token_file.c_str(), R_OK) == 0)
    if (auto token = ReadSmallFile(config_.feed.token_file, kMostBearerTokenBytes); !token.ok())
      toml_.Problem(*node, "feed.token_file " + config_.feed.token_file + " " +
                               token.status().message() +
                               " (it should hold the bearer token: one line of text)");
}

void ConfigFileReader::ReadFile(const toml::table& table, const std::string& section,
                                const char* key, std::string& out, const std::string& hint) {
  const toml::node* node = toml_.Read(table, section, key, out);
  if (!node) return;
  out = ResolvePath(folder_, out);
  if (access(out.c_str(), R_OK) != 0)
    toml_.Problem(*node, section + "." + key + " " + out + " cannot be read" + hint);
}

void ConfigFileReader::ReadDisplay(const toml::table& display) {
  Config::Display& d = config_.display;
  toml_.KnownKeys(display, "display",
                  {"mode", "room", "rooms", "size", "fullscreen", "rotation", "languages",
                   "next_count", "theme", "logo"});
  toml_.ReadName(display, "display", "mode", kDisplayModeNames, d.mode);
  ReadRooms(display);
  ReadPanel(display);
  ReadLanguages(display);
  toml_.ReadInRange(display, "display", "next_count", d.next_count, 0, 10, "sessions");
  toml_.ReadName(display, "display", "theme", kThemeNames, d.theme);
  ReadFile(display, "display", "logo", d.logo, " (give a PNG file)");
}

void ConfigFileReader::ReadRooms(const toml::table& display) {
  Config::Display& d = config_.display;
  toml_.Read(display, "display", "room", d.room);
  const toml::node* node = display.get("rooms");
  if (!node) return;
  const toml::array* rooms = node->as_array();
  if (!rooms) {
    toml_.Problem(*node, "display.rooms must be a list like [\"Hall A\", \"Hall B\"]");
    return;
  }
  d.rooms.clear();  // an overrides file's list replaces the main file's
  for (const toml::node& item : *rooms) {
    if (auto name = item.value<std::string>())
      d.rooms.push_back(*name);
    else
      toml_.Problem(item, "display.rooms must list room names in quotes");
  }
}

// The panel: size, fullscreen and rotation.
void ConfigFileReader::ReadPanel(const toml::table& display) {
  Config::Display& d = config_.display;
  std::string size;
  if (const toml::node* node = toml_.Read(display, "display", "size", size))
    if (!ParsePanelSize(size, d.width, d.height))
      toml_.Problem(*node,
                    "display.size is \"" + size + "\"; write WIDTHxHEIGHT, e.g. \"1920x1080\"");
  toml_.Read(display, "display", "fullscreen", d.fullscreen);
  std::int64_t rotation = d.rotation;
  if (const toml::node* node = toml_.Read(display, "display", "rotation", rotation)) {
    if (rotation % 90 != 0 || rotation < 0 || rotation > 270)
      toml_.Problem(*node,
                    "display.rotation is " + std::to_string(rotation) + "; use 0, 90, 180 or 270");
    else
      d.rotation = static_cast<int>(rotation);
  }
}

void ConfigFileReader::ReadLanguages(const toml::table& display) {
  const toml::node* node = display.get("languages");
  if (!node) return;
  const toml::array* languages = node->as_array();
  if (!languages || languages->empty()) {
    toml_.Problem(*node, "display.languages must be a list like [\"en\", \"kk\"]");
    return;
  }
  std::vector<Language>& out = config_.display.languages;
  out.clear();
  for (const toml::node& item : *languages) {
    auto code = item.value<std::string>();
    auto language = code ? kLanguageCodes.Parse(*code) : std::nullopt;
    if (language)
      out.push_back(*language);
    else
      toml_.Problem(item, "display.languages: \"" + code.value_or("?") + "\" is not one of " +
                              kLanguageCodes.Choices(""));
  }
}

// A simulated week in about ten seconds.
constexpr std::int64_t kMaxClockSpeed = 86400;

void ConfigFileReader::ReadClock(const toml::table& clock) {
  toml_.KnownKeys(clock, "clock", {"start", "speed", "timezone"});
  std::string start;
  if (const toml::node* node = toml_.Read(clock, "clock", "start", start)) {
    auto instant = ParseIsoInstant(start);
    if (!instant.ok() || !instant->has_offset)
      toml_.Problem(*node,
                    "clock.start is \"" + start +
                        "\"; write a time with its offset, e.g. \"2025-10-15T10:40:00+05:00\"");
    else
      config_.clock.start = instant->utc;
  }
  toml_.ReadInRange(clock, "clock", "speed", config_.clock.speed, 1, kMaxClockSpeed,
                    "times real time");
  const toml::node* speed = clock.get("speed");
  if (speed && !clock.contains("start") && !config_.clock.start)
    toml_.Problem(*speed, "clock.speed needs clock.start: only a demo clock runs fast");
  if (const toml::node* node = toml_.Read(clock, "clock", "timezone", config_.clock.timezone)) {
    auto zone = Zone::Load(config_.clock.timezone);
    if (!zone.ok())
      toml_.Problem(*node, "clock.timezone: " + zone.status().message() +
                               "; use an IANA name such as \"Asia/Almaty\"");
  }
}

void ConfigFileReader::ReadCache(const toml::table& cache) {
  toml_.KnownKeys(cache, "cache", {"path"});
  if (const toml::node* node = toml_.Read(cache, "cache", "path", config_.cache.path)) {
    config_.cache.path_line = static_cast<int>(node->source().begin.line);
    if (config_.cache.path.empty()) toml_.Problem(*node, "cache.path is empty");
    config_.cache.path = ResolvePath(folder_, config_.cache.path);
    std::error_code error;
    auto type = std::filesystem::status(config_.cache.path, error).type();
    if (type != std::filesystem::file_type::not_found &&
        type != std::filesystem::file_type::regular && !error)
      toml_.Problem(*node, "cache.path " + config_.cache.path + " is " +
                               (type == std::filesystem::file_type::directory
                                    ? "a folder"
                                    : "a device or other special file") +
                               ", not a file; give a file such as /var/lib/foyer/cache.db");
  }
}

// Parses the file; on failure reports why at its line and returns nullopt.
std::optional<toml::table> ParseToml(const std::string& path, TomlReader& toml) {
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    if (!std::filesystem::exists(path))
      toml.Problem(1, "cannot read the config file (it does not exist)");
    else
      toml.Problem(static_cast<int>(error.source().begin.line),
                   "not valid TOML: " + std::string(error.description()));
    return std::nullopt;
  }
}

// Where the sections were found, for problems about what is missing.
struct Sections {
  int display_line = 0;  // the main file's [display] line; 0: no [display] anywhere
  bool any_display = false;
};

// Reads every section of one file into the config. `main`: the screen's own
// file (it may name an overrides file); else the overrides file.
void ReadSections(const toml::table& root, ConfigFileReader& reader, bool main,
                  Sections& sections) {
  TomlReader& toml = reader.toml();
  if (main)
    toml.KnownKeys(root, "", {"overrides", "feed", "display", "clock", "cache"});
  else
    toml.KnownKeys(root, "", {"feed", "display", "clock", "cache"});
  if (const toml::table* feed = toml.Section(root, "feed")) reader.ReadFeed(*feed);
  if (const toml::table* display = toml.Section(root, "display")) {
    reader.ReadDisplay(*display);
    if (main) sections.display_line = static_cast<int>(display->source().begin.line);
    sections.any_display = true;
  }
  if (const toml::table* clock = toml.Section(root, "clock")) reader.ReadClock(*clock);
  if (const toml::table* cache = toml.Section(root, "cache")) reader.ReadCache(*cache);
}

// What must be there once both files are read.
void CheckComplete(const Config& config, const Sections& sections, TomlReader& toml,
                   const ConfigLoad& load) {
  if (config.feed.url.empty() && load.problems.empty())
    toml.Problem(1, "feed.url is missing: add [feed] url = \"https://…/schedule.json\"");
  if (!sections.any_display)
    toml.Problem(
        1, "[display] is missing: add mode = \"room\" and room = \"…\", or mode = \"hallway\"");
  else if (config.display.mode == DisplayMode::kRoom && config.display.room.empty())
    toml.Problem(
        sections.display_line,
        "display.room is missing: room mode needs the room's name, e.g. room = \"Hall A\"");
}

// The overrides file named by the main file's top-level `overrides`, made
// absolute; "" when none is named.
std::string OverridesPath(const toml::table& root, TomlReader& toml, const std::string& folder) {
  std::string path;
  if (const toml::node* node = toml.Read(root, "", "overrides", path))
    if (path.empty()) toml.Problem(*node, "overrides is empty; give a file's path or leave it out");
  return ResolvePath(folder, path);
}

// Reads the overrides file when it exists: its keys win over the main file's.
void ReadOverrides(const std::string& path, ConfigLoad& load, Sections& sections) {
  std::error_code error;
  if (path.empty() || !std::filesystem::exists(path, error)) return;
  load.config.overrides = path;
  ConfigFileReader reader(path, load);
  if (auto root = ParseToml(path, reader.toml())) ReadSections(*root, reader, false, sections);
}

}  // namespace

std::string ConfigProblem::ToString() const {
  return file + ":" + std::to_string(line) + ": " + message;
}

bool ParsePanelSize(const std::string& text, int& width, int& height) {
  auto x = text.find('x');
  if (x == std::string::npos || x == 0 || x + 1 >= text.size()) return false;
  auto digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 5 && std::all_of(s.begin(), s.end(), ::isdigit);
  };
  std::string w = text.substr(0, x), h = text.substr(x + 1);
  if (!digits(w) || !digits(h)) return false;
  width = std::stoi(w);
  height = std::stoi(h);
  return width >= 160 && height >= 120 && width <= 7680 && height <= 7680;
}

ConfigLoad LoadConfig(const std::string& path) {
  ConfigLoad load;
  load.config.path = path;
  ConfigFileReader reader(path, load);
  auto root = ParseToml(path, reader.toml());
  if (!root) return load;
  Sections sections;
  ReadSections(*root, reader, true, sections);
  ReadOverrides(OverridesPath(*root, reader.toml(), reader.folder()), load, sections);
  CheckComplete(load.config, sections, reader.toml(), load);
  // Report in file order: the main file's problems, then the overrides file's.
  std::stable_sort(load.problems.begin(), load.problems.end(),
                   [&](const ConfigProblem& a, const ConfigProblem& b) {
                     return std::pair(a.file != path, a.line) < std::pair(b.file != path, b.line);
                   });
  return load;
}

}  // namespace foyer
