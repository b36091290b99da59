// Names of domain values. A display mode, an announcement level or a language
// is an enum inside foyer; its spelling in config files, feeds and the command
// line lives in one table per enum, read at the edge (Parse) and written back
// where a person or a file needs text (Name). Header-only; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace foyer {

template <typename Enum, std::size_t N>
struct NameTable {
  struct Entry {
    Enum value;
    const char* name;
  };
  std::array<Entry, N> entries;

  // The value spelt exactly `text`, or nullopt.
  constexpr std::optional<Enum> Parse(std::string_view text) const {
    for (const Entry& entry : entries)
      if (text == entry.name) return entry.value;
    return std::nullopt;
  }
  // REQUIRES: value is in the table.
  constexpr const char* Name(Enum value) const {
    for (const Entry& entry : entries)
      if (entry.value == value) return entry.name;
    return "";
  }
  // The names for a message, each in quotes: "\"room\" or \"hallway\"".
  std::string Choices(const char* quote = "\"") const {
    std::string text;
    for (std::size_t i = 0; i < N; ++i) {
      if (i > 0) text += i + 1 == N ? " or " : ", ";
      text += std::string(quote) + entries[i].name + quote;
    }
    return text;
  }
};

}  // namespace foyer
