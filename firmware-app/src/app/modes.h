// The one-shot modes of the foyer command (docs/CONTRACTS.md, "Command
// line"). Each returns the process exit code and prints what the contract
// says.
#pragma once

#include <string>

#include "app/config.h"
#include "app/screen_plan.h"
#include "base/env.h"

namespace foyer {

// --check: the config is valid (already checked by LoadConfig) and its rooms
// exist in the cache when one is synced. 0 or 2.
int RunCheck(const Config& config);
// --sync-once: one sync now; one JSON line; 0 for updated/unchanged, 1 for failed.
// SIGTERM or SIGINT ends a transfer in progress: the sync fails and says so.
int RunSyncOnce(const Config& config, Env* env);
// The --sync-once line of a sync that failed before or outside the Syncer
// (`error`: why), e.g. when an exception ended the mode.
void PrintSyncFailure(const std::string& error);
// --print: the screen at the moment as JSON. A moment whose clock_trusted is
// false comes from the system clock and is checked for plausibility first.
// Prints what the screen shows; "pages" for a width x height panel.
int RunPrint(const Config& config, const ScreenMoment& moment, int width, int height);
// --screenshot: the screen at the moment as a PNG of width x height.
int RunScreenshot(const Config& config, const ScreenMoment& moment, int width, int height,
                  const std::string& path);

}  // namespace foyer
