// Helpers the feed parsers share (internal to feed/): quoting for error
// messages, positions in the bytes, multi-line text, track colours and the
// rooms in feed order. (The list of problems a reader carries on past is
// base/problems.h's ProblemList.)
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/schedule.h"

namespace foyer::feed {

// `"Hall A"`, with quotes and backslashes escaped, for paths and messages.
std::string Quote(std::string_view text);

// "line 7, column 12" for a byte offset into `bytes`.
std::string LineAndColumn(std::string_view bytes, size_t offset);

// Multi-line text (abstracts): CRLF and CR become LF, tabs become spaces, other
// C0 controls and DEL are dropped, and the ends are trimmed.
std::string Paragraphs(std::string_view text);

// A track colour as lower-case "#rrggbb" ("#abc" is expanded), or "" when the
// text is not a hex colour.
std::string NormalizeColor(std::string text);

// "H:MM", "HH:MM" or "HH:MM:SS" (minutes and seconds below 60, at most nine
// digits a part) in seconds; with `minutes_alone`, a bare number ("90") counts
// as minutes. nullopt for anything else.
std::optional<std::int64_t> ParseClock(std::string_view text, bool minutes_alone);

// An ISO 8601 / RFC 5545 duration in seconds: ["+"/"-"] "P" (nW | [nD] ["T"
// [nH] [nM] [nS]]), read liberally (any order of parts, lower case, spaces
// around). Days are 24 hours. nullopt for anything else, and past about
// 31 700 years (so that sums cannot overflow).
std::optional<std::int64_t> ParseIsoDuration(std::string_view text);

// A schedule's rooms in the order the feed first names them.
class RoomIndex {
 public:
  explicit RoomIndex(std::vector<Room>& rooms) : rooms_(rooms) {}
  // Adds a room the first time its name is seen (never an empty name); a later
  // slug fills in a missing one.
  void Add(const std::string& name, const std::string& slug);

 private:
  std::vector<Room>& rooms_;
  std::map<std::string, size_t> index_;  // room name → index in rooms_
};

}  // namespace foyer::feed
