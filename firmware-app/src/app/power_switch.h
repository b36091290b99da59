// Switches the panel itself when a screen's hours begin and end, with the
// venue's commands (display.power_on_command / power_off_command, e.g.
// cec-ctl for a TV that honours HDMI-CEC). Painting black is what blanks a
// screen dependably; a command is a saving on top, so it runs in the
// background, without a shell, for at most a timeout, and a failure is only
// logged. "Off" is asserted again every 10 minutes, since people switch TVs
// back on; "on" is sent when the hours begin and when the kiosk starts.
// Want() is called from the UI thread only; the command runs on its own thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/hours.h"

namespace foyer {

inline constexpr std::int64_t kPowerReassertMicros = 10 * 60 * 1'000'000LL;

// When to run a power command: the first time, when the wanted power changes,
// and every 10 minutes while it stays off. Pure; thread-compatible.
class PowerAssertion {
 public:
  // The power to assert now (its command to run), or nullopt.
  std::optional<Power> Due(Power wanted, std::int64_t now_micros);

 private:
  std::optional<Power> asserted_;
  std::int64_t asserted_at_ = 0;
};

class PowerSwitch {
 public:
  PowerSwitch(std::vector<std::string> off_command, std::vector<std::string> on_command,
              std::int64_t timeout_micros = 10'000'000);
  // Stops a command still running (it is killed) and waits for it.
  ~PowerSwitch();
  PowerSwitch(const PowerSwitch&) = delete;
  PowerSwitch& operator=(const PowerSwitch&) = delete;

  // The screen wants `power` at monotonic `now_micros`: runs its command when due.
  void Want(Power power, std::int64_t now_micros);
  // How the last command ended ("" before any): "ok", "exited with 3",
  // "cannot start: …", "timed out after 10 s". Thread-safe.
  std::string LastOutcome() const;
  // Whether a command is running. Thread-safe.
  bool Busy() const { return busy_; }

 private:
  void Run(std::vector<std::string> argv, const char* key);
  void Finish(const std::string& outcome, const char* key, const std::string& program);

  std::vector<std::string> off_, on_;
  std::int64_t timeout_micros_;
  PowerAssertion assertion_;
  std::thread runner_;
  std::atomic<bool> busy_{false}, stop_{false};
  mutable std::mutex mutex_;
  std::string last_outcome_;
};

}  // namespace foyer
