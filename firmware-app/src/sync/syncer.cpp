#include "sync/syncer.h"

#include <algorithm>
#include <set>
#include <utility>

#include "base/files.h"
#include "base/log.h"
#include "base/text.h"
#include "feed/announcements.h"
#include "feed/feed.h"
#include "sync/changes.h"
#include "sync/minisign.h"
#include "sync/sha256.h"

namespace foyer {
namespace {

// A feed's problems as one log line: the first, and how many more there are
// (`foyer-feed validate` lists them all).
std::string OneLine(const ProblemList& problems) {
  std::vector<Problem> shown = problems.Shown();
  if (shown.empty()) return problems.ToString();  // all counted, none worded
  std::string first = shown.front().ToString();
  size_t more = problems.count() - 1;
  if (more == 0) return first;
  return first + " (and " + std::to_string(more) + " more problem" + (more == 1 ? "" : "s") +
         "; foyer-feed validate lists them)";
}

// minisign allows trusted comments of up to 8 KiB; a signature file stays well below this.
constexpr std::size_t kMaxSignatureBytes = 16384;

// Counts the feed's sessions and their rooms (cancelled ones kept for the
// screens are not in the feed).
void CountInto(const Schedule& schedule, SyncOutcome& outcome) {
  std::set<std::string> rooms;
  outcome.sessions = 0;
  for (const Session& session : schedule.sessions) {
    if (session.cancelled) continue;
    rooms.insert(session.room);
    ++outcome.sessions;
  }
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

// The signature's URL: "URL.minisig", before any query string.
std::string SignatureUrl(const std::string& url) {
  auto query = url.find('?');
  if (query == std::string::npos) return url + ".minisig";
  return url.substr(0, query) + ".minisig" + url.substr(query);
}

// Why a feed's HTTP status is not a 200, and what to check.
std::string HttpFailure(int status) {
  std::string why = "HTTP " + std::to_string(status);
  if (status == 401 || status == 403) why += " (check feed.token_file)";
  if (status == 404) why += " (no feed at this address)";
  if (status == 304) why += " without a cached copy";
  return why;
}

// Fetches `request`'s URL.minisig and checks `body` against it with the
// public key `key_text` (feed.minisign_key).
Status CheckSignature(HttpClient* http, const std::string& key_text, HttpRequest request,
                      const std::string& body) {
  auto key = MinisignPublicKey::Parse(key_text);
  if (!key.ok()) return Status::Error("feed.minisign_key: " + key.status().message());
  request.url = SignatureUrl(request.url);
  request.etag.clear();
  request.last_modified.clear();
  request.max_bytes = kMaxSignatureBytes;
  request.too_large = "larger than " + std::to_string(kMaxSignatureBytes) +
                      " bytes, more than any minisign signature file takes (this cap is the "
                      "signature's own, not feed.max_bytes): is it really a .minisig?";
  auto signature = http->Fetch(request);
  if (!signature.ok())
    return Status::Error("signature " + RedactUrl(request.url) + ": " +
                         signature.status().message());
  if (signature->status != 200)
    return Status::Error(
        "signature " + RedactUrl(request.url) + ": HTTP " + std::to_string(signature->status) +
        (signature->status == 404 ? " (the feed is not signed; feed.minisign_key needs it signed)"
                                  : ""));
  auto verified = VerifyMinisign(*key, body, signature->body);
  if (!verified.ok())
    return Status::Error("signature check failed: " + verified.status().message());
  return Status::Ok();
}

Result<std::string> ReadToken(const std::string& path) {
  auto bytes = ReadSmallFile(path, kMostBearerTokenBytes);
  if (!bytes.ok())
    return Status::Error("feed.token_file " + path + " " + bytes.status().message() +
                         " (it should hold the bearer token: one line of text)");
  std::string token(Trim(*bytes));
  if (token.empty()) return Status::Error("feed.token_file " + path + " is empty");
  return token;
}

}  // namespace

const char* SyncKindName(SyncOutcome::Kind kind) {
  switch (kind) {
    case SyncOutcome::Kind::kUpdated:
      return "updated";
    case SyncOutcome::Kind::kUnchanged:
      return "unchanged";
    case SyncOutcome::Kind::kFailed:
      return "failed";
  }
  return "failed";
}

const char* SyncOutcome::KindName() const { return SyncKindName(kind); }

std::string SyncOutcome::LogLine() const {
  std::string line = std::string("sync: ") + KindName();
  line += http_status ? ", HTTP " + std::to_string(http_status) : ", no HTTP answer";
  line += ", " + std::to_string(bytes) + " bytes, " + std::to_string(duration_ms) + " ms";
  if (kind == Kind::kFailed)
    line += ": " + error;
  else
    line += ", " + std::to_string(sessions) + " sessions in " + std::to_string(rooms) + " rooms";
  if (has_announcements) {
    line += "; announcements " + std::string(SyncKindName(announcements_kind));
    if (announcements_kind == Kind::kFailed)
      line += ": " + announcements_error;
    else
      line += ", " + std::to_string(announcements) + " in the feed";
  }
  return line;
}

Syncer::Syncer(Env* env, HttpClient* http, Store* store, SyncOptions options)
    : env_(env), http_(http), store_(store), options_(std::move(options)) {
  // No sodium_init() here: SHA-256 needs none, and minisign calls it when a
  // feed is first verified; at start it would touch ~250 KiB of libsodium
  // (picking implementations of ciphers foyer never uses) for nothing.
  if (!options_.health_path.empty()) health_ = ReadSyncHealth(options_.health_path);
}

// The result of fetching one feed: unchanged, a new verified body, or a failure.
struct Syncer::Fetched {
  SyncOutcome::Kind kind = SyncOutcome::Kind::kFailed;
  std::string error;
  HttpResponse response;
  FeedState previous;
  bool trusted = false;  // the cache holds this feed's content, as the key requires (Vouches)
  std::string hash;
};

bool Syncer::Vouches(const FeedState& state, const std::string& url) const {
  return !state.content_hash.empty() && state.url_hash == Sha256Hex(url) &&
         (options_.minisign_key.empty() || state.verified_key == options_.minisign_key);
}

FeedState Syncer::FreshState(const std::string& url, const Fetched& fetched,
                             UnixSeconds now) const {
  FeedState fresh;
  fresh.url = RedactUrl(url);
  fresh.url_hash = Sha256Hex(url);
  fresh.etag = fetched.response.etag;
  fresh.last_modified = fetched.response.last_modified;
  fresh.content_hash = fetched.hash;
  fresh.last_sync = now;
  fresh.last_change = now;
  // Fetch checked the signature whenever a key is set.
  fresh.verified_key = options_.minisign_key;
  return fresh;
}

Syncer::Fetched Syncer::Fetch(const std::string& url, FeedKind kind, const std::string& what) {
  Fetched fetched;
  const std::string where = what + " " + RedactUrl(url);
  auto fail = [&](const std::string& why) {
    fetched.kind = SyncOutcome::Kind::kFailed;
    fetched.error = where + ": " + why;
    return std::move(fetched);
  };
  auto state = store_->LoadFeedState(kind);
  if (!state.ok()) return fail(state.status().message());
  fetched.previous = *state;
  fetched.trusted = Vouches(*state, url);

  HttpRequest request;
  request.url = url;
  request.timeout_seconds = options_.timeout_seconds;
  request.max_bytes = options_.max_bytes;
  request.ca_file = options_.ca_file;
  if (!options_.token_file.empty()) {
    auto token = ReadToken(options_.token_file);
    if (!token.ok()) return fail(token.status().message());
    request.bearer_token = *token;
  }
  if (fetched.trusted) {
    request.etag = state->etag;
    request.last_modified = state->last_modified;
  }
  auto response = http_->Fetch(request);
  if (!response.ok()) return fail(response.status().message());
  fetched.response = std::move(*response);
  const int status = fetched.response.status;
  if (status == 304 && fetched.trusted) {
    fetched.kind = SyncOutcome::Kind::kUnchanged;
    return fetched;
  }
  if (status != 200) return fail(HttpFailure(status));
  fetched.hash = fetched.response.body_sha256.empty() ? Sha256Hex(fetched.response.body)
                                                      : fetched.response.body_sha256;
  if (fetched.trusted && fetched.hash == state->content_hash) {
    fetched.kind = SyncOutcome::Kind::kUnchanged;
    return fetched;
  }
  if (!options_.minisign_key.empty()) {
    Status verified = CheckSignature(http_, options_.minisign_key, request, fetched.response.body);
    if (!verified.ok()) return fail(verified.message());
  }
  fetched.kind = SyncOutcome::Kind::kUpdated;
  return fetched;
}

SyncOutcome Syncer::SyncOnce() {
  SyncOutcome outcome;
  const std::int64_t started = env_->MonotonicMicros();
  const UnixSeconds now = env_->Now();

  Fetched fetched = Fetch(options_.url, FeedKind::kSchedule, "feed.url");
  outcome.http_status = fetched.response.status;
  outcome.bytes = fetched.response.body.size();
  outcome.kind = fetched.kind;
  outcome.error = fetched.error;
  if (fetched.kind == SyncOutcome::Kind::kUpdated) {
    StoreSchedule(fetched, now, outcome);
  } else if (fetched.kind == SyncOutcome::Kind::kUnchanged) {
    // The cache must still read back: a damaged one is failed, then healed.
    auto cached = store_->LoadSchedule();
    if (cached.ok()) {
      CountInto(*cached, outcome);
    } else {
      outcome.kind = SyncOutcome::Kind::kFailed;
      outcome.error = cached.status().message();
    }
  }
  if (!options_.announcements_url.empty()) SyncAnnouncements(outcome);

  health_.last_attempt = now;
  if (outcome.kind == SyncOutcome::Kind::kFailed) {
    ++health_.consecutive_failures;
    health_.last_error = outcome.error;
  } else {
    health_.consecutive_failures = 0;
    health_.last_success = now;
  }
  if (!options_.health_path.empty()) {
    if (Status status = WriteSyncHealth(options_.health_path, health_); !status.ok())
      LogWarning("sync: " + status.message());
  }
  outcome.duration_ms = (env_->MonotonicMicros() - started) / 1000;
  (outcome.kind == SyncOutcome::Kind::kFailed ? LogWarning : LogInfo)(outcome.LogLine());
  return outcome;
}

void Syncer::StoreSchedule(const Fetched& fetched, UnixSeconds now, SyncOutcome& outcome) {
  FeedOptions feed_options;
  std::optional<Zone> zone;
  if (!options_.timezone.empty()) {
    auto loaded = Zone::Load(options_.timezone);
    if (loaded.ok()) zone = std::move(*loaded);
  }
  if (zone) feed_options.floating_zone = &*zone;
  auto schedule = ParseFeed(fetched.response.body, feed_options);
  if (!schedule.ok()) {
    outcome.kind = SyncOutcome::Kind::kFailed;
    outcome.error =
        "feed.url " + RedactUrl(options_.url) + ": " + OneLine(schedule.status().problems());
    return;
  }
  // Mark what moved, was retimed, retitled or cancelled since the cached
  // schedule, when both come from the same feed and the cached one is trusted.
  if (fetched.trusted) {
    auto cached = store_->LoadSchedule();
    if (cached.ok()) *schedule = MarkChanges(*cached, std::move(*schedule));
  }
  Status status = store_->ReplaceSchedule(*schedule, FreshState(options_.url, fetched, now));
  if (!status.ok()) {
    outcome.kind = SyncOutcome::Kind::kFailed;
    outcome.error = status.message();
    return;
  }
  CountInto(*schedule, outcome);
}

void Syncer::UseStore(Store* store) { store_ = store; }

void Syncer::SetStorage(const StorageStatus& storage) {
  health_.storage_problem = storage.problem;
  health_.moved_aside = storage.moved_aside;
}

void Syncer::SyncAnnouncements(SyncOutcome& outcome) {
  outcome.has_announcements = true;
  Fetched fetched =
      Fetch(options_.announcements_url, FeedKind::kAnnouncements, "feed.announcements_url");
  outcome.announcements_kind = fetched.kind;
  outcome.announcements_error = fetched.error;
  if (fetched.kind == SyncOutcome::Kind::kUnchanged) {
    auto cached = store_->LoadAnnouncements();
    if (cached.ok()) {
      outcome.announcements = static_cast<int>(cached->size());
    } else {
      outcome.announcements_kind = SyncOutcome::Kind::kFailed;
      outcome.announcements_error = cached.status().message();
    }
    return;
  }
  if (fetched.kind != SyncOutcome::Kind::kUpdated) return;
  auto announcements = ParseAnnouncements(fetched.response.body);
  if (!announcements.ok()) {
    outcome.announcements_kind = SyncOutcome::Kind::kFailed;
    outcome.announcements_error = "feed.announcements_url " +
                                  RedactUrl(options_.announcements_url) + ": " +
                                  announcements.status().message();
    return;
  }
  FeedState fresh = FreshState(options_.announcements_url, fetched, env_->Now());
  if (Status status = store_->ReplaceAnnouncements(*announcements, fresh); !status.ok()) {
    outcome.announcements_kind = SyncOutcome::Kind::kFailed;
    outcome.announcements_error = status.message();
    return;
  }
  outcome.announcements = static_cast<int>(announcements->size());
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

std::int64_t PollSchedule::DelayAfter(bool success) {
  failures_ = success ? 0 : failures_ + 1;
  return NextPollDelayMillis(interval_seconds_, failures_, env_->Random());
}

SyncThread::SyncThread(Env* env, std::unique_ptr<HttpClient> http, std::unique_ptr<CacheFile> cache,
                       SyncOptions options, std::function<void()> on_update)
    : env_(env),
      http_(std::move(http)),
      cache_(std::move(cache)),
      options_(std::move(options)),
      on_update_(std::move(on_update)),
      storage_(cache_->status()),
      thread_([this] { Run(); }) {}

SyncThread::SyncThread(Env* env, std::unique_ptr<HttpClient> http, std::string cache_path,
                       SyncOptions options, std::function<void()> on_update)
    : SyncThread(env, std::move(http), std::make_unique<CacheFile>(std::move(cache_path), env),
                 std::move(options), std::move(on_update)) {}

SyncThread::~SyncThread() { Stop(); }

void SyncThread::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  http_->Stop();  // a transfer in progress ends now, not at feed.timeout
  if (thread_.joinable()) thread_.join();
}

namespace {

// One poll that never throws: whatever escapes the Syncer (a library's
// exception) is a failed poll, logged, not the end of the process.
SyncOutcome SyncOnceCatching(Syncer& syncer) {
  try {
    return syncer.SyncOnce();
  } catch (const std::exception& error) {
    SyncOutcome outcome;
    outcome.error = std::string("internal error: ") + error.what();
    LogError("sync: failed: " + outcome.error);
    return outcome;
  }
}

}  // namespace

std::unique_ptr<Store> SyncThread::TakeReader() {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::move(reader_);
}

StorageStatus SyncThread::storage() {
  std::lock_guard<std::mutex> lock(mutex_);
  return storage_;
}

void SyncThread::CheckCache() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    check_requested_ = true;
  }
  wake_.notify_all();
}

