// LoadConfig on any bytes. It reads a file, so each input is written to one
// file in /dev/shm (memory, not the disk) that lives as long as the process.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <string>

#include "app/config.h"
#include "fuzz_common.h"

namespace {

// A folder of its own in /dev/shm, removed with its file at exit.
struct ConfigFile {
  std::string folder = "/dev/shm/foyer-fuzz-config-" + std::to_string(getpid());
  std::string path = folder + "/foyer.toml";
  ConfigFile() {
    if (mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) std::abort();
  }
  ~ConfigFile() {
    std::remove(path.c_str());
    rmdir(folder.c_str());
  }
};

const std::string& ConfigPath() {
  static const ConfigFile file;
  return file.path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(ConfigPath(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();
  }
  foyer::ConfigLoad load = foyer::LoadConfig(ConfigPath());
  for (const foyer::ConfigProblem& problem : load.problems)
    foyer::fuzz::Check((problem.file == ConfigPath() || problem.file == load.config.overrides) &&
                           problem.line >= 1 &&
                           problem.ToString().rfind(problem.file + ":", 0) == 0,
                       "each problem names the file and a line");
  if (load.ok()) {
    const foyer::Config& config = load.config;
    foyer::fuzz::Check(!config.feed.url.empty(), "a valid config has a feed url");
    foyer::fuzz::Check(
        config.display.mode != foyer::DisplayMode::kRoom || !config.display.room.empty(),
        "a valid room screen names its room");
  }
  return 0;
}
