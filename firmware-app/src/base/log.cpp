#include "base/log.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "base/names.h"
#include "base/utf8.h"

namespace foyer {
namespace {

// FOYER_LOG's spelling of each level.
constexpr NameTable<LogLevel, 4> kLogLevelNames{{{
    {LogLevel::kDebug, "debug"},
    {LogLevel::kInfo, "info"},
    {LogLevel::kWarning, "warning"},
    {LogLevel::kError, "error"},
}}};

LogLevel LevelFromEnvironment() {
  const char* value = std::getenv("FOYER_LOG");
  return value ? kLogLevelNames.Parse(value).value_or(LogLevel::kInfo) : LogLevel::kInfo;
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
  // Whatever a line quotes (a server's bytes, a feed's), the journal gets one
  // line of UTF-8.
  const std::string printable = EscapeUnprintable(line);
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fprintf(stderr, "%sfoyer: %s%s\n", journal ? kPrefix[index] : "",
               journal ? "" : kWord[index], printable.c_str());
}

}  // namespace foyer
