#include "sync/health.h"

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace foyer {
namespace {

// A value written on one line of the file.
std::string OneLine(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

}  // namespace

std::string SyncHealthPath(const std::string& cache_path) {
  std::string absolute = std::filesystem::absolute(cache_path).lexically_normal().string();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(absolute.data()),
                     absolute.size());
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, digest, 8);
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  std::string folder = runtime && *runtime ? runtime : "/dev/shm";
  if (access(folder.c_str(), W_OK) != 0) folder = std::filesystem::temp_directory_path().string();
  return folder + "/foyer-" + hex + ".health";
}

Status WriteSyncHealth(const std::string& path, const SyncHealth& health) {
  std::string temporary = path + "." + std::to_string(getpid()) + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    chmod(temporary.c_str(), 0600);  // errors may name the feed
    out << "last_success " << health.last_success << "\n"
        << "last_attempt " << health.last_attempt << "\n"
        << "consecutive_failures " << health.consecutive_failures << "\n"
        << "last_error " << OneLine(health.last_error) << "\n"
        << "storage_problem " << OneLine(health.storage_problem) << "\n"
        << "moved_aside " << OneLine(health.moved_aside) << "\n";
    if (!out) return Status::Error("cannot write " + temporary);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Status::Error("cannot replace " + path);
  }
  return Status::Ok();
}

SyncHealth ReadSyncHealth(const std::string& path) {
  SyncHealth health;
  std::ifstream in(path);
  std::string key;
  while (in >> key) {
    if (key == "last_success") in >> health.last_success;
    if (key == "last_attempt") in >> health.last_attempt;
    if (key == "consecutive_failures") in >> health.consecutive_failures;
    std::string* text = key == "last_error"        ? &health.last_error
                        : key == "storage_problem" ? &health.storage_problem
                        : key == "moved_aside"     ? &health.moved_aside
                                                   : nullptr;
    if (text) {
      in.get();
      std::getline(in, *text);
    }
  }
  return health;
}

}  // namespace foyer
