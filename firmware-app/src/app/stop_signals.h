// StopSignals: SIGTERM and SIGINT as a request to stop, not sudden death. A
// screen under systemd gets SIGTERM at every restart, shutdown and update; it
// must end a stalled download at once (HttpClient::Stop) rather than wait for
// feed.timeout, and leave the cache as it was.
//
// The signal handler only writes the signal's number into a pipe (all it may
// safely do); a thread of its own reads it and calls the callback, where
// anything thread-safe may run (SDL_PushEvent, curl_multi_wakeup). Installed
// before SDL starts, it keeps SDL from putting in its own handlers.
//
// SIGUSR1 is no stop: it asks a running kiosk for its live statistics
// (docs/CONTRACTS.md). It calls the OnReport callback the same way, which
// only wakes the UI thread (app/wake.h); the UI thread prints. With no
// callback, SIGUSR1 is ignored rather than fatal while this lives.
//
// One StopSignals at a time per process. OnStop and OnReport are thread-safe.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace foyer {

class StopSignals {
 public:
  // Catches SIGTERM and SIGINT from now on.
  StopSignals();
  // Gives SIGTERM and SIGINT back their default action, then ends the thread.
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Calls `on_stop` on the signal thread at each stop signal from now on, or
  // at once when one came already. An empty function stops the calls; once
  // OnStop returns, the previous callback is not running and will not run.
  void OnStop(std::function<void()> on_stop);
  // Calls `on_report` on the signal thread at each SIGUSR1 from now on (none
  // for those that came before). An empty function stops the calls; once
  // OnReport returns, the previous callback is not running and will not run.
  void OnReport(std::function<void()> on_report);
  // True once a stop signal came.
  bool stopped() const { return stopped_; }

 private:
  void Watch();

  int pipe_[2] = {-1, -1};  // the handler writes, Watch reads; a 0 byte ends Watch
  std::atomic<bool> stopped_{false};
  std::mutex mutex_;  // held while on_stop_ or on_report_ runs or changes
  std::function<void()> on_stop_;
  std::function<void()> on_report_;
  std::thread thread_;
};

// Has `signals` call `on_report` at each SIGUSR1 while this lives, as OnStopScope.
class OnReportScope {
 public:
  OnReportScope(StopSignals& signals, std::function<void()> on_report) : signals_(signals) {
    signals_.OnReport(std::move(on_report));
  }
  ~OnReportScope() { signals_.OnReport({}); }
  OnReportScope(const OnReportScope&) = delete;
  OnReportScope& operator=(const OnReportScope&) = delete;

 private:
  StopSignals& signals_;
};

// Has `signals` call `on_stop` while this lives: declared after what on_stop
// uses, it stops the calls before that goes, on every way out of the scope.
class OnStopScope {
 public:
  OnStopScope(StopSignals& signals, std::function<void()> on_stop) : signals_(signals) {
    signals_.OnStop(std::move(on_stop));
  }
  ~OnStopScope() { signals_.OnStop({}); }
  OnStopScope(const OnStopScope&) = delete;
  OnStopScope& operator=(const OnStopScope&) = delete;

 private:
  StopSignals& signals_;
};

}  // namespace foyer
