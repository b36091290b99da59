#include "app/power_switch.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

#include "base/log.h"

extern char** environ;

namespace foyer {
namespace {

constexpr std::int64_t kPollMicros = 20'000;

// Starts argv (looked up in PATH, no shell) with stdin from /dev/null; -errno on failure.
pid_t Spawn(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  int error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return error == 0 ? pid : -error;
}

std::string Describe(int status) {
  if (WIFEXITED(status))
    return WEXITSTATUS(status) == 0 ? "ok" : "exited with " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "ended oddly";
}

}  // namespace

std::optional<Power> PowerAssertion::Due(Power wanted, std::int64_t now_micros) {
  const bool changed = asserted_ != wanted;
  const bool again = wanted == Power::kOff && now_micros - asserted_at_ >= kPowerReassertMicros;
  if (!changed && !again) return std::nullopt;
  asserted_ = wanted;
  asserted_at_ = now_micros;
  return wanted;
}

PowerSwitch::PowerSwitch(std::vector<std::string> off_command, std::vector<std::string> on_command,
                         std::int64_t timeout_micros)
    : off_(std::move(off_command)), on_(std::move(on_command)), timeout_micros_(timeout_micros) {}

PowerSwitch::~PowerSwitch() {
  stop_ = true;
  if (runner_.joinable()) runner_.join();
}

void PowerSwitch::Want(Power power, std::int64_t now_micros) {
  if (busy_) return;  // decided again once the running command is done
  std::optional<Power> due = assertion_.Due(power, now_micros);
  if (!due) return;
  const std::vector<std::string>& argv = *due == Power::kOff ? off_ : on_;
  if (argv.empty()) return;
  if (runner_.joinable()) runner_.join();  // finished: busy_ is false
  busy_ = true;
  const char* key = *due == Power::kOff ? "display.power_off_command" : "display.power_on_command";
  runner_ = std::thread([this, argv, key] { Run(argv, key); });
}

void PowerSwitch::Run(std::vector<std::string> argv, const char* key) {
  const pid_t pid = Spawn(argv);
  if (pid < 0) {
    Finish(std::string("cannot start: ") + std::strerror(-pid), key, argv[0]);
    return;
  }
  int status = 0;
  for (std::int64_t waited = 0;; waited += kPollMicros) {
    if (waitpid(pid, &status, WNOHANG) == pid) return Finish(Describe(status), key, argv[0]);
    if (stop_ || waited >= timeout_micros_) break;
    std::this_thread::sleep_for(std::chrono::microseconds(kPollMicros));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  const std::string limit = timeout_micros_ >= 1'000'000
                                ? std::to_string(timeout_micros_ / 1'000'000) + " s"
                                : std::to_string(timeout_micros_ / 1000) + " ms";
  Finish(stop_ ? "stopped: foyer is stopping" : "timed out after " + limit, key, argv[0]);
}

void PowerSwitch::Finish(const std::string& outcome, const char* key, const std::string& program) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    last_outcome_ = outcome;
  }
  if (outcome == "ok")
    LogInfo(std::string(key) + ": " + program + " ran");
  else
    LogWarning(std::string(key) + ": " + program + " " + outcome +
               " (the screen is painted as its hours say all the same; check the command and the "
               "TV's HDMI-CEC setting)");
  busy_ = false;
}

std::string PowerSwitch::LastOutcome() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return last_outcome_;
}

}  // namespace foyer
