#include "fleet/system_facts.h"

#include <unistd.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace foyer {
namespace {

// The first whole number in a small /sys or /proc file, when there is one.
std::optional<std::int64_t> ReadNumber(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::int64_t value = 0;
  if (in >> value) return value;
  return std::nullopt;
}

}  // namespace

std::int64_t ResidentKilobytes() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) {
      std::istringstream fields(line.substr(6));
      std::int64_t kilobytes = 0;
      fields >> kilobytes;
      return kilobytes;
    }
  return 0;
}

std::optional<double> SocTemperature(const std::string& root) {
  std::optional<double> hottest;
  std::error_code error;
  for (const auto& zone : std::filesystem::directory_iterator(root, error)) {
    if (zone.path().filename().string().rfind("thermal_zone", 0) != 0) continue;
    if (auto millidegrees = ReadNumber(zone.path() / "temp")) {
      const double degrees = static_cast<double>(*millidegrees) / 1000.0;
      if (!hottest || degrees > *hottest) hottest = degrees;
    }
  }
  return hottest;
}

std::optional<bool> UnderVoltage(const std::string& root) {
  std::optional<bool> alarm;
  std::error_code error;
  for (const auto& sensor : std::filesystem::directory_iterator(root, error))
    if (auto value = ReadNumber(sensor.path() / "in0_lcrit_alarm"))
      alarm = alarm.value_or(false) || *value != 0;
  return alarm;
}

std::string HostName() {
  char name[HOST_NAME_MAX + 1] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

}  // namespace foyer
