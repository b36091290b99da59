#include "app/toml_reader.h"

#include <algorithm>
#include <filesystem>

namespace foyer {
namespace {

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

// The known key closest to `typed`, when it is a likely misspelling; else "".
std::string ClosestKey(const std::string& typed, const std::set<std::string>& known) {
  std::string hint;
  // Suggest only close misspellings; among equals, the one sharing the first letter.
  size_t best = 5;
  for (const std::string& candidate : known) {
    size_t score = 2 * EditDistance(candidate, typed) + (candidate[0] != typed[0]);
    if (score < best) best = score, hint = candidate;
  }
  return hint;
}

}  // namespace

std::string KeyName(const std::string& section, const char* key) {
  return section.empty() ? key : section + "." + key;
}

std::string ResolvePath(const std::string& folder, const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  return (std::filesystem::path(folder) / path).lexically_normal().string();
}

void TomlReader::Problem(int line, const std::string& message) {
  problems_.push_back({path_, std::max(line, 1), message});
}

void TomlReader::Problem(const toml::node& node, const std::string& message) {
  Problem(static_cast<int>(node.source().begin.line), message);
}

const toml::table* TomlReader::Section(const toml::table& root, const char* name) {
  const toml::node* node = root.get(name);
  if (!node) return nullptr;
  if (!node->is_table()) {
    Problem(*node, std::string(name) + " must be a [" + name + "] section");
    return nullptr;
  }
  return node->as_table();
}

const toml::node* TomlReader::Read(const toml::table& table, const std::string& section,
                                   const char* key, std::string& out) {
  const toml::node* node = table.get(key);
  if (!node) return nullptr;
  auto value = node->value<std::string>();
  if (!value) {
    Problem(*node, KeyName(section, key) + " must be a string in quotes");
    return nullptr;
  }
  out = *value;
  return node;
}

const toml::node* TomlReader::Read(const toml::table& table, const std::string& section,
                                   const char* key, bool& out) {
  const toml::node* node = table.get(key);
  if (!node) return nullptr;
  auto value = node->value<bool>();
  if (!value) {
    Problem(*node, KeyName(section, key) + " must be true or false");
    return nullptr;
  }
  out = *value;
  return node;
}

const toml::node* TomlReader::Read(const toml::table& table, const std::string& section,
                                   const char* key, std::int64_t& out) {
  const toml::node* node = table.get(key);
  if (!node) return nullptr;
  if (!node->is_integer()) {
    Problem(*node, KeyName(section, key) + " must be a whole number");
    return nullptr;
  }
  out = *node->value<std::int64_t>();
  return node;
}

void TomlReader::KnownKeys(const toml::table& table, const std::string& section,
                           const std::set<std::string>& known) {
  for (auto& [key, node] : table) {
    const std::string typed(key.str());
    if (known.count(typed)) continue;
    std::string hint = ClosestKey(typed, known);
    Problem(node, "unknown key " + section + (section.empty() ? "" : ".") + typed +
                      (hint.empty() ? "" : " (did you mean " + hint + "?)"));
  }
}

}  // namespace foyer
