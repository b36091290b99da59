// The kiosk under systemd's notify protocol: a real unix datagram socket
// stands in for systemd (NOTIFY_SOCKET), and the real binary runs on SDL's
// dummy video driver.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

// A bound AF_UNIX datagram socket that collects what the kiosk sends.
class NotifySocket {
 public:
  explicit NotifySocket(const std::string& path) : path_(path) {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    path.copy(address.sun_path, sizeof address.sun_path - 1);
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  }
  ~NotifySocket() {
    close(fd_);
    unlink(path_.c_str());
  }
  // Every datagram received so far.
  std::vector<std::string> Drain() {
    std::vector<std::string> messages;
    char buffer[4096];
    for (;;) {
      ssize_t n = recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
      if (n < 0) break;
      messages.emplace_back(buffer, static_cast<size_t>(n));
    }
    return messages;
  }

 private:
  std::string path_;
  int fd_ = -1;
};

int Count(const std::vector<std::string>& messages, const std::string& text) {
  int count = 0;
  for (const std::string& message : messages) count += message.find(text) != std::string::npos;
  return count;
}

// A screen on the demo feed in a fresh folder: `display` holds its [display]
// lines, `more` any sections after it. Returns the config's path.
std::string DemoScreen(testing::TempDir& dir, const std::string& display,
                       const std::string& more = "") {
  std::string config = dir.File("screen.toml");
  testing::WriteFile(config, "[feed]\nurl = \"file://" + testing::DemoFeed() + "\"\n[display]\n" +
                                 display + more + "[cache]\npath = \"cache.db\"\n");
  return config;
}

TEST_CASE("under systemd the kiosk says it is ready, pings its watchdog and says what it shows") {
  testing::TempDir dir;
  std::string config = DemoScreen(
      dir, "mode = \"room\"\nroom = \"Main Hall\"\nfullscreen = false\nsize = \"800x480\"\n",
      "[clock]\nstart = \"2025-10-15T10:40:00+05:00\"\n");
  REQUIRE(testing::Foyer({"--config", config, "--sync-once"}).exit_code == 0);
  NotifySocket systemd(dir.File("notify"));
  // A one-second watchdog: the UI loop must ping every half second, although
  // nothing on the screen changes for a minute.
  auto run = testing::Foyer(
      {"--config", config, "--exit-after", "3"},
      "SDL_VIDEODRIVER=dummy NOTIFY_SOCKET=" + dir.File("notify") + " WATCHDOG_USEC=1000000");
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> messages = systemd.Drain();
  REQUIRE_FALSE(messages.empty());
  CHECK(Count(messages, "READY=1") == 1);
  CHECK(Count(messages, "WATCHDOG=1") >= 4);
  CHECK(Count(messages, "STATUS=Main Hall · in session · data from ") >= 1);
  // Ready only once the first frame is on the panel: nothing comes before it but a status.
  CHECK(messages.front().find("WATCHDOG=1") == std::string::npos);
}

TEST_CASE("without a watchdog the kiosk sends no pings, and outside systemd nothing at all") {
  testing::TempDir dir;
  std::string config =
      DemoScreen(dir, "mode = \"hallway\"\nfullscreen = false\nsize = \"800x480\"\n");
  NotifySocket systemd(dir.File("notify"));
  auto run = testing::Foyer({"--config", config, "--exit-after", "1"},
                            "SDL_VIDEODRIVER=dummy NOTIFY_SOCKET=" + dir.File("notify"));
  REQUIRE(run.exit_code == 0);
  std::vector<std::string> messages = systemd.Drain();
  CHECK(Count(messages, "READY=1") == 1);
  CHECK(Count(messages, "WATCHDOG=1") == 0);
  CHECK(Count(messages, "STATUS=hallway, ") >= 1);
}

