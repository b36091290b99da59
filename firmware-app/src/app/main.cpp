// foyer: the conference room display. Parses the command line (docs/CONTRACTS.md,
// "Command line") and runs one mode.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "app/config.h"
#include "app/kiosk.h"
#include "app/modes.h"
#include "base/time.h"

namespace {

const char kUsage[] =
    "usage: foyer --config FILE [MODE]\n"
    "\n"
    "Shows what is on now and next in a conference room (or every room, in a\n"
    "hallway) from a local cache that a background sync keeps up to date.\n"
    "\n"
    "modes:\n"
    "  (none)                  run the screen: fullscreen or a window, per [display]\n"
    "  --exit-after SECONDS    run the screen, exit after SECONDS and print\n"
    "                          {\"frames\": N, \"syncs\": N, ...}\n"
    "  --check                 validate the config (and the room, if synced);\n"
    "                          prints FILE:LINE: message, exit 2 when invalid\n"
    "  --sync-once             sync the feed once now and print the result as JSON\n"
    "  --print [--at TIME]     print what the screen shows at TIME as JSON\n"
    "  --screenshot OUT.png [--at TIME] [--size WxH]\n"
    "                          draw the screen offscreen into a PNG\n"
    "  --version, --help\n"
    "\n"
    "TIME is ISO 8601 with an offset or Z, e.g. 2025-10-15T10:40:00+05:00.\n";

int Usage(const std::string& problem) {
  std::fprintf(stderr, "foyer: %s\n\n%s", problem.c_str(), kUsage);
  return 64;
}

struct Arguments {
  std::string config, mode, at, screenshot, size;
  double exit_after = 0;
};

}  // namespace

int main(int argc, char** argv) {
  using namespace foyer;
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) return nullptr;
      (void)name;
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--version") {
      std::printf("foyer %s\n", FOYER_VERSION);
      return 0;
    } else if (arg == "--config") {
      const char* v = value("--config");
      if (!v) return Usage("--config needs a file");
      args.config = v;
    } else if (arg == "--check" || arg == "--sync-once" || arg == "--print") {
      if (!args.mode.empty()) return Usage("choose one of " + args.mode + " and " + arg);
      args.mode = arg;
    } else if (arg == "--screenshot") {
      const char* v = value(arg.c_str());
      if (!v) return Usage("--screenshot needs an output file, e.g. screen.png");
      if (!args.mode.empty()) return Usage("choose one of " + args.mode + " and " + arg);
      args.mode = arg;
      args.screenshot = v;
    } else if (arg == "--exit-after") {
      const char* v = value(arg.c_str());
      char* end = nullptr;
      if (v) args.exit_after = std::strtod(v, &end);
      if (!v || *end || args.exit_after <= 0)
        return Usage("--exit-after needs a number of seconds, e.g. --exit-after 60");
    } else if (arg == "--at") {
      const char* v = value(arg.c_str());
      if (!v) return Usage("--at needs a time, e.g. 2025-10-15T10:40:00+05:00");
      args.at = v;
    } else if (arg == "--size") {
      const char* v = value(arg.c_str());
      if (!v) return Usage("--size needs WIDTHxHEIGHT, e.g. 1920x1080");
      args.size = v;
    } else {
      return Usage("unknown option " + arg);
    }
  }
  if (args.config.empty()) return Usage("--config FILE is required");
  if (!args.at.empty() && args.mode != "--print" && args.mode != "--screenshot")
    return Usage("--at works with --print and --screenshot");
  if (!args.size.empty() && args.mode != "--screenshot")
    return Usage("--size works with --screenshot");

  ConfigLoad load = LoadConfig(args.config);
  const Config& config = load.config;
  if (!load.ok()) {
    for (const std::string& problem : load.problems) std::fprintf(stderr, "%s\n", problem.c_str());
    return 2;
  }

  Env* real = Env::Default();
  OffsetClockEnv demo_clock(real, config.clock.start.value_or(0));
  Env* clock = config.clock.start ? static_cast<Env*>(&demo_clock) : real;

  // An explicit --at or a demo clock is taken as given; the system clock is
  // checked for plausibility before it is believed.
  ScreenMoment moment;
  moment.at = clock->Now();
  moment.real_now = real->Now();
  moment.clock_trusted = config.clock.start.has_value();
  if (!args.at.empty()) {
    auto parsed = ParseIsoInstant(args.at);
    if (!parsed.ok() || !parsed->has_offset)
      return Usage("--at " + args.at +
                   ": write a time with its offset, e.g. 2025-10-15T10:40:00+05:00");
    moment.at = parsed->utc;
    moment.clock_trusted = true;
  }
  if (args.mode == "--check") return RunCheck(config);
  if (args.mode == "--sync-once") return RunSyncOnce(config, real);
  if (args.mode == "--print") return RunPrint(config, moment);
  if (args.mode == "--screenshot") {
    int width = config.display.width, height = config.display.height;
    if (!args.size.empty() && !ParsePanelSize(args.size, width, height))
      return Usage("--size " + args.size + ": write WIDTHxHEIGHT, e.g. 1920x1080");
    return RunScreenshot(config, moment, width, height, args.screenshot);
  }
  return RunKiosk(config, clock, real, args.exit_after);
}
