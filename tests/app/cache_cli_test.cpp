// The cache heals itself, as venue staff see it through the foyer command: a
// real binary, a real feed on file://, a real SQLite cache damaged by the
// test, and read-only or full media where the test may mount them.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/damage.h"
#include "support/files.h"
#include "support/mounts.h"
#include "support/process.h"
#include "sync/health.h"

namespace foyer {
namespace {

using nlohmann::json;
using testing::Foyer;

const char* kAt = "2020-12-14T09:10:00+01:00";
const char* kTitle = "Focused 5thgeneration hardware";

// A screen whose feed is a copy the test may change, its cache in `cache_dir`.
struct Screen {
  testing::TempDir dir;
  std::string feed = dir.File("schedule.json");
  std::string config = dir.File("screen.toml");
  std::string cache_dir = dir.File("data");
  std::string cache = cache_dir + "/cache.db";

  Screen() {
    std::filesystem::create_directory(cache_dir);
    testing::WriteFile(feed,
                       testing::ReadFile(testing::RealFeed("pretalx-democon-2020.schedule.json")));
    testing::WriteFile(config,
                       "[feed]\nurl = \"schedule.json\"\ninterval = 5\n"
                       "[display]\nmode = \"room\"\nroom = \"Gray Room\"\nfullscreen = false\n"
                       "size = \"800x480\"\n"
                       "[cache]\npath = \"data/cache.db\"\n");
  }
  ~Screen() { std::remove(SyncHealthPath(cache).c_str()); }

  testing::Run Do(std::vector<std::string> args, const std::string& environment = "") {
    args.insert(args.begin(), {"--config", config});
    return Foyer(args, environment);
  }
  json SyncOnce(int expected_exit) {
    auto run = Do({"--sync-once"});
    INFO(run.err);
    CHECK(run.exit_code == expected_exit);
    return json::parse(run.out);
  }
  json Print() {
    auto run = Do({"--print", "--at", kAt});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
  }
  void Retitle(const std::string& title) {
    std::string body = testing::ReadFile(feed);
    body.replace(body.find(kTitle), std::string(kTitle).size(), title);
    testing::WriteFile(feed, body);
  }
  // The line of the config that sets cache.path.
  int CachePathLine() const {
    std::string text = testing::ReadFile(config);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find("path ="), '\n'));
  }
};

