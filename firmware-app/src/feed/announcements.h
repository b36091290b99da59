// The announcements feed (docs/CONTRACTS.md, "Announcements"; a fixed format):
//   {"announcements": [{"id", "text", "level": "info|warning|emergency",
//                       "rooms": [] (empty: all), "starts", "ends"}]}
// Pure parsing and filtering; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/schedule.h"

namespace foyer {

// Every entry must have an id, a text, a known level and starts/ends with a
// UTC offset (ends after starts); errors name the entry, e.g.
// "announcements[2].level: \"urgent\" is not info, warning or emergency".
Result<std::vector<Announcement>> ParseAnnouncements(std::string_view bytes);

// Writes announcements in the same format (times in UTC).
std::string SerializeAnnouncements(const std::vector<Announcement>& announcements);

// The announcements active at `at` for a screen showing `rooms` (room names;
// an announcement naming no rooms is for every screen). Emergencies first,
// then warnings, then information, each in feed order.
std::vector<Announcement> ActiveAnnouncements(const std::vector<Announcement>& all,
                                              const std::vector<std::string>& rooms,
                                              UnixSeconds at);

}  // namespace foyer
