// foyer: the conference room display. Parses the command line
// (docs/CONTRACTS.md, "Command line") and runs one mode.
#include <malloc.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

#include "app/config.h"
#include "app/kiosk.h"
#include "app/modes.h"
#include "base/names.h"
#include "base/time.h"
#include "base/utf8.h"

namespace {

constexpr int kOwnMappingBytes = 128 * 1024;  // glibc's starting threshold

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
    "  --print [--at TIME] [--size WxH]\n"
    "                          print what the screen shows at TIME as JSON (a hallway's\n"
    "                          pages for a WxH panel; default display.size)\n"
    "  --screenshot OUT.png [--at TIME] [--size WxH]\n"
    "                          draw the screen offscreen into a PNG\n"
    "  --version, --help\n"
    "\n"
    "TIME is ISO 8601 with an offset or Z, e.g. 2025-10-15T10:40:00+05:00.\n";

int Usage(const std::string& problem) {
  std::fprintf(stderr, "foyer: %s\n\n%s", problem.c_str(), kUsage);
  return 64;
}

// What the command was asked to do; the kiosk when no mode is given.
enum class Mode { kKiosk, kCheck, kSyncOnce, kPrint, kScreenshot };
constexpr foyer::NameTable<Mode, 5> kModeFlags{{{
    {Mode::kKiosk, "(the kiosk)"},
    {Mode::kCheck, "--check"},
    {Mode::kSyncOnce, "--sync-once"},
    {Mode::kPrint, "--print"},
    {Mode::kScreenshot, "--screenshot"},
}}};

struct Arguments {
  std::string config, at, screenshot, size;
  Mode mode = Mode::kKiosk;
  double exit_after = 0;
  bool done = false;  // --help or --version answered
};

// Reads the option at argv[i] (and its value, advancing i). Returns a usage
// problem, or "" when it was fine.
std::string ReadOption(int argc, char** argv, int& i, Arguments& args) {
  const std::string arg = argv[i];
  const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
  auto take = [&] { return value ? argv[++i] : nullptr; };
  if (arg == "--help" || arg == "-h") {
    std::fputs(kUsage, stdout);
    args.done = true;
  } else if (arg == "--version") {
    std::printf("foyer %s\n", FOYER_VERSION);
    args.done = true;
  } else if (arg == "--config") {
    if (!take()) return "--config needs a file";
    args.config = value;
  } else if (auto mode = kModeFlags.Parse(arg); mode && *mode != Mode::kKiosk) {
    if (args.mode != Mode::kKiosk)
      return "choose one of " + std::string(kModeFlags.Name(args.mode)) + " and " + arg;
    if (*mode == Mode::kScreenshot && !take())
      return "--screenshot needs an output file, e.g. screen.png";
    args.mode = *mode;
    if (*mode == Mode::kScreenshot) args.screenshot = value;
  } else if (arg == "--exit-after") {
    char* end = nullptr;
    if (take()) args.exit_after = std::strtod(value, &end);
    if (!value || *end || args.exit_after <= 0)
      return "--exit-after needs a number of seconds, e.g. --exit-after 60";
  } else if (arg == "--at") {
    if (!take()) return "--at needs a time, e.g. 2025-10-15T10:40:00+05:00";
    args.at = value;
  } else if (arg == "--size") {
    if (!take()) return "--size needs WIDTHxHEIGHT, e.g. 1920x1080";
    args.size = value;
  } else {
    return "unknown option " + arg;
  }
  return "";
}

// The options that only some modes take.
std::string CheckCombination(const Arguments& args) {
  if (args.config.empty()) return "--config FILE is required";
  if (!args.at.empty() && args.mode != Mode::kPrint && args.mode != Mode::kScreenshot)
    return "--at works with --print and --screenshot";
  if (!args.size.empty() && args.mode != Mode::kScreenshot && args.mode != Mode::kPrint)
    return "--size works with --print and --screenshot";
  return "";
}

// Runs the mode asked for with a valid config.
int RunMode(const Arguments& args, const foyer::Config& config) {
  using namespace foyer;
  Env* real = Env::Default();
  OffsetClockEnv demo_clock(real, config.clock.start.value_or(0), config.clock.speed);
  Env* clock = config.clock.start ? static_cast<Env*>(&demo_clock) : real;

  // An explicit --at or a demo clock is taken as given; the system clock is
  // checked for plausibility before it is believed.
  ScreenMoment moment{clock->Now(), real->Now(), config.clock.start.has_value()};
  if (!args.at.empty()) {
    auto parsed = ParseIsoInstant(args.at);
    if (!parsed.ok())  // not a time, or its offset out of range: the parser says which
      return Usage("--at " + args.at + ": " + parsed.status().message() +
                   " (write e.g. 2025-10-15T10:40:00+05:00)");
    if (!parsed->has_offset)
      return Usage("--at " + args.at +
                   ": write a time with its offset, e.g. 2025-10-15T10:40:00+05:00");
    moment.at = parsed->utc;
    moment.clock_trusted = true;
  }
  int width = config.display.width, height = config.display.height;
  switch (args.mode) {
    case Mode::kCheck:
      return RunCheck(config);
    case Mode::kSyncOnce:
      return RunSyncOnce(config, real);
    case Mode::kPrint:
    case Mode::kScreenshot:
      break;
    case Mode::kKiosk:
      return RunKiosk(config, clock, real, args.exit_after);
  }
  if (!args.size.empty() && !ParsePanelSize(args.size, width, height))
    return Usage("--size " + args.size + ": write WIDTHxHEIGHT, e.g. 1920x1080");
  if (args.mode == Mode::kPrint) return RunPrint(config, moment, width, height);
  return RunScreenshot(config, moment, width, height, args.screenshot);
}

// A mode ended by an exception (a library's, never foyer's own error style):
// reported as a failed mode, with the JSON line --sync-once promises.
int Failed(Mode mode, const char* what) {
  const std::string error = foyer::EscapeUnprintable(std::string("internal error: ") + what);
  if (mode == Mode::kSyncOnce) foyer::PrintSyncFailure(error);
  std::fprintf(stderr, "foyer: %s failed: %s\n", kModeFlags.Name(mode), error.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace foyer;
  // Past a file-size limit (ulimit -f, RLIMIT_FSIZE) a write then fails with
  // EFBIG like any other write failure, and is reported; by default SIGXFSZ
  // would kill foyer before it could say why.
  std::signal(SIGXFSZ, SIG_IGN);
  // Pixel buffers (text surfaces, textures: up to megabytes at 4K) get their
  // own mappings, returned to the system when freed. By default glibc raises
  // this threshold after the first such free, and later buffers fragment the
  // heap: a 4K screen kept 4 MiB more resident for weeks (tools/bench).
  mallopt(M_MMAP_THRESHOLD, kOwnMappingBytes);
  Arguments args;
  for (int i = 1; i < argc && !args.done; ++i)
    if (std::string problem = ReadOption(argc, argv, i, args); !problem.empty())
      return Usage(problem);
  if (args.done) return 0;
  if (std::string problem = CheckCombination(args); !problem.empty()) return Usage(problem);

  try {
    ConfigLoad load = LoadConfig(args.config);
    if (!load.ok()) {
      for (const ConfigProblem& problem : load.problems)
        std::fprintf(stderr, "%s\n", problem.ToString().c_str());
      return 2;
    }
    return RunMode(args, load.config);
  } catch (const std::exception& error) {
    return Failed(args.mode, error.what());
  } catch (...) {
    return Failed(args.mode, "an unknown exception");
  }
}
