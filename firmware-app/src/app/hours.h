// When a screen is on (display.hours): always, a daily window in the venue's
// local time, or around the day's sessions in the rooms it shows. Outside
// its hours a screen is dark (nothing drawn) while its sync goes on; an
// active emergency announcement turns it on whatever the hours. Pure;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/names.h"
#include "base/time.h"
#include "model/schedule.h"

namespace foyer {

enum class HoursKind {
  kAlways,  // "always"
  kWindow,  // "HH:MM-HH:MM", local; may run past midnight ("18:00-02:00")
  kEvent,  // from 60 min before the day's first session in the rooms shown to 30 min after its last
};

struct Hours {
  HoursKind kind = HoursKind::kAlways;
  int from_minute = 0, to_minute = 0;  // kWindow: minutes after local midnight; to may be 1440
  bool operator==(const Hours&) const = default;
};

// "always", "event" or "HH:MM-HH:MM" (24:00 allowed as an end; the two differ); else nullopt.
std::optional<Hours> ParseHours(std::string_view text);

// Whether the panel is lit; --print's "power".
enum class Power { kOn, kOff };
inline constexpr NameTable<Power, 2> kPowerNames{{{
    {Power::kOn, "on"},
    {Power::kOff, "off"},
}}};

inline constexpr UnixSeconds kOnBeforeFirstSession = 60 * 60;
inline constexpr UnixSeconds kOnAfterLastSession = 30 * 60;

// Whether a screen with `hours`, showing `rooms` of `schedule` (empty: all),
// is on at `at`. "event" with no schedule yet is on, so that a screen being
// set up shows that it waits for one.
Power PowerAt(const Hours& hours, const Schedule& schedule, const std::vector<std::string>& rooms,
              const Zone& zone, UnixSeconds at);

}  // namespace foyer