void SyncThread::Publish() {
  auto reader = cache_->OpenReader();
  if (!reader.ok()) LogWarning("sync: " + reader.status().message());
  std::lock_guard<std::mutex> lock(mutex_);
  if (reader.ok()) reader_ = std::move(*reader);
  storage_ = cache_->status();
}

SyncOutcome SyncThread::Poll(Syncer& syncer, bool verify) {
  const int generation = cache_->generation();
  syncer.UseStore(&cache_->Get(verify));
  syncer.SetStorage(cache_->status());
  SyncOutcome outcome = SyncOnceCatching(syncer);
  if (cache_->NeedsHealing()) {
    syncer.UseStore(&cache_->Get());
    syncer.SetStorage(cache_->status());
    outcome = SyncOnceCatching(syncer);
  }
  const bool changed =
      outcome.kind == SyncOutcome::Kind::kUpdated ||
      (outcome.has_announcements && outcome.announcements_kind == SyncOutcome::Kind::kUpdated);
  // A snapshot of the copy in memory is the screen's only way to see it change.
  const bool moved = cache_->generation() != generation || (changed && cache_->in_memory());
  if (moved) Publish();
  if ((changed || moved) && on_update_) on_update_();
  return outcome;
}

void SyncThread::FeedChanged() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    notices_.Notice(NowMillis(), env_->Random());
  }
  wake_.notify_all();
}

