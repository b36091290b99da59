// Reading one TOML config file's values with every mistake collected as a
// ConfigProblem at its line: wrong types, values out of range, unknown keys
// (with a "did you mean" for close misspellings), names not in a NameTable.
// Used by config.cpp only. Thread-compatible.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "app/config.h"
#include "base/names.h"

namespace foyer {

class TomlReader {
 public:
  TomlReader(std::string path, std::vector<ConfigProblem>& problems)
      : path_(std::move(path)), problems_(problems) {}

  const std::string& path() const { return path_; }

  void Problem(int line, const std::string& message);
  void Problem(const toml::node& node, const std::string& message);

  // The table `name` of root, or null when absent (or not a table: a problem).
  const toml::table* Section(const toml::table& root, const char* name);

  // Reads table.key into out when present and of the right type; returns the
  // node read, or null (absent, or a problem reported).
  const toml::node* Read(const toml::table& table, const std::string& section, const char* key,
                         std::string& out);
  const toml::node* Read(const toml::table& table, const std::string& section, const char* key,
                         bool& out);
  const toml::node* Read(const toml::table& table, const std::string& section, const char* key,
                         std::int64_t& out);

  // A whole number in [low, high] (unit names it in the message).
  template <typename Int>
  void ReadInRange(const toml::table& table, const std::string& section, const char* key, Int& out,
                   std::int64_t low, std::int64_t high, const char* unit) {
    std::int64_t value = out;
    const toml::node* node = Read(table, section, key, value);
    if (!node) return;
    if (value < low || value > high) {
      Problem(*node, section + "." + key + " is " + std::to_string(value) + "; use " +
                         std::to_string(low) + " to " + std::to_string(high) + " " + unit);
      return;
    }
    out = static_cast<Int>(value);
  }

  // A name from `names` (e.g. display.mode = "hallway").
  template <typename Enum, std::size_t N>
  const toml::node* ReadName(const toml::table& table, const std::string& section, const char* key,
                             const NameTable<Enum, N>& names, Enum& out) {
    std::string text;
    const toml::node* node = Read(table, section, key, text);
    if (!node) return nullptr;
    if (auto value = names.Parse(text)) {
      out = *value;
      return node;
    }
    Problem(*node, section + "." + key + " is \"" + text + "\"; use " + names.Choices());
    return nullptr;
  }

  // Reports keys of a table that foyer does not know.
  void KnownKeys(const toml::table& table, const std::string& section,
                 const std::set<std::string>& known);

 private:
  std::string path_;
  std::vector<ConfigProblem>& problems_;
};

// "display.mode", or "overrides" for a top-level key.
std::string KeyName(const std::string& section, const char* key);

// A path relative to the config file's folder, made absolute ("" stays "").
std::string ResolvePath(const std::string& folder, const std::string& path);

}  // namespace foyer
