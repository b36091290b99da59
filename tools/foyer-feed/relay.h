// foyer-feed relay: the organizer's side of a fleet. It polls the schedule
// where pretalx or frab renders it (dynamically, slowly), checks each new
// version as `foyer-feed validate` does and refuses a broken one (screens keep
// the last good one), writes the accepted version atomically into a folder
// for nginx or a CDN to serve, optionally signs it with minisign, and, when the
// content changed, tells the screens (`<topic>/feed`).
#pragma once

#include <string>
#include <vector>

namespace foyer {

extern const char kRelayUsage[];

// `foyer-feed relay SOURCE_URL --out DIR [--every 30] [--sign KEYFILE] [--once]
// [broker options]`: the exit code (only --once returns: 0 accepted or
// unchanged, 1 fetch or write failed, 2 refused; 64 usage).
int Relay(const std::vector<std::string>& args);

}  // namespace foyer
