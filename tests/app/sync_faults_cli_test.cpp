// `foyer --sync-once` and `--check` against what a venue can throw at them: a
// server's bytes that are not UTF-8, a wrong token_file, a file-size limit, a
// cache folder foyer cannot write, an oversized signature. Each ends with the
// JSON line the contract promises and an error a technician can act on.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "store/store.h"
#include "support/fault_server.h"
#include "support/files.h"
#include "support/process.h"
#include "sync/health.h"

namespace foyer {
namespace {

using nlohmann::json;
using testing::Foyer;

const char* kDemocon = "pretalx-democon-2020.schedule.json";

// A screen whose config the test writes: `feed` is the [feed] section's body.
struct Screen {
  testing::TempDir dir;
  std::string config = dir.File("screen.toml");
  explicit Screen(const std::string& feed, const std::string& cache = "cache.db") {
    testing::WriteFile(config, "[feed]\n" + feed + "\n[display]\nmode = \"room\"\nroom = " +
                                   "\"Gray Room\"\n[cache]\npath = \"" + cache + "\"\n");
  }
  testing::Run Do(const std::string& mode) { return Foyer({"--config", config, mode}); }
};

// The --sync-once line, which must be there whatever went wrong.
json LineOf(const testing::Run& run) {
  INFO("stdout: " << run.out << "\nstderr: " << run.err);
  REQUIRE(run.out.find('{') != std::string::npos);
  return json::parse(run.out);
}

TEST_CASE("a redirect to bytes that are not UTF-8 fails with a JSON line, its bytes escaped") {
  testing::FaultServer server;
  server.On("/schedule.json", testing::Redirect("ftp://127.0.0.1/\xff\xfe/x"));
  Screen screen("url = \"" + server.Url("/schedule.json") + "\"");
  auto run = screen.Do("--sync-once");
  CHECK(run.exit_code == 1);
  json line = LineOf(run);
  CHECK(line["result"] == "failed");
  CHECK(line["error"].get<std::string>().find("redirect to ftp://127.0.0.1/\\xFF\\xFE/x refused") !=
        std::string::npos);
  CHECK(IsValidUtf8(run.err));  // the log line too
  CHECK(run.err.find("\\xFF\\xFE") != std::string::npos);
  std::string health = SyncHealthPath(screen.dir.File("cache.db"));
  CHECK(IsValidUtf8(ReadSyncHealth(health).last_error));
  std::remove(health.c_str());
}

TEST_CASE("a feed whose first bytes are not UTF-8 is quoted escaped in the JSON line") {
  testing::FaultServer server;
  server.On("/schedule.json", testing::Answer(200, "\xff\xfe\x00\x01 not a feed"));
  Screen screen("url = \"" + server.Url("/schedule.json") + "\"");
  auto run = screen.Do("--sync-once");
  CHECK(run.exit_code == 1);
  CHECK(LineOf(run)["error"].get<std::string>().find("begins \"\\xFF\\xFE") != std::string::npos);
  std::remove(SyncHealthPath(screen.dir.File("cache.db")).c_str());
}

TEST_CASE("--check refuses a token_file of 1 GB or /dev/zero at once, naming the file") {
  testing::TempDir files;
  const std::string huge = files.File("feed.token");
  testing::WriteFile(huge, "");
  std::filesystem::resize_file(huge, std::uint64_t{1} << 30);  // sparse: costs no disk
  for (const std::string& token : {huge, std::string("/dev/zero")}) {
    CAPTURE(token);
    Screen screen("url = \"file://" + testing::RealFeed(kDemocon) + "\"\ntoken_file = \"" + token +
                  "\"");
    const std::string problem = "screen.toml:3: feed.token_file " + token +
                                (token == huge ? " is 1073741824 bytes, more than 4096"
                                               : " is not a regular file (a character device)") +
                                " (it should hold the bearer token: one line of text)";
    // Every mode reads the config first, as for a token_file that cannot be read.
    for (const char* mode : {"--check", "--sync-once"}) {
      const auto started = std::chrono::steady_clock::now();
      auto run = screen.Do(mode);
      CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
      CHECK(run.exit_code == 2);
      CHECK(run.err.find(problem) != std::string::npos);
    }
  }
}

TEST_CASE("past a file-size limit the sync fails like any write failure, with its JSON line") {
  // SIGXFSZ used to kill --sync-once before it could print anything.
  Screen screen("url = \"file://" + testing::RealFeed("voc-36c3-everything.schedule.json") + "\"");
  testing::Child sync("foyer", {"--config", screen.config, "--sync-once"}, {}, 256 * 1024);
  REQUIRE(sync.WaitFor(std::chrono::seconds(60)) == 1);
  CAPTURE(sync.err());
  json line = json::parse(sync.out());
  CHECK(line["result"] == "failed");
  CHECK(line["error"].get<std::string>().find(
            "disk I/O error (files are limited to 262144 bytes here: a file-size limit") !=
        std::string::npos);
  std::remove(SyncHealthPath(screen.dir.File("cache.db")).c_str());
}

TEST_CASE("a cache whose folder is read-only is reported as the folder, not a readonly database") {
  Screen screen("url = \"file://" + testing::RealFeed(kDemocon) + "\"", "cache/cache.db");
  const std::string folder = screen.dir.File("cache");
  std::filesystem::create_directory(folder);
  REQUIRE(screen.Do("--sync-once").exit_code == 0);
  std::remove(SyncHealthPath(screen.dir.File("cache/cache.db")).c_str());
  chmod(screen.dir.path().c_str(), 0755);
  chmod(screen.config.c_str(), 0644);
  chmod(folder.c_str(), 0555);
  chmod((folder + "/cache.db").c_str(), 0666);  // the file itself is writable
  // root may write anywhere: then the test runs foyer as nobody.
  std::vector<std::string> as_nobody;
  if (geteuid() == 0) as_nobody = {"--reuid=65534", "--regid=65534", "--clear-groups"};
  std::vector<std::string> args = as_nobody;
  if (!as_nobody.empty())
    for (const std::string& word : testing::BinaryWords("foyer")) args.push_back(word);
  args.insert(args.end(), {"--config", screen.config, "--sync-once"});
  testing::Child sync(as_nobody.empty() ? "foyer" : "/usr/bin/setpriv", args);
  std::optional<int> code = sync.WaitFor(std::chrono::seconds(30));
  chmod(folder.c_str(), 0755);
  CAPTURE(sync.err());
  CHECK(code == 1);
  std::string error = json::parse(sync.out())["error"];
  CHECK(error.find("its folder " + folder + " is not writable by this user") != std::string::npos);
  CHECK(error.find("attempt to write a readonly database)") != std::string::npos);
}

TEST_CASE("--at with an offset out of range says so, not that the offset is missing") {
  Screen screen("url = \"file://" + testing::RealFeed(kDemocon) + "\"");
  auto run = Foyer({"--config", screen.config, "--print", "--at", "2025-10-15T10:40:00+23:59"});
  CHECK(run.exit_code == 64);
  CHECK(run.err.find("--at 2025-10-15T10:40:00+23:59: the UTC offset \"+23:59\" is out of range") !=
        std::string::npos);
  CHECK(run.err.find("write a time with its offset") == std::string::npos);
  auto floating = Foyer({"--config", screen.config, "--print", "--at", "2025-10-15T10:40:00"});
  CHECK(floating.err.find("write a time with its offset") != std::string::npos);
}

}  // namespace
}  // namespace foyer
