// Syncer: one poll of the organizers' feeds — the schedule and, when
// configured, the announcements. For each: a conditional GET; the body's
// SHA-256; when the feed is signed, URL.minisig checked before anything is
// parsed; parse; and one transaction that replaces the cached copy.
//
// Whatever fails (transport, HTTP status, signature, body, parse), the cache is
// left exactly as it was. Nothing at all is written to the cache when a feed is
// unchanged (a 304, or a body with the cached content hash): per-poll
// bookkeeping lives in memory and in a RAM-backed mirror (sync/health.h).
//
// PollSchedule spaces the polls; SyncThread runs them on their own thread so
// the screen never waits on the network.
//
// Thread safety: a Syncer or PollSchedule is used by one thread at a time.
// SyncThread's public methods are thread-safe.
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
#include "store/cache_file.h"
#include "store/store.h"
#include "sync/health.h"
#include "sync/http_client.h"
#include "sync/notices.h"

namespace foyer {

struct SyncOptions {
  std::string url;                // absolute: http(s):// or file://
  std::string announcements_url;  // optional, absolute
  long timeout_seconds = 30;
  std::size_t max_bytes = 32 << 20;
  int interval_seconds = 60;
  std::string minisign_key;  // optional: feeds must then be signed with it
  std::string ca_file;       // optional extra CA (PEM)
  std::string token_file;    // optional file holding a bearer token
  std::string health_path;   // optional: where to mirror SyncHealth
  std::string timezone;      // optional IANA zone for feeds whose times carry no offset
  // SyncThread: the first poll waits for ReleaseFirstPoll() (the screen's
  // first frame), or kFirstPollHoldMillis at most.
  bool hold_first_poll = false;
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
  // The announcements feed, when configured.
  bool has_announcements = false;
  Kind announcements_kind = Kind::kUnchanged;
  int announcements = 0;
  std::string announcements_error;

  const char* KindName() const;
  // One line for the log: "sync: updated, HTTP 200, 63068 bytes, 12 ms, 36 sessions in 2 rooms".
  std::string LogLine() const;
};

const char* SyncKindName(SyncOutcome::Kind kind);

class Syncer {
 public:
  // REQUIRES: env, http and store outlive the Syncer.
  Syncer(Env* env, HttpClient* http, Store* store, SyncOptions options);
  SyncOutcome SyncOnce();
  const SyncHealth& health() const { return health_; }
  // The polls from now on use `store` (the cache healed: a new file, or memory).
  // REQUIRES: store outlives its use.
  void UseStore(Store* store);
  // How the cache file is doing, for the health mirror's next write.
  void SetStorage(const StorageStatus& storage);

 private:
  struct Fetched;
  Fetched Fetch(const std::string& url, FeedKind kind, const std::string& what);
  // True when the cache holds content of the feed at url that needs no new
  // fetch: the same URL, a content hash, and verified by feed.minisign_key
  // when one is set. Otherwise the feed is fetched whole, no validators sent.
  bool Vouches(const FeedState& state, const std::string& url) const;
  // The feed state to store with a new body of the feed at url.
  FeedState FreshState(const std::string& url, const Fetched& fetched, UnixSeconds now) const;
  // Parses a new schedule, marks its changes and replaces the cached one.
  void StoreSchedule(const Fetched& fetched, UnixSeconds now, SyncOutcome& outcome);
  void SyncAnnouncements(SyncOutcome& outcome);

  Env* env_;
  HttpClient* http_;
  Store* store_;
  SyncOptions options_;
  SyncHealth health_;
};

// Spaces the polls: the interval, jittered by ±10% so that fifty screens spread
// out; after failures, doubled per failure up to ten intervals (at most an
// hour), still jittered; back to the interval after a success.
class PollSchedule {
 public:
  PollSchedule(Env* env, int interval_seconds) : env_(env), interval_seconds_(interval_seconds) {}
  // Milliseconds to wait before the next poll, given how the last one went.
  std::int64_t DelayAfter(bool success);
  int consecutive_failures() const { return failures_; }

 private:
  Env* env_;
  int interval_seconds_;
  int failures_ = 0;
};

// The delay PollSchedule uses; `random` is a uniform 64-bit number.
std::int64_t NextPollDelayMillis(int interval_seconds, int consecutive_failures,
                                 std::uint64_t random);

class SyncThread {
 public:
  // Polls until Stop(), into the cache kept by `cache` (which it heals: see
  // store/cache_file.h). on_update is called on the sync thread after each
  // sync that changed the cache, and when the cache moved (TakeReader).
  SyncThread(Env* env, std::unique_ptr<HttpClient> http, std::unique_ptr<CacheFile> cache,
             SyncOptions options, std::function<void()> on_update);
  // As above, with a cache of its own at cache_path.
  SyncThread(Env* env, std::unique_ptr<HttpClient> http, std::string cache_path,
             SyncOptions options, std::function<void()> on_update);
  ~SyncThread();  // stops and joins
  // Ends a transfer in progress (HttpClient::Stop), stops polling and joins:
  // returns within about a second whatever the network does.
  void Stop();

  int syncs() const { return syncs_.load(); }
  // Instant of the last successful sync seen by this thread (0: none yet).
  UnixSeconds last_success() const { return last_success_.load(); }
  // A connection to the cache for the screen, when the cache moved since the
  // last call (a new file, or memory) or its copy in memory changed: the
  // screen reads from it from now on. Null when nothing moved.
  std::unique_ptr<Store> TakeReader();
  // How the cache file is doing.
  StorageStatus storage();
  // The screen could not read the cache: check it now (quick_check) and heal it.
  void CheckCache();
  // "The feed changed" (a fleet notice): the next poll comes within 0–2 s,
  // at most one per 2 s however many notices arrive (sync/notices.h).
  void FeedChanged();
  // Lets a first poll held by options.hold_first_poll begin. Thread-safe;
  // later calls do nothing.
  void ReleaseFirstPoll();

  // A held first poll begins after this long without a release.
  static constexpr std::int64_t kFirstPollHoldMillis = 10'000;

 private:
  void Run();
  // Waits until a poll is due: scheduled at due_millis (monotonic), asked
  // for by a notice, or a check of the cache. False when stopping.
  bool WaitForPoll(std::int64_t due_millis, bool& verify);
  // Waits for ReleaseFirstPoll(), when the options hold the first poll.
  void WaitForRelease();
  std::int64_t NowMillis() const { return env_->MonotonicMicros() / 1000; }
  // One poll, with the cache healed before it and, when the poll found it
  // failing (damaged, cannot write), healed and polled again at once.
  SyncOutcome Poll(Syncer& syncer, bool verify);
  // Hands the screen a new connection (TakeReader).
  void Publish();

  Env* env_;
  std::unique_ptr<HttpClient> http_;
  std::unique_ptr<CacheFile> cache_;  // the sync thread's only
  SyncOptions options_;
  std::function<void()> on_update_;
  std::atomic<int> syncs_{0};
  std::atomic<UnixSeconds> last_success_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;             // guarded by mutex_
  bool check_requested_ = false;      // guarded by mutex_
  bool first_poll_released_ = false;  // guarded by mutex_
  NoticeSchedule notices_;            // guarded by mutex_
  std::unique_ptr<Store> reader_;     // guarded by mutex_
  StorageStatus storage_;             // guarded by mutex_
  std::thread thread_;
};

}  // namespace foyer
