#include "app/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "base/time.h"
#include "sync/minisign.h"

#include <unistd.h>

namespace foyer {
namespace {

std::string Folder(const std::string& file) {
  auto absolute = std::filesystem::absolute(file);
  return absolute.parent_path().string();
}

// A file path or file:// URL relative to the config file's folder, made absolute.
std::string ResolvePath(const std::string& folder, const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  return (std::filesystem::path(folder) / path).lexically_normal().string();
}

// Levenshtein distance, for "did you mean" hints on misspelt keys.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

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

class Checker {
 public:
  Checker(const std::string& path, ConfigLoad& load) : path_(path), load_(load) {}

  void Problem(int line, const std::string& message) {
    load_.problems.push_back(path_ + ":" + std::to_string(std::max(line, 1)) + ": " + message);
  }
  void Problem(const toml::node& node, const std::string& message) {
    Problem(static_cast<int>(node.source().begin.line), message);
  }

  // Reads table.key into out when present and of the right type.
  template <typename T>
  const toml::node* Read(const toml::table& table, const std::string& section, const char* key,
                         T& out) {
    const toml::node* node = table.get(key);
    if (!node) return nullptr;
    std::string name = section + "." + key;
    if constexpr (std::is_same_v<T, std::string>) {
      if (auto value = node->value<std::string>()) {
        out = *value;
      } else {
        Problem(*node, name + " must be a string in quotes");
        return nullptr;
      }
    } else if constexpr (std::is_same_v<T, bool>) {
      if (auto value = node->value<bool>()) {
        out = *value;
      } else {
        Problem(*node, name + " must be true or false");
        return nullptr;
      }
    } else {
      if (node->is_integer()) {
        out = static_cast<T>(*node->value<std::int64_t>());
      } else {
        Problem(*node, name + " must be a whole number");
        return nullptr;
      }
    }
    return node;
  }

  // `value` is read after `node` is evaluated, so Range(Read(…, x), …, x, …) works.
  template <typename T>
  void Range(const toml::node* node, const std::string& name, const T& value, std::int64_t low,
             std::int64_t high, const char* unit) {
    if (node && (value < low || value > high))
      Problem(*node, name + " is " + std::to_string(value) + "; use " + std::to_string(low) +
                         " to " + std::to_string(high) + " " + unit);
  }

  // Reports keys of a table that foyer does not know.
  void KnownKeys(const toml::table& table, const std::string& section,
                 const std::set<std::string>& known) {
    for (auto& [key, node] : table) {
      if (known.count(std::string(key.str()))) continue;
      std::string hint;
      // Suggest only close misspellings; among equals, the one sharing the first letter.
      size_t best = 5;
      const std::string typed(key.str());
      for (const std::string& candidate : known) {
        size_t score = 2 * EditDistance(candidate, typed) + (candidate[0] != typed[0]);
        if (score < best) best = score, hint = candidate;
      }
      Problem(node, "unknown key " + section + (section.empty() ? "" : ".") +
                        std::string(key.str()) +
                        (hint.empty() ? "" : " (did you mean " + hint + "?)"));
    }
  }

 private:
  std::string path_;
  ConfigLoad& load_;
};

const toml::table* Section(const toml::table& root, const char* name, Checker& check) {
  const toml::node* node = root.get(name);
  if (!node) return nullptr;
  if (!node->is_table()) {
    check.Problem(*node, std::string(name) + " must be a [" + name + "] section");
    return nullptr;
  }
  return node->as_table();
}

}  // namespace

const std::vector<std::string>& SupportedLanguages() {
  static const std::vector<std::string> languages = {"en", "kk", "ru", "ko"};
  return languages;
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
  Config& config = load.config;
  config.path = path;
  Checker check(path, load);

  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& error) {
    std::string what(error.description());
    if (!std::filesystem::exists(path)) {
      load.problems.push_back(path + ":1: cannot read the config file (it does not exist)");
    } else {
      check.Problem(static_cast<int>(error.source().begin.line), "not valid TOML: " + what);
    }
    return load;
  }
  std::string folder = Folder(path);
  check.KnownKeys(root, "", {"feed", "display", "clock", "cache"});

