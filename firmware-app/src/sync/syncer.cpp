#include "sync/syncer.h"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "base/log.h"
#include "feed/feed.h"

namespace foyer {
namespace {

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

void CountInto(const Schedule& schedule, SyncOutcome& outcome) {
  std::set<std::string> rooms;
  for (const Session& session : schedule.sessions) rooms.insert(session.room);
  outcome.sessions = static_cast<int>(schedule.sessions.size());
  outcome.rooms = static_cast<int>(rooms.size());
}

// A URL safe to log: no user:password part, no query (it may carry a token).
std::string RedactUrl(const std::string& url) {
  std::string clean = url.substr(0, url.find('?'));
  auto scheme = clean.find("://");
  auto at = clean.find('@', scheme == std::string::npos ? 0 : scheme + 3);
  auto slash = clean.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (scheme != std::string::npos && at != std::string::npos && at < slash)
    clean.erase(scheme + 3, at - scheme - 2);
  return clean;
}

}  // namespace

const char* SyncOutcome::KindName() const {
  switch (kind) {
    case Kind::kUpdated:
      return "updated";
    case Kind::kUnchanged:
      return "unchanged";
    case Kind::kFailed:
      return "failed";
  }
  return "failed";
}

std::string SyncOutcome::LogLine() const {
  std::string line = std::string("sync: ") + KindName();
  line += http_status ? ", HTTP " + std::to_string(http_status) : ", no HTTP answer";
  line += ", " + std::to_string(bytes) + " bytes, " + std::to_string(duration_ms) + " ms";
  if (kind == Kind::kFailed) return line + ": " + error;
  return line + ", " + std::to_string(sessions) + " sessions in " + std::to_string(rooms) +
         " rooms";
}

Syncer::Syncer(Env* env, HttpClient* http, Store* store, SyncOptions options)
    : env_(env), http_(http), store_(store), options_(std::move(options)) {
  if (sodium_init() < 0) LogError("libsodium failed to initialize");
}

SyncOutcome Syncer::SyncOnce() {
  SyncOutcome outcome;
  std::int64_t started = env_->MonotonicMicros();
  auto finish = [&](SyncOutcome::Kind kind, std::string error = "") {
    outcome.kind = kind;
    outcome.error = std::move(error);
    outcome.duration_ms = (env_->MonotonicMicros() - started) / 1000;
    (kind == SyncOutcome::Kind::kFailed ? LogWarning : LogInfo)(outcome.LogLine());
    return outcome;
  };
  const std::string where = "feed.url " + RedactUrl(options_.url);

  auto state = store_->LoadFeedState();
  if (!state.ok()) return finish(SyncOutcome::Kind::kFailed, state.status().message());
  bool same_feed = state->url == options_.url;

  HttpRequest request;
  request.url = options_.url;
  request.timeout_seconds = options_.timeout_seconds;
  request.max_bytes = options_.max_bytes;
  if (same_feed) {
    request.etag = state->etag;
    request.last_modified = state->last_modified;
  }
  auto response = http_->Fetch(request);
  if (!response.ok())
    return finish(SyncOutcome::Kind::kFailed, where + ": " + response.status().message());
  outcome.http_status = response->status;
  outcome.bytes = response->body.size();

  auto unchanged = [&]() {
    auto cached = store_->LoadSchedule();
    if (cached.ok()) CountInto(*cached, outcome);
    UnixSeconds now = env_->Now();
    if (now - state->last_sync >= kLastSyncRefreshSeconds) {
      FeedState refreshed = *state;
      refreshed.last_sync = now;
      if (Status status = store_->SaveFeedState(refreshed); !status.ok())
        LogWarning("sync: cannot record the sync time: " + status.message());
    }
    return finish(SyncOutcome::Kind::kUnchanged);
  };

  if (response->status == 304 && same_feed && !state->content_hash.empty()) return unchanged();
  if (response->status != 200)
    return finish(SyncOutcome::Kind::kFailed,
                  where + ": HTTP " + std::to_string(response->status) +
                      (response->status == 304 ? " without a cached copy" : ""));

  std::string hash = Sha256Hex(response->body);
  if (same_feed && hash == state->content_hash) return unchanged();

  auto schedule = ParseFeed(response->body);
  if (!schedule.ok())
    return finish(SyncOutcome::Kind::kFailed, where + ": " + schedule.status().message());

  FeedState fresh;
  fresh.url = options_.url;
  fresh.etag = response->etag;
  fresh.last_modified = response->last_modified;
  fresh.content_hash = hash;
  fresh.last_sync = env_->Now();
  fresh.last_change = fresh.last_sync;
  if (Status status = store_->ReplaceSchedule(*schedule, fresh); !status.ok())
    return finish(SyncOutcome::Kind::kFailed, status.message());
  CountInto(*schedule, outcome);
  return finish(SyncOutcome::Kind::kUpdated);
}

std::int64_t NextPollDelayMillis(int interval_seconds, int consecutive_failures,
                                 std::uint64_t random) {
  const std::int64_t interval = std::max(1, interval_seconds) * std::int64_t{1000};
  const std::int64_t cap = std::max(interval, std::min<std::int64_t>(interval * 10, 3600 * 1000));
  std::int64_t delay = interval;
  for (int i = 0; i < consecutive_failures && delay < cap; ++i) delay *= 2;
  delay = std::min(delay, cap);
  // Uniform in [-10%, +10%] of the delay.
  const std::int64_t spread = delay / 5;
  const std::int64_t jitter = static_cast<std::int64_t>(random % (spread + 1)) - spread / 2;
  return std::max<std::int64_t>(500, delay + jitter);
}

SyncThread::SyncThread(Env* env, std::unique_ptr<HttpClient> http, std::string cache_path,
                       SyncOptions options, std::function<void()> on_update)
    : env_(env),
      http_(std::move(http)),
      cache_path_(std::move(cache_path)),
      options_(std::move(options)),
      on_update_(std::move(on_update)),
      thread_([this] { Run(); }) {}

SyncThread::~SyncThread() { Stop(); }

void SyncThread::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncThread::Run() {
  auto store = Store::Open(cache_path_);
  if (!store.ok()) {
    LogError("sync: " + store.status().message());
    return;
  }
  Syncer syncer(env_, http_.get(), store->get(), options_);
  int failures = 0;
  while (true) {
    SyncOutcome outcome = syncer.SyncOnce();
    ++syncs_;
    if (outcome.kind == SyncOutcome::Kind::kFailed) {
      ++failures;
    } else {
      failures = 0;
      last_success_ = env_->Now();
    }
    if (outcome.kind == SyncOutcome::Kind::kUpdated && on_update_) on_update_();
    std::int64_t delay = NextPollDelayMillis(options_.interval_seconds, failures, env_->Random());
    std::unique_lock<std::mutex> lock(mutex_);
    if (wake_.wait_for(lock, std::chrono::milliseconds(delay), [this] { return stopping_; }))
      return;
  }
}

}  // namespace foyer
