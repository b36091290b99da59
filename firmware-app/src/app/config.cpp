#include "app/config.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "app/toml_reader.h"
#include "base/files.h"
#include "base/time.h"
#include "fleet/system_facts.h"
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
  void ReadFleet(const toml::table& fleet);
  TomlReader& toml() { return toml_; }
  const std::string& folder() const { return folder_; }

 private:
  void ReadFeedUrls(const toml::table& feed);
  void ReadFeedFiles(const toml::table& feed);
  void ReadFleetNames(const toml::table& fleet);
  void ReadFleetLogin(const toml::table& fleet);
  // A readable file named by section.key, made absolute; `hint` says what it should hold.
  void ReadFile(const toml::table& table, const std::string& section, const char* key,
                std::string& out, const std::string& hint);
  void ReadRooms(const toml::table& display);
  void ReadPanel(const toml::table& display);
  void ReadLanguages(const toml::table& display);
  void ReadScreenDay(const toml::table& display);
  void ReadCommand(const toml::table& display, const char* key, std::vector<std::string>& out);
  void ReadInfo(const toml::table& display);
  ConfigPlace PlaceOf(const toml::node& node) const {
    return {toml_.path(), static_cast<int>(node.source().begin.line)};
  }

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
  toml_.KnownKeys(
      display, "display",
      {"mode", "room", "rooms", "size", "fullscreen", "rotation", "languages", "next_count",
       "theme", "logo", "hallway_order", "hours", "power_off_command", "power_on_command", "info"});
  toml_.ReadName(display, "display", "mode", kDisplayModeNames, d.mode);
  ReadRooms(display);
  ReadPanel(display);
  ReadLanguages(display);
  toml_.ReadInRange(display, "display", "next_count", d.next_count, 0, 10, "sessions");
  toml_.ReadName(display, "display", "theme", kThemeNames, d.theme);
  ReadFile(display, "display", "logo", d.logo, " (give a PNG file)");
  toml_.ReadName(display, "display", "hallway_order", kHallwayOrderNames, d.hallway_order);
  ReadScreenDay(display);
  ReadInfo(display);
}

// When the panel is lit, and the commands that switch it.
void ConfigFileReader::ReadScreenDay(const toml::table& display) {
  std::string hours;
  if (const toml::node* node = toml_.Read(display, "display", "hours", hours)) {
    if (auto parsed = ParseHours(hours))
      config_.display.hours = *parsed;
    else
      toml_.Problem(*node, "display.hours is \"" + hours +
                               "\"; use \"always\", \"event\" or local times like "
                               "\"07:30-22:00\"");
  }
  ReadCommand(display, "power_off_command", config_.display.power_off_command);
  ReadCommand(display, "power_on_command", config_.display.power_on_command);
}

// A command as its arguments, run without a shell: ["cec-ctl", "--to", "0", "--standby"].
void ConfigFileReader::ReadCommand(const toml::table& display, const char* key,
                                   std::vector<std::string>& out) {
  const toml::node* node = display.get(key);
  if (!node) return;
  const std::string hint = std::string("display.") + key +
                           " must be a command as a list of its arguments, e.g. "
                           "[\"cec-ctl\", \"--to\", \"0\", \"--standby\"]";
  const toml::array* args = node->as_array();
  if (!args || args->empty()) {
    toml_.Problem(*node, hint);
    return;
  }
  out.clear();
  for (const toml::node& item : *args) {
    auto arg = item.value<std::string>();
    if (!arg || (out.empty() && arg->empty())) {
      toml_.Problem(item, hint);
      out.clear();
      return;
    }
    out.push_back(*arg);
  }
}

constexpr size_t kMostInfoCharacters = 120;