  if (const toml::table* feed = Section(root, "feed", check)) {
    auto& f = config.feed;
    check.KnownKeys(*feed, "feed",
                    {"url", "interval", "timeout", "max_bytes", "stale_after", "minisign_key",
                     "ca_file", "token_file", "announcements_url"});
    if (const toml::node* node = check.Read(*feed, "feed", "url", f.url)) {
      if (f.url.empty())
        check.Problem(*node, "feed.url is empty; give the schedule's URL or file path");
      else if (Status status = ResolveFeedUrl(folder, f.url); !status.ok())
        check.Problem(*node, "feed.url " + status.message());
    }
    check.Range(check.Read(*feed, "feed", "interval", f.interval), "feed.interval", f.interval, 5,
                86400, "seconds");
    check.Range(check.Read(*feed, "feed", "timeout", f.timeout), "feed.timeout", f.timeout, 1, 600,
                "seconds");
    check.Range(check.Read(*feed, "feed", "max_bytes", f.max_bytes), "feed.max_bytes", f.max_bytes,
                1024, std::int64_t{1} << 30, "bytes");
    check.Range(check.Read(*feed, "feed", "stale_after", f.stale_after), "feed.stale_after",
                f.stale_after, 10, 7 * 86400, "seconds");
    if (const toml::node* node = check.Read(*feed, "feed", "minisign_key", f.minisign_key)) {
      auto key = MinisignPublicKey::Parse(f.minisign_key);
      if (!key.ok())
        check.Problem(*node, "feed.minisign_key: " + key.status().message() +
                                 "; give the key line of the organizers' minisign.pub (RW…)");
    }
    if (const toml::node* node = check.Read(*feed, "feed", "ca_file", f.ca_file)) {
      f.ca_file = ResolvePath(folder, f.ca_file);
      if (access(f.ca_file.c_str(), R_OK) != 0)
        check.Problem(*node, "feed.ca_file " + f.ca_file + " cannot be read");
    }
    if (const toml::node* node = check.Read(*feed, "feed", "token_file", f.token_file)) {
      f.token_file = ResolvePath(folder, f.token_file);
      if (access(f.token_file.c_str(), R_OK) != 0)
        check.Problem(*node, "feed.token_file " + f.token_file +
                                 " cannot be read (keep the token there, readable by foyer)");
    }
    if (const toml::node* node =
            check.Read(*feed, "feed", "announcements_url", f.announcements_url)) {
      if (Status status = ResolveFeedUrl(folder, f.announcements_url); !status.ok())
        check.Problem(*node, "feed.announcements_url " + status.message());
    }
  }
  if (config.feed.url.empty() && load.problems.empty())
    check.Problem(1, "feed.url is missing: add [feed] url = \"https://…/schedule.json\"");

