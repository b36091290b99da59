#include "app/stop_signals.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include "base/log.h"

namespace foyer {
namespace {

constexpr int kStopSignals[] = {SIGTERM, SIGINT};
// Asks for the live statistics; caught with the stop signals, the same way.
constexpr int kReportSignal = SIGUSR1;

// The pipe the handler writes into (-1: none).
std::atomic<int> g_write_end{-1};

// Async-signal-safe: one write(2), errno kept.
void OnSignal(int signal) {
  const int saved = errno;
  const unsigned char number = static_cast<unsigned char>(signal);
  if (int fd = g_write_end.load(); fd >= 0) (void)!write(fd, &number, 1);
  errno = saved;
}

void SetAction(void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (int signal : kStopSignals) sigaction(signal, &action, nullptr);
  sigaction(kReportSignal, &action, nullptr);
}

}  // namespace

StopSignals::StopSignals() {
  if (pipe2(pipe_, O_CLOEXEC) != 0) {
    LogWarning(std::string("cannot catch SIGTERM: pipe2 failed: ") + std::strerror(errno));
    return;
  }
  // A full pipe must never block the handler: one byte already says "stop".
  fcntl(pipe_[1], F_SETFL, O_NONBLOCK);
  g_write_end = pipe_[1];
  thread_ = std::thread([this] { Watch(); });
  SetAction(OnSignal);
}

StopSignals::~StopSignals() {
  SetAction(SIG_DFL);
  g_write_end = -1;
  if (thread_.joinable()) {
    const unsigned char end = 0;
    while (write(pipe_[1], &end, 1) < 0 && errno == EINTR) {
    }
    thread_.join();
  }
  for (int fd : pipe_)
    if (fd >= 0) close(fd);
}

void StopSignals::OnStop(std::function<void()> on_stop) {
  std::lock_guard<std::mutex> lock(mutex_);
  on_stop_ = std::move(on_stop);
  if (stopped_ && on_stop_) on_stop_();
}

void StopSignals::OnReport(std::function<void()> on_report) {
  std::lock_guard<std::mutex> lock(mutex_);
  on_report_ = std::move(on_report);
}

void StopSignals::Watch() {
  while (true) {
    unsigned char number = 0;
    ssize_t got = read(pipe_[0], &number, 1);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0 || number == 0) return;
    if (number == kReportSignal) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (on_report_) on_report_();
      continue;
    }
    LogInfo(std::string("stopping: got ") + (number == SIGINT ? "SIGINT" : "SIGTERM"));
    stopped_ = true;
    std::lock_guard<std::mutex> lock(mutex_);
    if (on_stop_) on_stop_();
  }
}

}  // namespace foyer
