// foyer-feed: the organizers' command for checking a schedule feed before it is
// published. It reads files only (no network) and links only the feed module.
//
//   foyer-feed validate FILE...   exit 0: one summary line per FILE on stdout
//                                 exit 2: "FILE: where: message" per problem on stderr
//   foyer-feed --help | --version
//
// Exit status: 0 valid, 2 invalid or unreadable, 64 usage error (sysexits EX_USAGE).

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "feed/feed.h"
#include "feed/validate.h"

#ifndef FOYER_VERSION
#define FOYER_VERSION "unknown"
#endif

namespace foyer {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 2;
constexpr int kExitUsage = 64;

constexpr char kUsage[] =
    "usage: foyer-feed COMMAND [ARGS]\n"
    "\n"
    "Checks a conference schedule feed before it is published to foyer screens.\n"
    "\n"
    "commands:\n"
    "  validate FILE...  parse each FILE (format detected from its bytes) and report\n"
    "                    what would show wrongly on a screen\n"
    "\n"
    "options:\n"
    "  --help            show this text\n"
    "  --version         show the version\n"
    "\n"
    "exit status: 0 valid, 2 invalid or unreadable, 64 usage error\n";

constexpr char kValidateUsage[] =
    "usage: foyer-feed validate FILE...\n"
    "\n"
    "Parses each FILE (schedule.json; '-' reads standard input) and checks it.\n"
    "A valid feed prints one line on standard output:\n"
    "  FILE: schedule.json, N sessions in M rooms, FIRST-DAY–LAST-DAY\n"
    "An invalid one prints each problem on standard error:\n"
    "  FILE: where: message\n"
    "\n"
    "exit status: 0 all valid, 2 any invalid or unreadable, 64 usage error\n";

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::ostringstream bytes;
    bytes << std::cin.rdbuf();
    return bytes.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  return bytes;
}

std::string LocalDate(const Session& session) {
  return FormatDate(Zone::Fixed(session.utc_offset).ToCivil(session.start).date);
}

// "schedule.json, 36 sessions in 2 rooms, 2020-12-14–2020-12-16". Rooms are
// those with at least one session. REQUIRES: !schedule.sessions.empty()
std::string Summary(FeedFormat format, const Schedule& schedule) {
  auto by_start = [](const Session& a, const Session& b) { return a.start < b.start; };
  auto [first, last] =
      std::minmax_element(schedule.sessions.begin(), schedule.sessions.end(), by_start);
  std::set<std::string> rooms;
  for (const Session& session : schedule.sessions)
    if (!session.room.empty()) rooms.insert(session.room);
  return std::string(FeedFormatName(format)) + ", " + std::to_string(schedule.sessions.size()) +
         " sessions in " + std::to_string(rooms.size()) + " rooms, " + LocalDate(*first) +
         "\xE2\x80\x93" + LocalDate(*last);
}

// Validates one file; prints its summary or its problems. True when valid.
bool ValidateFile(const std::string& path) {
  auto bytes = ReadInput(path);
  if (!bytes.ok()) {
    std::cerr << path << ": " << bytes.status().message() << "\n";
    return false;
  }
  auto schedule = ParseFeed(*bytes);
  if (!schedule.ok()) {
    std::cerr << path << ": " << schedule.status().message() << "\n";
    return false;
  }
  std::vector<FeedProblem> problems = ValidateSchedule(*schedule);
  for (const FeedProblem& problem : problems)
    std::cerr << path << ": " << problem.where << ": " << problem.message << "\n";
  if (!problems.empty()) return false;
  std::cout << path << ": " << Summary(DetectFeedFormat(*bytes), *schedule) << "\n";
  return true;
}

int Validate(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  bool options_done = false;
  for (const std::string& arg : args) {
    if (!options_done && (arg == "--help" || arg == "-h")) {
      std::cout << kValidateUsage;
      return kExitOk;
    }
    if (!options_done && arg == "--") {
      options_done = true;
    } else if (!options_done && arg.size() > 1 && arg[0] == '-') {
      std::cerr << "foyer-feed validate: unknown option " << arg << "\n\n" << kValidateUsage;
      return kExitUsage;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::cerr << "foyer-feed validate: no FILE given\n\n" << kValidateUsage;
    return kExitUsage;
  }
  bool all_valid = true;
  for (const std::string& file : files) all_valid = ValidateFile(file) && all_valid;
  return all_valid ? kExitOk : kExitInvalid;
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string& verb = args[0];
  if (verb == "--help" || verb == "-h" || verb == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (verb == "--version") {
    std::cout << "foyer-feed " << FOYER_VERSION << "\n";
    return kExitOk;
  }
  if (verb == "validate") return Validate(std::vector<std::string>(args.begin() + 1, args.end()));
  std::cerr << "foyer-feed: unknown command \"" << verb << "\"\n\n" << kUsage;
  return kExitUsage;
}

}  // namespace
}  // namespace foyer

int main(int argc, char** argv) { return foyer::Main(argc, argv); }