void ConfigFileReader::ReadInfo(const toml::table& display) {
  std::string& info = config_.display.info;
  const toml::node* node = toml_.Read(display, "display", "info", info);
  if (!node) return;
  size_t characters = 0;
  for (char byte : info) characters += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  if (info.find_first_of("\n\r\t") != std::string::npos)
    toml_.Problem(*node, "display.info must be one line (no line breaks or tabs)");
  else if (characters > kMostInfoCharacters)
    toml_.Problem(*node, "display.info has " + std::to_string(characters) +
                             " characters; keep it to " + std::to_string(kMostInfoCharacters) +
                             " so that it stays legible on every panel");
}

void ConfigFileReader::ReadRooms(const toml::table& display) {
  Config::Display& d = config_.display;
  if (const toml::node* room = toml_.Read(display, "display", "room", d.room))
    d.room_at = PlaceOf(*room);
  const toml::node* node = display.get("rooms");
  if (!node) return;
  d.rooms_at = PlaceOf(*node);
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
    config_.cache.path_at = PlaceOf(*node);
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

void ConfigFileReader::ReadFleet(const toml::table& fleet) {
  toml_.KnownKeys(fleet, "fleet",
                  {"broker", "topic", "screen_id", "username", "password_file", "ca_file"});
  Config::Fleet& f = config_.fleet;
  f.enabled = true;
  f.line = static_cast<int>(fleet.source().begin.line);
  std::string url;
  if (const toml::node* node = toml_.Read(fleet, "fleet", "broker", url)) {
    if (auto broker = ParseBrokerUrl(url); broker.ok())
      f.broker = *broker;
    else
      toml_.Problem(*node, "fleet.broker \"" + url + "\" " + broker.status().message() +
                               ", e.g. \"mqtts://mqtt.venue.example:8883\"");
  }
  ReadFleetNames(fleet);
  ReadFleetLogin(fleet);
}

void ConfigFileReader::ReadFleetNames(const toml::table& fleet) {
  Config::Fleet& f = config_.fleet;
  if (const toml::node* node = toml_.Read(fleet, "fleet", "topic", f.topic))
    if (std::string problem = TopicProblem(f.topic); !problem.empty())
      toml_.Problem(*node, "fleet.topic " + problem);
  if (const toml::node* node = toml_.Read(fleet, "fleet", "screen_id", f.screen_id))
    if (std::string problem = ScreenIdProblem(f.screen_id); !problem.empty())
      toml_.Problem(*node, "fleet.screen_id " + problem + "; give one name, e.g. \"hall-a-door\"");
}

// The account: the password is read as the link reads it, and never shown.
void ConfigFileReader::ReadFleetLogin(const toml::table& fleet) {
  Config::Fleet& f = config_.fleet;
  toml_.Read(fleet, "fleet", "username", f.username);
  ReadFile(fleet, "fleet", "ca_file", f.ca_file, " (give the broker's CA certificate, PEM)");
  ReadFile(fleet, "fleet", "password_file", f.password_file,
           " (keep the broker password there, readable by foyer)");
  const toml::node* node = fleet.get("password_file");
  if (!node || f.password_file.empty() || access(f.password_file.c_str(), R_OK) != 0) return;
  if (auto password = ReadPasswordFile(f.password_file); !password.ok())
    toml_.Problem(*node, "fleet.password_file " + f.password_file + " " +
                             password.status().message() +
                             " (it should hold the password: one line of text)");
  if (f.username.empty() && !fleet.get("username"))
    toml_.Problem(*node, "fleet.password_file needs fleet.username, the account it is for");
}

// A config file is a screen's settings: a few KiB. More is the wrong file.
constexpr std::size_t kMostConfigBytes = 1 << 20;

// Parses the file; on failure reports why at its line and returns nullopt.
// Read here rather than by toml::parse_file, whose std::ifstream would set
// up C++ streams and locales: ~1.4 MiB of libstdc++ mapped into the kiosk.
std::optional<toml::table> ParseToml(const std::string& path, TomlReader& toml) {
  auto bytes = ReadSmallFile(path, kMostConfigBytes);
  if (!bytes.ok()) {
    toml.Problem(1, std::filesystem::exists(path)
                        ? "cannot read the config file: it " + bytes.status().message()
                        : std::string("cannot read the config file (it does not exist)"));
    return std::nullopt;
  }
  try {
    return toml::parse(*bytes, path);
  } catch (const toml::parse_error& error) {
    toml.Problem(static_cast<int>(error.source().begin.line),
                 "not valid TOML: " + std::string(error.description()));
    return std::nullopt;
  }
}

// Where the sections were found, for problems about what is missing.
struct Sections {
  int display_line = 0;  // the main file's [display] line; 0: no [display] anywhere
  bool any_display = false;
  ConfigProblem speed{"", 0, ""};  // where clock.speed was last set (line 0: nowhere)
};

// Reads every section of one file into the config. `main`: the screen's own
// file (it may name an overrides file); else the overrides file.
void ReadSections(const toml::table& root, ConfigFileReader& reader, bool main,
                  Sections& sections) {
  TomlReader& toml = reader.toml();
  if (main)
    toml.KnownKeys(root, "", {"overrides", "feed", "display", "clock", "cache", "fleet"});
  else
    toml.KnownKeys(root, "", {"feed", "display", "clock", "cache", "fleet"});
  if (const toml::table* feed = toml.Section(root, "feed")) reader.ReadFeed(*feed);
  if (const toml::table* display = toml.Section(root, "display")) {
    reader.ReadDisplay(*display);
    if (main) sections.display_line = static_cast<int>(display->source().begin.line);
    sections.any_display = true;
  }
  if (const toml::table* clock = toml.Section(root, "clock")) {
    reader.ReadClock(*clock);
    if (const toml::node* speed = clock->get("speed"))
      sections.speed = {toml.path(), static_cast<int>(speed->source().begin.line), ""};
  }
  if (const toml::table* cache = toml.Section(root, "cache")) reader.ReadCache(*cache);
  if (const toml::table* fleet = toml.Section(root, "fleet")) reader.ReadFleet(*fleet);
}

// A [fleet] needs a broker and a topic; the screen's id defaults to the host name.
void CheckFleetComplete(const Config::Fleet& fleet, TomlReader& toml) {
  if (!fleet.enabled) return;
  if (fleet.broker.host.empty())
    toml.Problem(fleet.line,
                 "fleet.broker is missing: add broker = \"mqtts://mqtt.venue.example:8883\"");
  if (fleet.topic.empty())
    toml.Problem(fleet.line,
                 "fleet.topic is missing: add the event's prefix, e.g. topic = "
                 "\"foyer/astana2025\"");
  if (fleet.screen_id.empty())
    toml.Problem(fleet.line,
                 "fleet.screen_id is missing and the host name cannot be read; add screen_id = "
                 "\"hall-a-door\"");
}

// What must be there once both files are read.
void CheckComplete(Config& config, const Sections& sections, TomlReader& toml, ConfigLoad& load) {
  if (config.fleet.enabled && config.fleet.screen_id.empty()) config.fleet.screen_id = HostName();
  if (config.feed.url.empty() && load.problems.empty())
    toml.Problem(1, "feed.url is missing: add [feed] url = \"https://…/schedule.json\"");
  if (!sections.any_display)
    toml.Problem(
        1, "[display] is missing: add mode = \"room\" and room = \"…\", or mode = \"hallway\"");
  else if (config.display.mode == DisplayMode::kRoom && config.display.room.empty())
    toml.Problem(
        sections.display_line,
        "display.room is missing: room mode needs the room's name, e.g. room = \"Hall A\"");
  CheckFleetComplete(config.fleet, toml);
  // Either file may set the start, so this is checked once both are read.
  if (sections.speed.line > 0 && !config.clock.start) {
    ConfigProblem problem = sections.speed;
    problem.message = "clock.speed needs clock.start: only a demo clock runs fast";
    load.problems.push_back(problem);
  }
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

std::string PlaceName(const Config& config, const ConfigPlace& place) {
  return (place.file.empty() ? config.path : place.file) + ":" + std::to_string(place.line);
}

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
