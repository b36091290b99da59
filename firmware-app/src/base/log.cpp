#include "base/log.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace foyer {
namespace {

LogLevel LevelFromEnvironment() {
  const char* value = std::getenv("FOYER_LOG");
  if (!value) return LogLevel::kInfo;
  if (!std::strcmp(value, "debug")) return LogLevel::kDebug;
  if (!std::strcmp(value, "warning")) return LogLevel::kWarning;
  if (!std::strcmp(value, "error")) return LogLevel::kError;
  return LogLevel::kInfo;
}

std::atomic<LogLevel> g_level{LevelFromEnvironment()};
std::mutex g_mutex;

}  // namespace

void SetLogLevel(LogLevel level) { g_level = level; }

void Log(LogLevel level, const std::string& line) {
  if (level < g_level.load()) return;
  // Under systemd (JOURNAL_STREAM set), journald reads "<N>" priority prefixes.
  static const bool journal = std::getenv("JOURNAL_STREAM") != nullptr;
  static const char* const kPrefix[] = {"<7>", "<6>", "<4>", "<3>"};
  static const char* const kWord[] = {"debug: ", "", "warning: ", "error: "};
  const int index = static_cast<int>(level);
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fprintf(stderr, "%sfoyer: %s%s\n", journal ? kPrefix[index] : "",
               journal ? "" : kWord[index], line.c_str());
}

}  // namespace foyer