size_t Count(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST_CASE("random bytes over the cache's header: --sync-once moves it aside and rebuilds it") {
  Screen screen;
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  testing::ScribbleHeader(screen.cache);
  auto run = screen.Do({"--sync-once"});
  CHECK(run.exit_code == 0);
  json result = json::parse(run.out);
  CHECK(result["result"] == "updated");
  CHECK(result["sessions"] == 36);
  const std::string aside = result["storage"]["moved_aside"];
  CHECK(aside.rfind(screen.cache + ".corrupt-", 0) == 0);
  CHECK(std::filesystem::exists(aside));
  CHECK(result["storage"]["writable"] == true);
  CHECK(run.err.find("error: cache " + screen.cache) != std::string::npos);  // loudly
  CHECK(run.err.find("moved it aside as " + aside) != std::string::npos);
  json print = screen.Print();
  CHECK(print["now"]["title"] == kTitle);
  CHECK(print["storage"]["moved_aside"] == aside);  // the syncing process's word
  CHECK(print["storage"]["problem"].is_null());
}

TEST_CASE("random bytes in data pages: --sync-once rebuilds it, not 'unchanged, 0 sessions'") {
  Screen screen;
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  testing::ScribbleDataPages(screen.cache);
  json result = screen.SyncOnce(0);
  CHECK(result["result"] == "updated");
  CHECK(result["sessions"] == 36);
  CHECK(result["storage"]["moved_aside"].is_string());
  CHECK(screen.Print()["now"]["title"] == kTitle);
}

TEST_CASE("a truncated cache: --print and --screenshot move it aside instead of failing") {
  Screen screen;
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  testing::Truncate(screen.cache, testing::kCachePageSize + 17);
  json print = screen.Print();
  CHECK(print["has_schedule"] == false);
  CHECK(print["storage"]["moved_aside"].is_string());
  testing::Truncate(screen.cache, 5000);  // the new, empty cache, damaged in turn
  auto shot = screen.Do({"--screenshot", screen.dir.File("s.png"), "--at", kAt});
  CHECK(shot.exit_code == 0);
  CHECK(screen.SyncOnce(0)["result"] == "updated");
  CHECK(screen.Print()["now"]["title"] == kTitle);
}

void SetUserVersion(const std::string& path, int version) {
  REQUIRE(std::system(("sqlite3 " + testing::ShellQuote(path) +
                       " 'PRAGMA user_version = " + std::to_string(version) + "'")
                          .c_str()) == 0);
}

TEST_CASE("a negative schema version is damage: moved aside and synced again") {
  Screen screen;
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  SetUserVersion(screen.cache, -7);
  json result = screen.SyncOnce(0);
  CHECK(result["result"] == "updated");
  CHECK(result["storage"]["moved_aside"].is_string());
}

TEST_CASE("a newer foyer's cache is left alone: --sync-once says why, --print still answers") {
  Screen screen;
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  SetUserVersion(screen.cache, 99);
  const std::string before = testing::ReadFile(screen.cache);
  json result = screen.SyncOnce(1);
  CHECK(result["result"] == "failed");
  const std::string problem = result["storage"]["problem"];
  CHECK(problem == "cache " + screen.cache +
                       " has schema version 99, newer than this foyer (5): update "
                       "foyer or delete the cache");
  CHECK(result["error"] == problem);
  json print = screen.Print();
  CHECK(print["has_schedule"] == false);
  CHECK(print["storage"]["problem"] == problem);
  CHECK(print["storage"]["writable"] == false);
  CHECK(testing::ReadFile(screen.cache) == before);
}

TEST_CASE("--check reports a damaged cache, a newer one and a cache.path that is not a file") {
  Screen screen;
  CHECK(screen.Do({"--check"}).exit_code == 0);  // not synced yet
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  CHECK(screen.Do({"--check"}).exit_code == 0);
  const std::string where = screen.config + ":" + std::to_string(screen.CachePathLine()) + ": ";

  testing::ScribbleDataPages(screen.cache);
  auto damaged = screen.Do({"--check"});
  CHECK(damaged.exit_code == 2);
  CHECK(damaged.err.find(where + "cache.path: cache " + screen.cache + " is damaged") !=
        std::string::npos);
  CHECK(damaged.err.find("moves it aside") != std::string::npos);
  CHECK(damaged.out.find("ok") == std::string::npos);
  CHECK(std::filesystem::exists(screen.cache));  // --check changes nothing

  std::filesystem::remove(screen.cache);
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  SetUserVersion(screen.cache, 99);
  auto newer = screen.Do({"--check"});
  CHECK(newer.exit_code == 2);
  CHECK(newer.err.find(where + "cache.path: cache " + screen.cache +
                       " has schema version 99, newer than this foyer") != std::string::npos);

  std::string text = testing::ReadFile(screen.config);
  testing::WriteFile(screen.config, text.replace(text.find("data/cache.db"), 13, "/dev/null"));
  auto device = screen.Do({"--check"});
  CHECK(device.exit_code == 2);
  CHECK(device.err.find(where + "cache.path /dev/null is a device or other special file, not a "
                                "file; give a file such as /var/lib/foyer/cache.db") !=
        std::string::npos);
}

mode_t Permissions(const std::string& path) {
  struct stat info {};
  REQUIRE(stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

TEST_CASE("the cache and the sync's health mirror are readable by their owner only") {
  Screen screen;
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  CHECK(Permissions(screen.cache) == 0600);
  CHECK(Permissions(SyncHealthPath(screen.cache)) == 0600);
}

// The kiosk started in the background for `seconds`, with the dummy video driver.
struct RunningKiosk {
  Screen& screen;
  pid_t pid;
  std::string out, err;
  RunningKiosk(Screen& screen, double seconds)
      : screen(screen), out(screen.dir.File("kiosk.out")), err(screen.dir.File("kiosk.err")) {
    pid = fork();
    if (pid == 0) {
      freopen(out.c_str(), "w", stdout);
      freopen(err.c_str(), "w", stderr);
      setenv("SDL_VIDEODRIVER", "dummy", 1);
      std::vector<std::string> words = testing::BinaryWords("foyer");
      words.insert(words.end(),
                   {"--config", screen.config, "--exit-after", std::to_string(seconds)});
      std::vector<char*> argv;
      for (std::string& word : words) argv.push_back(word.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  // Waits for the kiosk to exit; its exit code.
  int Wait() {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  json Stats() {
    std::string text = testing::ReadFile(out);
    return json::parse(text.substr(text.rfind("{\"")));
  }
  std::string Log() { return testing::ReadFile(err); }
};

void Sleep(double seconds) {
  std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(seconds * 1000)));
}

std::string TitleInCache(const std::string& cache) {
  return testing::RunCommand("sqlite3 " + testing::ShellQuote(cache) +
                             " 'SELECT title FROM sessions WHERE title LIKE \"%5thgeneration%\"'");
}

TEST_CASE("the kiosk runs on a read-only cache, shows it, and reports it once") {
  Screen screen;
  REQUIRE(screen.SyncOnce(0)["result"] == "updated");
  testing::Mount read_only = testing::Mount::ReadOnly(screen.cache_dir);
  if (!read_only.ok()) {
    MESSAGE("skipped: " << read_only.why());
    return;
  }
  RunningKiosk kiosk(screen, 2);
  CHECK(kiosk.Wait() == 0);
  json stats = kiosk.Stats();
  const std::string problem =
      "cache " + screen.cache + " cannot be written (Read-only file system)";
  CHECK(stats["cache_problem"] == problem);
  CHECK(stats["frames"].get<int>() >= 1);
  CHECK(Count(kiosk.Log(), problem) == 1);
  // --print reads what the media holds, and says it cannot be written.
  json print = screen.Print();
  CHECK(print["now"]["title"] == kTitle);
  CHECK(print["storage"]["problem"] == problem);
}

TEST_CASE("the kiosk runs on a full disk, keeps the new schedule, and writes it once it can") {
  Screen screen;
  testing::Mount tmpfs = testing::Mount::Tmpfs(screen.cache_dir, 1024 * 1024);
  if (!tmpfs.ok()) {
    MESSAGE("skipped: " << tmpfs.why());
    return;
  }
  const std::string filler = screen.cache_dir + "/filler";
  RunningKiosk kiosk(screen, 16);
  Sleep(2.5);  // the first poll (within a second) stored the schedule
  REQUIRE(TitleInCache(screen.cache) == std::string(kTitle) + "\n");
  testing::WriteFile(filler, std::string(1024 * 1024, 'x'));
  screen.Retitle("Retitled 5thgeneration hardware");
  Sleep(6);  // the second poll (5 s ± 10% after the first) cannot store it
  CHECK(TitleInCache(screen.cache) == std::string(kTitle) + "\n");
  std::filesystem::remove(filler);
  CHECK(kiosk.Wait() == 0);  // the third poll (after another 5 s) stores it
  const std::string log = kiosk.Log();
  INFO(log);
  CHECK(Count(log, "cannot be written (the disk is full)") == 1);
  CHECK(log.find("can be written again") != std::string::npos);
  CHECK(kiosk.Stats()["cache_problem"].is_null());
  CHECK(TitleInCache(screen.cache) == "Retitled 5thgeneration hardware\n");
}

TEST_CASE("a cache deleted under a running kiosk is noticed and written again") {
  Screen screen;
  RunningKiosk kiosk(screen, 10);
  Sleep(2.5);  // the first poll stored the schedule
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(screen.cache + suffix);
  screen.Retitle("Retitled 5thgeneration hardware");
  CHECK(kiosk.Wait() == 0);  // the second poll noticed
  const std::string log = kiosk.Log();
  INFO(log);
  CHECK(log.find("cache " + screen.cache + " was deleted while foyer was running") !=
        std::string::npos);
  CHECK(TitleInCache(screen.cache) == "Retitled 5thgeneration hardware\n");
  CHECK_FALSE(std::filesystem::exists(screen.cache + "-wal"));  // none left behind
}

}  // namespace
}  // namespace foyer
