#include "sync/syncer.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <atomic>
#include <deque>
#include <thread>

#include "store/sqlite.h"
#include "support/damage.h"
#include "support/fault_server.h"
#include "support/files.h"
#include "support/full_disk_vfs.h"
#include "support/nginx.h"
#include "sync/health.h"

namespace foyer {
namespace {

const char* kDemocon = "pretalx-democon-2020.schedule.json";

// Answers from a script, and records what it was asked.
class ScriptedHttpClient : public HttpClient {
 public:
  std::deque<Result<HttpResponse>> answers;
  std::vector<HttpRequest> requests;
  Result<HttpResponse> Fetch(const HttpRequest& request) override {
    requests.push_back(request);
    if (answers.empty()) return Status::Error("no scripted answer");
    auto answer = answers.front();
    answers.pop_front();
    return answer;
  }
};

HttpResponse Ok(std::string body, std::string etag = "") {
  HttpResponse response;
  response.status = 200;
  response.body = std::move(body);
  response.etag = std::move(etag);
  return response;
}

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<Store> store;
  ScriptedHttpClient http;
  std::string minisign_key;  // feed.minisign_key
  Fixture() { store = std::move(*Store::Open(dir.File("cache.db"))); }
  SyncOutcome Sync(const std::string& url = "https://forum.example/schedule.json") {
    SyncOptions options;
    options.url = url;
    options.minisign_key = minisign_key;
    return Syncer(Env::Default(), &http, store.get(), options).SyncOnce();
  }
  Schedule Cached() { return *store->LoadSchedule(); }
};

TEST_CASE("a first sync stores the feed and counts its sessions and rooms") {
  Fixture f;
  f.http.answers.push_back(Ok(testing::ReadFile(testing::RealFeed(kDemocon)), "\"abc\""));
  SyncOutcome outcome = f.Sync();
  CHECK(outcome.kind == SyncOutcome::Kind::kUpdated);
  CHECK(outcome.sessions == 36);
  CHECK(outcome.rooms == 2);
  CHECK(f.Cached().sessions.size() == 36);
  CHECK(f.store->LoadFeedState()->etag == "\"abc\"");
}

TEST_CASE("the next poll sends the cached validators, and a 304 keeps the cached schedule") {
  Fixture f;
  f.http.answers.push_back(Ok(testing::ReadFile(testing::RealFeed(kDemocon)), "\"abc\""));
  REQUIRE(f.Sync().kind == SyncOutcome::Kind::kUpdated);
  HttpResponse not_modified;
  not_modified.status = 304;
  f.http.answers.push_back(not_modified);
  auto counter = *f.store->ChangeCounter();
  SyncOutcome outcome = f.Sync();
  CHECK(outcome.kind == SyncOutcome::Kind::kUnchanged);
  CHECK(outcome.sessions == 36);
  CHECK(f.http.requests.back().etag == "\"abc\"");
  CHECK(*f.store->ChangeCounter() == counter);  // nothing written
}

TEST_CASE("a 200 with the same bytes is unchanged and writes nothing") {
  Fixture f;
  std::string body = testing::ReadFile(testing::RealFeed(kDemocon));
  f.http.answers.push_back(Ok(body));
  REQUIRE(f.Sync().kind == SyncOutcome::Kind::kUpdated);
  f.http.answers.push_back(Ok(body));
  auto counter = *f.store->ChangeCounter();
  CHECK(f.Sync().kind == SyncOutcome::Kind::kUnchanged);
  CHECK(*f.store->ChangeCounter() == counter);
}

TEST_CASE("a failed or unparsable fetch leaves the cache exactly as it was") {
  Fixture f;
  f.http.answers.push_back(Ok(testing::ReadFile(testing::RealFeed(kDemocon)), "\"abc\""));
  REQUIRE(f.Sync().kind == SyncOutcome::Kind::kUpdated);
  Schedule before = f.Cached();
  FeedState state_before = *f.store->LoadFeedState();

  HttpResponse server_error;
  server_error.status = 500;
  f.http.answers.push_back(server_error);
  f.http.answers.push_back(Status::Error("Could not resolve host: forum.example"));
  f.http.answers.push_back(Ok("{\"schedule\": {\"conference\": "));
  f.http.answers.push_back(Ok("<!DOCTYPE html><html><body>Log in to the Wi-Fi</body></html>"));
  for (const char* expected : {"HTTP 500", "Could not resolve host", "", "HTML"}) {
    SyncOutcome outcome = f.Sync();
    CHECK(outcome.kind == SyncOutcome::Kind::kFailed);
    CHECK(outcome.error.find(expected) != std::string::npos);
    CHECK(outcome.error.find("feed.url") != std::string::npos);
  }
  CHECK(f.Cached() == before);
  CHECK(*f.store->LoadFeedState() == state_before);
}

TEST_CASE("a feed with several bad events fails with its first problem and how many more") {
  Fixture f;
  std::string events;
  for (int i = 0; i < 60; ++i)
    events +=
        std::string(i ? "," : "") + R"({"date": "2025-10-15T10:00:00+05:00", "duration": "x"})";
  f.http.answers.push_back(
      Ok(R"({"schedule": {"conference": {"days": [{"rooms": {"Hall A": [)" + events + "]}}]}}}"));
  f.http.answers.push_back(Ok(R"({"schedule": {"conference": {"days": [{"rooms": {"Hall A": [)"
                              R"({"date": "2025-10-15T10:00:00+05:00", "duration": "x"}]}}]}}})"));
  SyncOutcome many = f.Sync();
  CHECK(many.kind == SyncOutcome::Kind::kFailed);
  CHECK(many.error ==
        "feed.url https://forum.example/schedule.json: "
        "schedule.conference.days[0].rooms[\"Hall A\"][0].duration: not a duration (expected "
        "\"HH:MM\", \"HH:MM:SS\" or minutes): \"x\" (and 59 more problems; foyer-feed validate "
        "lists them)");
  SyncOutcome one = f.Sync();
  CHECK(one.error ==
        "feed.url https://forum.example/schedule.json: "
        "schedule.conference.days[0].rooms[\"Hall A\"][0].duration: not a duration (expected "
        "\"HH:MM\", \"HH:MM:SS\" or minutes): \"x\"");
}

TEST_CASE("a URL with credentials is logged and reported without them") {
  Fixture f;
  f.http.answers.push_back(Status::Error("timeout"));
  SyncOutcome outcome = f.Sync("https://user:secret@forum.example/schedule.json?token=abc");
  CHECK(outcome.error.find("secret") == std::string::npos);
  CHECK(outcome.error.find("abc") == std::string::npos);
  CHECK(outcome.error.find("forum.example/schedule.json") != std::string::npos);
}

TEST_CASE("a new or rebuilt cache gets the whole feed: no validators, no unchanged by hash") {
  Fixture f;
  const std::string body = testing::ReadFile(testing::RealFeed(kDemocon));
  f.http.answers.push_back(Ok(body, "\"abc\""));
  REQUIRE(f.Sync().kind == SyncOutcome::Kind::kUpdated);
  // The cache is rebuilt (a damaged one moved aside): the same bytes are stored again.
  f.store = std::move(*Store::Open(f.dir.File("rebuilt.db")));
  f.http.answers.push_back(Ok(body, "\"abc\""));
  SyncOutcome outcome = f.Sync();
  CHECK(outcome.kind == SyncOutcome::Kind::kUpdated);
  CHECK(outcome.sessions == 36);
  CHECK(f.http.requests.back().etag.empty());
  CHECK(f.http.requests.back().last_modified.empty());
  CHECK(f.Cached().sessions.size() == 36);
}

TEST_CASE("a cache that does not read back fails the poll, rather than being unchanged") {
  Fixture f;
  const std::string body = testing::ReadFile(testing::RealFeed(kDemocon));
  f.http.answers.push_back(Ok(body));
  REQUIRE(f.Sync().kind == SyncOutcome::Kind::kUpdated);
  std::int64_t sessions_page = 0;
  {
    auto db = sqlite::Database::Open(f.dir.File("cache.db"));
    REQUIRE(db.ok());
    sessions_page = *(*db)->QueryInt("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'");
  }
  f.store.reset();  // checkpointed into the file, then damaged there
  testing::ScribblePage(f.dir.File("cache.db"), sessions_page);
  f.store = std::move(*Store::Open(f.dir.File("cache.db")));
  f.http.answers.push_back(Ok(body));
  SyncOutcome outcome = f.Sync();
  CHECK(outcome.kind == SyncOutcome::Kind::kFailed);
  CHECK(outcome.error.find("malformed") != std::string::npos);
  CHECK(f.store->fault() == StoreFault::kDamaged);  // for CacheFile to heal
}

TEST_CASE("the cache keeps no password or token of the feed URL, and still knows the feed") {
  Fixture f;
  const std::string url = "https://screens:hunter2@forum.example/schedule.json?token=opensesame";
  f.http.answers.push_back(Ok(testing::ReadFile(testing::RealFeed(kDemocon)), "\"abc\""));
  REQUIRE(f.Sync(url).kind == SyncOutcome::Kind::kUpdated);
  FeedState state = *f.store->LoadFeedState();
  CHECK(state.url == "https://forum.example/schedule.json");
  CHECK(state.url_hash.size() == 64);
  HttpResponse not_modified;
  not_modified.status = 304;
  f.http.answers.push_back(not_modified);
  CHECK(f.Sync(url).kind == SyncOutcome::Kind::kUnchanged);  // the same feed
  CHECK(f.http.requests.back().etag == "\"abc\"");
  // Another token is another feed: fetched in full.
  f.http.answers.push_back(Ok(testing::ReadFile(testing::RealFeed(kDemocon))));
  f.Sync("https://screens:hunter2@forum.example/schedule.json?token=other");
  CHECK(f.http.requests.back().etag.empty());
  f.store.reset();
  for (const char* suffix : {"", "-wal"}) {
    if (!std::filesystem::exists(f.dir.File("cache.db") + suffix)) continue;
    std::string bytes = testing::ReadFile(f.dir.File("cache.db") + suffix);
    CHECK(bytes.find("hunter2") == std::string::npos);
    CHECK(bytes.find("opensesame") == std::string::npos);
  }
}

// minisign's example public key: well formed; nothing here is signed with it.
const char* kSomeKey = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";

TEST_CASE("content cached before a key was set is fetched whole again and must verify") {
  Fixture f;
  const std::string body = testing::ReadFile(testing::RealFeed(kDemocon));
  f.http.answers.push_back(Ok(body, "\"abc\""));
  REQUIRE(f.Sync().kind == SyncOutcome::Kind::kUpdated);
  CHECK(f.store->LoadFeedState()->verified_key.empty());

  f.minisign_key = kSomeKey;
  f.http.answers.push_back(Ok(body, "\"abc\""));  // the same bytes
  HttpResponse no_signature;
  no_signature.status = 404;
  f.http.answers.push_back(no_signature);
  SyncOutcome outcome = f.Sync();
  CHECK(outcome.kind == SyncOutcome::Kind::kFailed);  // not "unchanged"
  CHECK(outcome.error.find("not signed") != std::string::npos);
  REQUIRE(f.http.requests.size() == 3);
  CHECK(f.http.requests[1].etag.empty());  // no validators: the whole feed
  CHECK(f.http.requests[2].url == "https://forum.example/schedule.json.minisig");
  CHECK(f.store->LoadFeedState()->verified_key.empty());  // still unverified
}

// Waits up to ten seconds for `done`.
template <typename Condition>
bool Eventually(Condition done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

std::string FirstTitle(Store& store) {
  auto schedule = store.LoadSchedule();
  if (!schedule.ok() || schedule->sessions.empty()) return "";
  return schedule->sessions[0].title;
}

std::string FirstTitleInFile(const std::string& path) {
  auto store = Store::Open(path, {.read_only = true});
  return store.ok() ? FirstTitle(**store) : "";
}

// A feed in a folder of its own the test may change, polled every second.
struct PolledFeed {
  testing::TempDir dir;
  std::string feed = dir.File("schedule.json");
  std::string cache = dir.File("cache.db");
  SyncOptions options;
  PolledFeed() {
    testing::WriteFile(feed, testing::ReadFile(testing::RealFeed(kDemocon)));
    options.url = "file://" + feed;
    options.interval_seconds = 1;
  }
  void Retitle(const std::string& title) {
    std::string body = testing::ReadFile(feed);
    body.replace(body.find("Focused 5thgeneration hardware"), 30, title);
    testing::WriteFile(feed, body);
  }
};

TEST_CASE("a schedule the sync cannot store goes to the screen from memory, and to disk later") {
  PolledFeed polled;
  testing::FullDiskVfs disk(polled.dir.path());
  std::atomic<int> wakes{0};
  SyncThread thread(Env::Default(), NewCurlHttpClient(), polled.cache, polled.options,
                    [&] { ++wakes; });
  REQUIRE(Eventually([&] { return FirstTitleInFile(polled.cache) != ""; }));
  disk.SetFull(true);
  polled.Retitle("Moved to Hall B: 5thgeneration");
  std::unique_ptr<Store> reader;
  REQUIRE(Eventually([&] {
    if (auto taken = thread.TakeReader()) reader = std::move(taken);
    return reader && FirstTitle(*reader) == "Moved to Hall B: 5thgeneration";
  }));
  CHECK(thread.storage().problem.find("full") != std::string::npos);
  CHECK(thread.last_success() > 0);  // the feed was fetched: not stale
  CHECK(FirstTitleInFile(polled.cache) == "Focused 5thgeneration hardware");
  CHECK(wakes > 1);

  disk.SetFull(false);
  REQUIRE(Eventually([&] { return thread.storage().writable(); }));
  CHECK(FirstTitleInFile(polled.cache) == "Moved to Hall B: 5thgeneration");
  // The screen reads the file again.
  REQUIRE(Eventually([&] {
    if (auto taken = thread.TakeReader()) reader = std::move(taken);
    return reader->path() == polled.cache;
  }));
}

TEST_CASE("the sync thread moves a cache damaged under it aside and rebuilds it in full") {
  PolledFeed polled;
  SyncThread thread(Env::Default(), NewCurlHttpClient(), polled.cache, polled.options, nullptr);
  REQUIRE(Eventually([&] { return FirstTitleInFile(polled.cache) != ""; }));
  {
    // Another connection rewrites it (so the thread's drops what it had
    // read), all is checkpointed into the file, and its pages are overwritten.
    auto other = Store::Open(polled.cache);
    REQUIRE(other.ok());
    Schedule schedule = *(*other)->LoadSchedule();
    REQUIRE((*other)->ReplaceSchedule(schedule, *(*other)->LoadFeedState()).ok());
    auto db = sqlite::Database::Open(polled.cache);
    REQUIRE(db.ok());
    REQUIRE((*db)->Execute("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  }
  testing::ScribbleDataPages(polled.cache);
  thread.CheckCache();  // as the screen asks when its read fails
  std::unique_ptr<Store> reader;
  REQUIRE(Eventually([&] {
    if (auto taken = thread.TakeReader()) reader = std::move(taken);
    return reader && FirstTitle(*reader) == "Focused 5thgeneration hardware";
  }));
  CHECK(thread.storage().moved_aside.rfind(polled.cache + ".corrupt-", 0) == 0);
  CHECK(thread.storage().writable());
  CHECK(reader->QuickCheck().ok());
}

// An Env whose random numbers come from a script (for jitter), clock from the system.
class ScriptedRandomEnv : public EnvWrapper {
 public:
  ScriptedRandomEnv() : EnvWrapper(Env::Default()) {}
  std::uint64_t next = 0;
  std::uint64_t Random() override { return next; }
};

TEST_CASE("the poll schedule doubles the wait per failure up to a cap and resets on success") {
  ScriptedRandomEnv env;
  PollSchedule polls(&env, 60);
  // For a delay D the jitter is random % (D/5 + 1) - D/10: D/10 gives none.
  auto delay_after = [&](bool success, std::int64_t expected) {
    env.next = static_cast<std::uint64_t>(expected / 10);
    return polls.DelayAfter(success);
  };
  CHECK(delay_after(true, 60000) == 60000);
  CHECK(delay_after(false, 120000) == 120000);
  CHECK(delay_after(false, 240000) == 240000);
  CHECK(delay_after(false, 480000) == 480000);
  CHECK(polls.consecutive_failures() == 3);
  for (int i = 0; i < 10; ++i) polls.DelayAfter(false);
  CHECK(delay_after(false, 600000) == 600000);  // capped at ten intervals
  CHECK(delay_after(true, 60000) == 60000);     // back to the interval
  CHECK(polls.consecutive_failures() == 0);
  env.next = 0;  // the lowest jitter: -10%
  CHECK(polls.DelayAfter(true) == 54000);
}

TEST_CASE("polls are jittered around the interval and back off after failures") {
  std::int64_t lowest = INT64_MAX, highest = 0;
  for (std::uint64_t r = 0; r < 2000; r += 7) {
    std::int64_t delay = NextPollDelayMillis(60, 0, r * 0x9E3779B97F4A7C15ull);
    lowest = std::min(lowest, delay);
    highest = std::max(highest, delay);
  }
  CHECK(lowest >= 54000);
  CHECK(highest <= 66000);
  CHECK(highest - lowest > 6000);  // really spread
  CHECK(NextPollDelayMillis(60, 1, 0) > NextPollDelayMillis(60, 0, 0));
  CHECK(NextPollDelayMillis(60, 3, 0) > NextPollDelayMillis(60, 2, 0));
  CHECK(NextPollDelayMillis(60, 50, 0) <= 660000);  // capped at ten intervals (+10%)
}

// --- against a real nginx on loopback ---

void SetModificationTime(const std::string& path, time_t when) {
  utimbuf times{when, when};
  utime(path.c_str(), &times);
}

TEST_CASE("syncing from nginx: 200, then 304 while unchanged, then the changed feed") {
  testing::Nginx nginx;
  std::string served = nginx.www() + "/schedule.json";
  std::string body = testing::ReadFile(testing::RealFeed(kDemocon));
  testing::WriteFile(served, body);
  SetModificationTime(served, 1600000000);

  testing::TempDir dir;
  auto store = std::move(*Store::Open(dir.File("cache.db")));
  auto http = NewCurlHttpClient();
  SyncOptions options;
  options.url = nginx.BaseUrl() + "schedule.json";
  Syncer syncer(Env::Default(), http.get(), store.get(), options);

  SyncOutcome first = syncer.SyncOnce();
  CHECK(first.kind == SyncOutcome::Kind::kUpdated);
  CHECK(first.http_status == 200);
  CHECK(first.sessions == 36);
  CHECK_FALSE(store->LoadFeedState()->etag.empty());

  SyncOutcome second = syncer.SyncOnce();
  CHECK(second.kind == SyncOutcome::Kind::kUnchanged);
  CHECK(second.http_status == 304);
  CHECK(second.bytes == 0);
  CHECK(nginx.AccessLog(2).find("304 0 /schedule.json") != std::string::npos);

  // The organizers retitle the first talk.
  std::string changed = body;
  auto at = changed.find("Focused 5thgeneration hardware");
  REQUIRE(at != std::string::npos);
  changed.replace(at, 7, "Renamed");
  testing::WriteFile(served, changed);
  SetModificationTime(served, 1600000100);
  SyncOutcome third = syncer.SyncOnce();
  CHECK(third.kind == SyncOutcome::Kind::kUpdated);
  bool renamed = false;
  Schedule cached = *store->LoadSchedule();
  for (const Session& s : cached.sessions) renamed |= s.title == "Renamed 5thgeneration hardware";
  CHECK(renamed);
}

TEST_CASE("a broken body from nginx keeps the old schedule") {
  testing::Nginx nginx;
  std::string served = nginx.www() + "/schedule.json";
  std::string body = testing::ReadFile(testing::RealFeed(kDemocon));
  testing::WriteFile(served, body);
  testing::TempDir dir;
  auto store = std::move(*Store::Open(dir.File("cache.db")));
  auto http = NewCurlHttpClient();
  SyncOptions options;
  options.url = nginx.BaseUrl() + "schedule.json";
  Syncer syncer(Env::Default(), http.get(), store.get(), options);
  REQUIRE(syncer.SyncOnce().kind == SyncOutcome::Kind::kUpdated);
  Schedule before = *store->LoadSchedule();

  testing::WriteFile(served, body.substr(0, body.size() / 2));  // cut short
  SetModificationTime(served, 1600000200);
  SyncOutcome outcome = syncer.SyncOnce();
  CHECK(outcome.kind == SyncOutcome::Kind::kFailed);
  CHECK(*store->LoadSchedule() == before);

  std::filesystem::remove(served);
  outcome = syncer.SyncOnce();
  CHECK(outcome.kind == SyncOutcome::Kind::kFailed);
  CHECK(outcome.error.find("HTTP 404") != std::string::npos);
  CHECK(*store->LoadSchedule() == before);
}

TEST_CASE("gzip responses from nginx are decoded") {
  testing::Nginx nginx;
  testing::WriteFile(nginx.www() + "/schedule.json",
                     testing::ReadFile(testing::RealFeed(kDemocon)));
  testing::TempDir dir;
  auto store = std::move(*Store::Open(dir.File("cache.db")));
  auto http = NewCurlHttpClient();
  HttpRequest request;
  request.url = nginx.BaseUrl() + "schedule.json";
  auto response = http->Fetch(request);
  REQUIRE(response.ok());
  CHECK(response->status == 200);
  CHECK(response->body == testing::ReadFile(testing::RealFeed(kDemocon)));
  // nginx logs the compressed size it sent, well under the 63068 bytes of the file.
  auto log = nginx.AccessLog();
  auto sent = std::stoul(log.substr(4, log.find(' ', 4) - 4));
  CHECK(sent < 20000);
}

TEST_CASE("a file:// feed syncs, and a body over max_bytes is refused") {
  testing::TempDir dir;
  auto store = std::move(*Store::Open(dir.File("cache.db")));
  auto http = NewCurlHttpClient();
  SyncOptions options;
  options.url = "file://" + testing::RealFeed(kDemocon);
  CHECK(Syncer(Env::Default(), http.get(), store.get(), options).SyncOnce().kind ==
        SyncOutcome::Kind::kUpdated);
  CHECK(Syncer(Env::Default(), http.get(), store.get(), options).SyncOnce().kind ==
        SyncOutcome::Kind::kUnchanged);
  options.max_bytes = 1000;
  options.url = "file://" + testing::RealFeed("frab-camp2019.schedule.json");
  SyncOutcome outcome = Syncer(Env::Default(), http.get(), store.get(), options).SyncOnce();
  CHECK(outcome.kind == SyncOutcome::Kind::kFailed);
  CHECK(outcome.error.find("max_bytes") != std::string::npos);
  CHECK(store->LoadSchedule()->sessions.size() == 36);
}

TEST_CASE("the sync thread polls in the background, tells of new data once, and stops") {
  testing::TempDir dir;
  SyncOptions options;
  options.url = "file://" + testing::RealFeed(kDemocon);
  options.interval_seconds = 1;
  std::atomic<int> updates{0};
  {
    SyncThread thread(Env::Default(), NewCurlHttpClient(), dir.File("cache.db"), options,
                      [&] { ++updates; });
    for (int i = 0; i < 500 && thread.syncs() < 2; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(thread.syncs() >= 2);
    CHECK(thread.last_success() > 0);
  }                     // the destructor stops and joins
  CHECK(updates == 1);  // the second poll found the feed unchanged
  CHECK((*Store::Open(dir.File("cache.db")))->LoadSchedule()->sessions.size() == 36);
}

TEST_CASE("stopping the sync thread ends a stalled transfer within a second") {
  testing::FaultServer server;
  server.On("/schedule.json", testing::Hold());
  testing::TempDir dir;
  SyncOptions options;
  options.url = server.Url("/schedule.json");
  options.timeout_seconds = 600;
  auto thread = std::make_unique<SyncThread>(Env::Default(), NewCurlHttpClient(),
                                             dir.File("cache.db"), options, [] {});
  for (int i = 0; i < 500 && server.Requests().empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  REQUIRE(server.Requests().size() == 1);
  const auto started = std::chrono::steady_clock::now();
  thread.reset();  // stops and joins
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
  CHECK((*Store::Open(dir.File("cache.db")))->LoadSchedule()->sessions.empty());
}

TEST_CASE("a signature file past its own cap is reported against that cap, not feed.max_bytes") {
  testing::FaultServer server;
  server.On("/schedule.json", testing::Answer(200, testing::ReadFile(testing::RealFeed(kDemocon))));
  server.On("/schedule.json.minisig", testing::Answer(200, std::string(20000, 'x')));
  testing::TempDir dir;
  auto store = std::move(*Store::Open(dir.File("cache.db")));
  auto http = NewCurlHttpClient();
  SyncOptions options;
  options.url = server.Url("/schedule.json");
  options.minisign_key = "RWQBAgMEBQYHCCgpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZH";
  SyncOutcome outcome = Syncer(Env::Default(), http.get(), store.get(), options).SyncOnce();
  CHECK(outcome.kind == SyncOutcome::Kind::kFailed);
  CAPTURE(outcome.error);
  CHECK(outcome.error.find("signature " + server.Url("/schedule.json.minisig") +
                           ": larger than 16384 bytes, more than any minisign signature") !=
        std::string::npos);
  CHECK(outcome.error.find("feed.max_bytes (") == std::string::npos);
}

TEST_CASE("a token_file that is not a small regular file fails the sync without reading it") {
  Fixture f;
  const std::string huge = f.dir.File("feed.token");
  testing::WriteFile(huge, "");
  REQUIRE(truncate(huge.c_str(), 1 << 30) == 0);  // sparse: 1 GB that costs no disk
  SyncOptions options;
  options.url = "https://forum.example/schedule.json";
  options.token_file = huge;
  const auto started = std::chrono::steady_clock::now();
  SyncOutcome outcome = Syncer(Env::Default(), &f.http, f.store.get(), options).SyncOnce();
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
  CHECK(outcome.error == "feed.url https://forum.example/schedule.json: feed.token_file " + huge +
                             " is 1073741824 bytes, more than 4096 (it should hold the bearer "
                             "token: one line of text)");
  for (const char* token : {"/dev/zero", "/"}) {
    SyncOptions options;
    options.url = "https://forum.example/schedule.json";
    options.token_file = token;
    SyncOutcome outcome = Syncer(Env::Default(), &f.http, f.store.get(), options).SyncOnce();
    CHECK(outcome.kind == SyncOutcome::Kind::kFailed);
    CHECK(outcome.error.find(std::string("feed.token_file ") + token + " is not a regular file") !=
          std::string::npos);
  }
  CHECK(f.http.requests.empty());
}

// The bytes and modification times of the cache's files.
std::string CacheFingerprint(const std::string& path) {
  std::string fingerprint;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::string file = path + suffix;
    struct stat info {};
    if (stat(file.c_str(), &info) != 0) {
      fingerprint += "missing;";
      continue;
    }
    fingerprint += std::to_string(info.st_size) + "@" + std::to_string(info.st_mtim.tv_sec) + "." +
                   std::to_string(info.st_mtim.tv_nsec) + ":" +
                   std::to_string(std::hash<std::string>{}(testing::ReadFile(file))) + ";";
  }
  return fingerprint;
}

TEST_CASE("an unchanged feed writes nothing to the cache files, over file:// and from nginx") {
  testing::Nginx nginx;
  std::string served = nginx.www() + "/schedule.json";
  testing::WriteFile(served, testing::ReadFile(testing::RealFeed(kDemocon)));
  for (std::string url :
       {"file://" + testing::RealFeed(kDemocon), nginx.BaseUrl() + "schedule.json"}) {
    CAPTURE(url);
    testing::TempDir dir;
    std::string path = dir.File("cache.db");
    auto http = NewCurlHttpClient();
    SyncOptions options;
    options.url = url;
    options.health_path = dir.File("health");
    {
      auto store = std::move(*Store::Open(path));
      REQUIRE(Syncer(Env::Default(), http.get(), store.get(), options).SyncOnce().kind ==
              SyncOutcome::Kind::kUpdated);
    }
    std::string before = CacheFingerprint(path);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a write would change mtimes
    {
      auto store = std::move(*Store::Open(path));
      Syncer syncer(Env::Default(), http.get(), store.get(), options);
      for (int i = 0; i < 3; ++i) CHECK(syncer.SyncOnce().kind == SyncOutcome::Kind::kUnchanged);
      CHECK(syncer.health().last_success > 0);
    }
    CHECK(CacheFingerprint(path) == before);
    // The polls' bookkeeping went to the RAM-backed mirror instead.
    CHECK(ReadSyncHealth(options.health_path).last_success > 0);
  }
}

TEST_CASE("the health mirror counts failures and clears them after a success") {
  Fixture f;
  testing::TempDir dir;
  SyncOptions options;
  options.url = "https://forum.example/schedule.json";
  options.health_path = dir.File("health");
  Syncer syncer(Env::Default(), &f.http, f.store.get(), options);
  f.http.answers.push_back(Status::Error("Could not resolve host: forum.example"));
  f.http.answers.push_back(Status::Error("Could not resolve host: forum.example"));
  syncer.SyncOnce();
  syncer.SyncOnce();
  SyncHealth health = ReadSyncHealth(options.health_path);
  CHECK(health.consecutive_failures == 2);
  CHECK(health.last_error.find("Could not resolve host") != std::string::npos);
  CHECK(health.last_success == 0);
  f.http.answers.push_back(Ok(testing::ReadFile(testing::RealFeed(kDemocon))));
  syncer.SyncOnce();
  health = ReadSyncHealth(options.health_path);
  CHECK(health.consecutive_failures == 0);
  CHECK(health.last_success > 0);
}

const char* kAnnouncements = R"({"announcements": [
  {"id": "lunch", "text": "Lunch is served in the Atrium", "level": "info", "rooms": [],
   "starts": "2025-10-15T11:55:00+05:00", "ends": "2025-10-15T13:00:00+05:00"},
  {"id": "fire", "text": "Leave the building by the nearest exit", "level": "emergency",
   "rooms": ["Main Hall"], "starts": "2025-10-15T14:00:00+05:00", "ends": "2025-10-15T14:30:00+05:00"}
]})";

TEST_CASE("announcements are fetched with the schedule and kept in the cache") {
  Fixture f;
  SyncOptions options;
  options.url = "https://forum.example/schedule.json";
  options.announcements_url = "https://forum.example/announcements.json";
  f.http.answers.push_back(Ok(testing::ReadFile(testing::RealFeed(kDemocon))));
  f.http.answers.push_back(Ok(kAnnouncements, "\"a1\""));
  SyncOutcome outcome = Syncer(Env::Default(), &f.http, f.store.get(), options).SyncOnce();
  CHECK(outcome.kind == SyncOutcome::Kind::kUpdated);
  CHECK(outcome.announcements_kind == SyncOutcome::Kind::kUpdated);
  CHECK(outcome.announcements == 2);
  auto cached = f.store->LoadAnnouncements();
  REQUIRE(cached.ok());
  REQUIRE(cached->size() == 2);
  CHECK((*cached)[1].level == AnnouncementLevel::kEmergency);
  CHECK((*cached)[1].rooms == std::vector<std::string>{"Main Hall"});

  // A broken announcements feed keeps the cached ones and does not fail the schedule.
  HttpResponse not_modified;
  not_modified.status = 304;
  f.http.answers.push_back(not_modified);
  f.http.answers.push_back(Ok(R"({"announcements": [{"id": "x"}]})"));
  outcome = Syncer(Env::Default(), &f.http, f.store.get(), options).SyncOnce();
  CHECK(outcome.kind == SyncOutcome::Kind::kUnchanged);
  CHECK(outcome.announcements_kind == SyncOutcome::Kind::kFailed);
  CHECK(outcome.announcements_error.find("announcements[0].text") != std::string::npos);
  CHECK(f.store->LoadAnnouncements()->size() == 2);
  CHECK(f.http.requests.back().url == options.announcements_url);
}

}  // namespace
}  // namespace foyer