  if (const toml::table* display = Section(root, "display", check)) {
    auto& d = config.display;
    check.KnownKeys(*display, "display",
                    {"mode", "room", "rooms", "size", "fullscreen", "rotation", "languages",
                     "next_count", "theme", "logo"});
    if (const toml::node* node = check.Read(*display, "display", "mode", d.mode))
      if (d.mode != "room" && d.mode != "hallway")
        check.Problem(*node, "display.mode is \"" + d.mode + "\"; use \"room\" or \"hallway\"");
    check.Read(*display, "display", "room", d.room);
    if (const toml::node* node = display->get("rooms")) {
      const toml::array* rooms = node->as_array();
      if (!rooms)
        check.Problem(*node, "display.rooms must be a list like [\"Hall A\", \"Hall B\"]");
      for (size_t i = 0; rooms && i < rooms->size(); ++i) {
        if (auto name = (*rooms)[i].value<std::string>())
          d.rooms.push_back(*name);
        else
          check.Problem((*rooms)[i], "display.rooms must list room names in quotes");
      }
    }
    std::string size;
    if (const toml::node* node = check.Read(*display, "display", "size", size))
      if (!ParsePanelSize(size, d.width, d.height))
        check.Problem(*node,
                      "display.size is \"" + size + "\"; write WIDTHxHEIGHT, e.g. \"1920x1080\"");
    check.Read(*display, "display", "fullscreen", d.fullscreen);
    if (const toml::node* node = check.Read(*display, "display", "rotation", d.rotation))
      if (d.rotation % 90 != 0 || d.rotation < 0 || d.rotation > 270)
        check.Problem(
            *node, "display.rotation is " + std::to_string(d.rotation) + "; use 0, 90, 180 or 270");
    if (const toml::node* node = display->get("languages")) {
      const toml::array* languages = node->as_array();
      if (!languages || languages->empty()) {
        check.Problem(*node, "display.languages must be a list like [\"en\", \"kk\"]");
      } else {
        d.languages.clear();
        for (auto& item : *languages) {
          auto code = item.value<std::string>();
          const auto& supported = SupportedLanguages();
          if (!code || std::find(supported.begin(), supported.end(), *code) == supported.end())
            check.Problem(item, "display.languages: \"" + code.value_or("?") +
                                    "\" is not one of en, kk, ru, ko");
          else
            d.languages.push_back(*code);
        }
      }
    }
    check.Range(check.Read(*display, "display", "next_count", d.next_count), "display.next_count",
                d.next_count, 0, 10, "sessions");
    if (const toml::node* node = check.Read(*display, "display", "theme", d.theme))
      if (d.theme != "dark" && d.theme != "light")
        check.Problem(*node, "display.theme is \"" + d.theme + "\"; use \"dark\" or \"light\"");
    if (const toml::node* node = check.Read(*display, "display", "logo", d.logo)) {
      d.logo = ResolvePath(folder, d.logo);
      if (access(d.logo.c_str(), R_OK) != 0)
        check.Problem(*node, "display.logo " + d.logo + " cannot be read (give a PNG file)");
    }
    if (d.mode == "room" && d.room.empty())
      check.Problem(
          display->source().begin.line,
          "display.room is missing: room mode needs the room's name, e.g. room = \"Hall A\"");
  } else {
    check.Problem(
        1, "[display] is missing: add mode = \"room\" and room = \"…\", or mode = \"hallway\"");
  }

  if (const toml::table* clock = Section(root, "clock", check)) {
    check.KnownKeys(*clock, "clock", {"start", "timezone"});
    std::string start;
    if (const toml::node* node = check.Read(*clock, "clock", "start", start)) {
      auto instant = ParseIsoInstant(start);
      if (!instant.ok() || !instant->has_offset)
        check.Problem(*node,
                      "clock.start is \"" + start +
                          "\"; write a time with its offset, e.g. \"2025-10-15T10:40:00+05:00\"");
      else
        config.clock.start = instant->utc;
    }
    if (const toml::node* node = check.Read(*clock, "clock", "timezone", config.clock.timezone)) {
      auto zone = Zone::Load(config.clock.timezone);
      if (!zone.ok())
        check.Problem(*node, "clock.timezone: " + zone.status().message() +
                                 "; use an IANA name such as \"Asia/Almaty\"");
    }
  }

  if (const toml::table* cache = Section(root, "cache", check)) {
    check.KnownKeys(*cache, "cache", {"path"});
    if (const toml::node* node = check.Read(*cache, "cache", "path", config.cache.path)) {
      if (config.cache.path.empty()) check.Problem(*node, "cache.path is empty");
      config.cache.path = ResolvePath(folder, config.cache.path);
    }
  }
  // Report in file order.
  auto line_of = [&](const std::string& problem) {
    return std::atoi(problem.c_str() + path.size() + 1);
  };
  std::stable_sort(
      load.problems.begin(), load.problems.end(),
      [&](const std::string& a, const std::string& b) { return line_of(a) < line_of(b); });
  return load;
}

}  // namespace foyer
