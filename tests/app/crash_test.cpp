// Power cuts: `kill -9` at random moments during `foyer --sync-once` must leave
// a cache that passes PRAGMA integrity_check and holds either the old or the
// new schedule whole (SQLite's testing habit: run the operation again and
// again, interrupt it, and check the invariants after every run).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "feed/feed.h"
#include "store/store.h"
#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

pid_t StartSync(const std::string& config) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<std::string> words = testing::BinaryWords("foyer");
    words.insert(words.end(), {"--config", config, "--sync-once"});
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

TEST_CASE("kill -9 at random moments of a sync leaves the old or the new schedule whole") {
  testing::TempDir dir;
  const std::string small =
      testing::ReadFile(testing::RealFeed("pretalx-democon-2020.schedule.json"));
  const std::string large =
      testing::ReadFile(testing::RealFeed("voc-36c3-everything.schedule.json"));
  const Schedule small_schedule = *ParseFeed(small);
  const Schedule large_schedule = *ParseFeed(large);
  const std::string served = dir.File("schedule.json");
  const std::string cache = dir.File("cache.db");
  const std::string config = dir.File("screen.toml");
  testing::WriteFile(config,
                     "[feed]\nurl = \"schedule.json\"\n[display]\nmode = \"hallway\"\n"
                     "[cache]\npath = \"cache.db\"\n");

  std::mt19937 random(20251015);
  int killed_mid_way = 0, finished = 0;
  for (int run = 0; run < 40; ++run) {
    // Alternate the feed so every completed sync is a real replacement.
    testing::WriteFile(served + ".new", run % 2 ? small : large);
    std::rename((served + ".new").c_str(), served.c_str());
    pid_t pid = StartSync(config);
    std::this_thread::sleep_for(std::chrono::microseconds(random() % 200000));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    (WIFSIGNALED(status) ? killed_mid_way : finished)++;

    auto store = Store::Open(cache);
    REQUIRE(store.ok());
    CHECK((*store)->CheckIntegrity().ok());
    auto schedule = (*store)->LoadSchedule();
    REQUIRE(schedule.ok());
    bool whole =
        schedule->sessions.empty() || *schedule == small_schedule || *schedule == large_schedule;
    CAPTURE(run);
    CAPTURE(schedule->sessions.size());
    CHECK(whole);
    auto state = (*store)->LoadFeedState();
    REQUIRE(state.ok());
    // The feed state belongs to the schedule it was stored with.
    if (*schedule == small_schedule) CHECK(state->content_hash.size() == 64);
    if (schedule->sessions.empty()) CHECK(state->content_hash.empty());
  }
  MESSAGE(killed_mid_way << " syncs killed, " << finished << " finished");
  CHECK(killed_mid_way > 5);  // the harness really interrupted syncs
}

}  // namespace
}  // namespace foyer
