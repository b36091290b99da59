// Syncer: one poll of the feed — fetch (conditional GET), hash, parse, and
// replace the cached schedule in one transaction — and SyncThread, which polls
// on its own thread every interval so the screen never waits on the network.
//
// Whatever fails (transport, HTTP status, body, parse), the cache is left
// exactly as it was. Nothing is written when the feed is unchanged (a 304, or
// a body with the cached content hash), except a refresh of last_sync at most
// every kLastSyncRefreshSeconds, so an SD card sees almost no writes.
//
// Thread safety: a Syncer is used by one thread at a time. SyncThread owns a
// Syncer and runs it on its thread; its public methods are thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/env.h"
#include "base/status.h"
#include "store/store.h"
#include "sync/http_client.h"

namespace foyer {

struct SyncOptions {
  std::string url;  // absolute: http(s):// or file://
  long timeout_seconds = 30;
  std::size_t max_bytes = 32 << 20;
  int interval_seconds = 60;
};

struct SyncOutcome {
  enum class Kind { kUpdated, kUnchanged, kFailed };
  Kind kind = Kind::kFailed;
  int sessions = 0;   // in the cache after this sync
  int rooms = 0;      // rooms with at least one session, in the cache after this sync
  std::string error;  // kFailed: why, for a technician
  int http_status = 0;
  std::size_t bytes = 0;
  std::int64_t duration_ms = 0;

  const char* KindName() const;
  // One line for the log: "sync: updated, HTTP 200, 63068 bytes, 12 ms, 36 sessions in 2 rooms".
  std::string LogLine() const;
};

class Syncer {
 public:
  static constexpr UnixSeconds kLastSyncRefreshSeconds = 300;

  // REQUIRES: env, http and store outlive the Syncer.
  Syncer(Env* env, HttpClient* http, Store* store, SyncOptions options);
  SyncOutcome SyncOnce();

 private:
  Env* env_;
  HttpClient* http_;
  Store* store_;
  SyncOptions options_;
};

// Delay before the next poll: the interval, jittered by ±10% so that fifty
// screens spread out; after failures, doubled per failure up to ten intervals
// (at most an hour), still jittered. `random` is a uniform 64-bit number.
std::int64_t NextPollDelayMillis(int interval_seconds, int consecutive_failures,
                                 std::uint64_t random);

class SyncThread {
 public:
  // Opens its own Store on cache_path and polls until Stop(). on_update is
  // called on the sync thread after each sync that replaced the schedule.
  SyncThread(Env* env, std::unique_ptr<HttpClient> http, std::string cache_path,
             SyncOptions options, std::function<void()> on_update);
  ~SyncThread();  // stops and joins
  void Stop();

  int syncs() const { return syncs_.load(); }
  // Instant of the last successful sync seen by this thread (0: none yet).
  UnixSeconds last_success() const { return last_success_.load(); }

 private:
  void Run();

  Env* env_;
  std::unique_ptr<HttpClient> http_;
  std::string cache_path_;
  SyncOptions options_;
  std::function<void()> on_update_;
  std::atomic<int> syncs_{0};
  std::atomic<UnixSeconds> last_success_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace foyer