bool SyncThread::WaitForPoll(std::int64_t due_millis, bool& verify) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_ && !check_requested_) {
    const std::int64_t until = std::min(due_millis, notices_.due().value_or(due_millis));
    const std::int64_t now = NowMillis();
    if (now >= until) break;
    wake_.wait_for(lock, std::chrono::milliseconds(until - now));
  }
  if (stopping_) return false;
  verify = std::exchange(check_requested_, false);
  return true;
}

void SyncThread::ReleaseFirstPoll() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (first_poll_released_) return;
    first_poll_released_ = true;
  }
  wake_.notify_all();
}

void SyncThread::WaitForRelease() {
  if (!options_.hold_first_poll) return;
  std::unique_lock<std::mutex> lock(mutex_);
  wake_.wait_for(lock, std::chrono::milliseconds(kFirstPollHoldMillis),
                 [this] { return first_poll_released_ || stopping_; });
}

void SyncThread::Run() {
  Syncer syncer(env_, http_.get(), &cache_->Get(), options_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    storage_ = cache_->status();
  }
  // The screen's first frame comes first: on a one-core board a first
  // poll (loading libcurl, a TLS handshake, an import) would delay it.
  WaitForRelease();
  PollSchedule schedule(env_, options_.interval_seconds);
  // The first poll is jittered too, so screens powered on together spread out.
  std::int64_t due = NowMillis() + static_cast<std::int64_t>(env_->Random() % 1000);
  bool verify = false;
  while (WaitForPoll(due, verify)) {
    const std::int64_t started = NowMillis();
    SyncOutcome outcome = Poll(syncer, verify);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      notices_.Polled(started);
    }
    ++syncs_;
    bool success = outcome.kind != SyncOutcome::Kind::kFailed;
    if (success) last_success_ = env_->Now();
    due = NowMillis() + schedule.DelayAfter(success);
  }
}

}  // namespace foyer
