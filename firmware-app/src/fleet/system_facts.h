// Facts about the board a screen runs on, for its fleet status: resident
// memory, uptime of the process, SoC temperature and the under-voltage alarm
// (where the board has them), and the host name. Read from /proc and /sys
// each time they are asked for; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace foyer {

// This process's resident memory now, in KiB (VmRSS); 0 when unknown.
std::int64_t ResidentKilobytes();
// The hottest thermal zone's temperature in °C (/sys/class/thermal), when any.
std::optional<double> SocTemperature(const std::string& root = "/sys/class/thermal");
// Whether a hwmon sensor reports under-voltage (in0_lcrit_alarm, as the Pi's
// rpi_volt does), when any sensor has that alarm.
std::optional<bool> UnderVoltage(const std::string& root = "/sys/class/hwmon");
// The host name, or "" when it cannot be read.
std::string HostName();

}  // namespace foyer