TEST_CASE("a panel kiosk with no display waits for one and says why, instead of exiting") {
  if (std::filesystem::exists("/dev/dri")) {
    MESSAGE("skipped: this machine has /dev/dri, so KMSDRM may find a display");
    return;
  }
  testing::TempDir dir;
  std::string config =
      DemoScreen(dir, "mode = \"room\"\nroom = \"Main Hall\"\nfullscreen = true\n");
  NotifySocket systemd(dir.File("notify"));
  // timeout(1) sends SIGTERM after 4 s, and SIGKILL 2 s later if it is still
  // there: exit 0 means it was still waiting then, and stopped at once.
  auto run = testing::RunCommand("(env SDL_VIDEODRIVER=kmsdrm NOTIFY_SOCKET=" + dir.File("notify") +
                                 " WATCHDOG_USEC=2000000 timeout -k 2 --preserve-status 4 " +
                                 testing::BinaryCommand("foyer") + " --config " + config +
                                 " 2>&1; echo \"exit $?\")");
  CHECK(run.find("waiting for a display (trying again every 5 s)") != std::string::npos);
  CHECK(run.find("exit 0") != std::string::npos);
  std::vector<std::string> messages = systemd.Drain();
  CHECK(Count(messages, "STATUS=waiting for a display: no display to show the screen on") >= 1);
  CHECK(Count(messages, "WATCHDOG=1") >= 2);  // alive while it waits
  // Running as it should, so boot and package upgrades do not wait for a panel.
  CHECK(Count(messages, "READY=1") == 1);
}

// True (and says so) when SDL may find a real panel here, so a test of a
// kiosk that finds none cannot run.
bool MayHavePanel() {
  if (!std::filesystem::exists("/dev/dri")) return false;
  MESSAGE("skipped: this machine has /dev/dri, so SDL may find a real display");
  return true;
}

// A panel kiosk on `config` where SDL finds no display, for at most
// `seconds`; its output and then "exit N".
std::string RunWithoutPanel(const std::string& config, const std::string& environment,
                            const std::string& args, int seconds) {
  return testing::RunCommand("(env -u SDL_VIDEODRIVER -u DISPLAY -u WAYLAND_DISPLAY " +
                             environment + " timeout -k 2 --preserve-status " +
                             std::to_string(seconds) + " " + testing::BinaryCommand("foyer") +
                             " --config " + config + " " + args + " 2>&1; echo \"exit $?\")");
}

TEST_CASE("a panel kiosk does not take SDL's offscreen driver for a display") {
  if (MayHavePanel()) return;
  testing::TempDir dir;
  std::string config =
      DemoScreen(dir, "mode = \"room\"\nroom = \"Main Hall\"\nfullscreen = true\n");
  NotifySocket systemd(dir.File("notify"));
  // No SDL_VIDEODRIVER, no DISPLAY: SDL 2.26 would fall back to "offscreen".
  auto run = RunWithoutPanel(config, "NOTIFY_SOCKET=" + dir.File("notify"), "", 3);
  CHECK(run.find("waiting for a display") != std::string::npos);
  CHECK(run.find("exit 0") != std::string::npos);
  std::vector<std::string> messages = systemd.Drain();
  CHECK(Count(messages, "STATUS=waiting for a display") >= 1);
  CHECK(Count(messages, "STATUS=Main Hall") == 0);  // it never claimed to show the hall
}

TEST_CASE("a kiosk waiting for its panel syncs meanwhile, and --exit-after ends the wait") {
  if (MayHavePanel()) return;
  testing::TempDir dir;
  std::string config =
      DemoScreen(dir, "mode = \"room\"\nroom = \"Main Hall\"\nfullscreen = true\n");
  auto run = RunWithoutPanel(config, "", "--exit-after 3", 30);
  INFO(run);
  CHECK(run.find("waiting for a display") != std::string::npos);
  CHECK(run.find("\"frames\":0") != std::string::npos);
  CHECK(run.find("\"syncs\":1") != std::string::npos);
  CHECK(run.find("exit 0") != std::string::npos);
  // What it synced is in the cache, for the panel when it comes.
  auto print = testing::Foyer({"--config", config, "--print", "--at", "2025-10-15T10:40:00+05:00"});
  CHECK(print.out.find("\"room\":\"Main Hall\"") != std::string::npos);
  CHECK(print.out.find("\"stale\":") != std::string::npos);
}

TEST_CASE("a preview window with no display to open on exits 3 and says how to preview offscreen") {
  testing::TempDir dir;
  std::string config =
      DemoScreen(dir, "mode = \"room\"\nroom = \"Main Hall\"\nfullscreen = false\n");
  auto run = testing::Foyer({"--config", config}, "SDL_VIDEODRIVER=x11");
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("--screenshot screen.png") != std::string::npos);
}

}  // namespace
}  // namespace foyer
