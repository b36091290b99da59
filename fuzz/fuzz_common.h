// What every fuzz target shares: the libFuzzer entry point's signature and
// checks of what a parser hands back. A broken check aborts, so libFuzzer
// saves the input as a crash. Single-threaded, like libFuzzer's runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "feed/validate.h"
#include "model/schedule.h"

namespace foyer::fuzz {

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts (a crash libFuzzer saves) with a message naming the broken promise.
inline void Check(bool holds, const char* promise) {
  if (holds) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", promise);
  std::abort();
}

// Runs validation and room lookup on a parsed schedule. Only ParseFeed promises
// that every text is UTF-8 (feed.h: it replaces what a parser let through), so
// only fuzz_feed asks for that with `texts_are_utf8`.
inline void CheckSchedule(const Schedule& schedule, bool texts_are_utf8 = false) {
  if (texts_are_utf8) {
    Check(IsValidUtf8(schedule.title), "schedule.title is UTF-8");
    for (const Room& room : schedule.rooms) Check(IsValidUtf8(room.name), "room.name is UTF-8");
  }
  for (const Session& session : schedule.sessions) {
    if (texts_are_utf8) {
      Check(IsValidUtf8(session.title), "session.title is UTF-8");
      Check(IsValidUtf8(session.room), "session.room is UTF-8");
      Check(IsValidUtf8(session.abstract), "session.abstract is UTF-8");
      for (const std::string& speaker : session.speakers)
        Check(IsValidUtf8(speaker), "session.speakers are UTF-8");
    }
    schedule.FindRoom(session.room);
  }
  (void)ValidateSchedule(schedule);
}

}  // namespace foyer::fuzz
