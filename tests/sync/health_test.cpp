// Where the sync health mirror lives, and how it is written. foyer runs as
// root on many screens: a name other users can foresee in a folder they can
// write to (the old /dev/shm/foyer-<hash>.health.<pid>.tmp), or a link they
// left there, must never redirect root's write.
#include "sync/health.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "base/utf8.h"
#include "support/files.h"

namespace foyer {
namespace {

// Sets (or, with nullopt, unsets) an environment variable until the end of the scope.
class ScopedVariable {
 public:
  ScopedVariable(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value->c_str(), 1);
    else
      unsetenv(name);
  }
  ~ScopedVariable() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::string FolderOf(const std::string& path) {
  return std::filesystem::path(path).parent_path().string();
}

TEST_CASE("the health file goes to systemd's RuntimeDirectory, else to XDG_RUNTIME_DIR") {
  testing::TempDir runtime, xdg;
  chmod(runtime.path().c_str(), 0755);  // as systemd makes it
  chmod(xdg.path().c_str(), 0700);
  {
    ScopedVariable systemd("RUNTIME_DIRECTORY", runtime.path() + ":/run/other");
    ScopedVariable user("XDG_RUNTIME_DIR", xdg.path());
    CHECK(FolderOf(SyncHealthPath("/var/lib/foyer/cache.db")) == runtime.path());
  }
  ScopedVariable systemd("RUNTIME_DIRECTORY", std::nullopt);
  ScopedVariable user("XDG_RUNTIME_DIR", xdg.path());
  const std::string path = SyncHealthPath("/var/lib/foyer/cache.db");
  CHECK(FolderOf(path) == xdg.path());
  // Every mode of the same config, run the same way, finds the same file.
  CHECK(SyncHealthPath("/var/lib/foyer/../foyer/cache.db") == path);
}

TEST_CASE("a runtime folder that other users can write to is passed over") {
  testing::TempDir shared;
  chmod(shared.path().c_str(), 01777);  // like /tmp or /dev/shm
  ScopedVariable systemd("RUNTIME_DIRECTORY", shared.path());
  ScopedVariable user("XDG_RUNTIME_DIR", "relative/folder");
  auto folder = SyncHealthFolder();
  REQUIRE(folder.ok());
  CHECK(*folder != shared.path());
  CHECK(*folder != "relative/folder");
}

TEST_CASE("without a runtime folder, the health file goes to a folder of this user's own") {
  ScopedVariable systemd("RUNTIME_DIRECTORY", std::nullopt);
  ScopedVariable user("XDG_RUNTIME_DIR", std::nullopt);
  auto folder = SyncHealthFolder();
  REQUIRE(folder.ok());
  CHECK(std::filesystem::path(*folder).filename() == "foyer-" + std::to_string(geteuid()));
  struct stat info {};
  REQUIRE(lstat(folder->c_str(), &info) == 0);
  CHECK(S_ISDIR(info.st_mode));
  CHECK(info.st_uid == geteuid());
  CHECK((info.st_mode & 077) == 0);
  CHECK(FolderOf(SyncHealthPath("cache.db")) == *folder);
}

TEST_CASE("writing the health file never follows a link left at a name it might use") {
  testing::TempDir dir;
  const std::string path = dir.File("foyer-0123456789abcdef.health");
  const std::string victim = dir.File("victim");
  testing::WriteFile(victim, "untouched");
  // The old temporary name, and the final name itself, as links to the victim.
  REQUIRE(symlink(victim.c_str(), (path + "." + std::to_string(getpid()) + ".tmp").c_str()) == 0);
  REQUIRE(symlink(victim.c_str(), path.c_str()) == 0);
  SyncHealth health;
  health.last_success = 1760500000;
  health.last_error = "feed.url: redirect to ftp://x/\xff\xfe refused\nsecond line";
  REQUIRE(WriteSyncHealth(path, health).ok());
  CHECK(testing::ReadFile(victim) == "untouched");
  struct stat info {};
  REQUIRE(lstat(path.c_str(), &info) == 0);
  CHECK(S_ISREG(info.st_mode));  // the link was replaced, not written through
  CHECK((info.st_mode & 077) == 0);
  SyncHealth read = ReadSyncHealth(path);
  CHECK(read.last_success == 1760500000);
  // A server's bytes are escaped: one line of UTF-8.
  CHECK(read.last_error == "feed.url: redirect to ftp://x/\\xFF\\xFE refused\\x0Asecond line");
  // No temporary file is left behind.
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) (void)entry, ++files;
  CHECK(files == 3);  // the victim, the old temporary name's link, the health file
}

}  // namespace
}  // namespace foyer
