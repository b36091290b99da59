// One-line logs for a technician reading journald: "foyer: sync: updated …".
// Thread-safe: each call writes one whole line to stderr, its text escaped
// (EscapeUnprintable: line breaks, controls and bytes that are not UTF-8 as \xNN).
#pragma once

#include <string>

namespace foyer {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

void Log(LogLevel level, const std::string& line);
inline void LogInfo(const std::string& line) { Log(LogLevel::kInfo, line); }
inline void LogWarning(const std::string& line) { Log(LogLevel::kWarning, line); }
inline void LogError(const std::string& line) { Log(LogLevel::kError, line); }

// Lines below this level are dropped (default kInfo; FOYER_LOG=debug|info|warning|error).
void SetLogLevel(LogLevel level);

}  // namespace foyer
