#include "sync/health.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "base/utf8.h"

namespace foyer {
namespace {

// A health file is a few lines; more than this is not one of ours.
constexpr size_t kMostHealthBytes = 64 * 1024;

// Why `folder` may not hold the mirror, or "" when it may: a folder (with
// `follow_link`, one a link leads to) owned by this user and writable by no
// one else; with `closed`, open to no one else at all.
std::string WhyNotPrivate(const std::string& folder, bool follow_link, bool closed) {
  struct stat info {};
  if ((follow_link ? stat(folder.c_str(), &info) : lstat(folder.c_str(), &info)) != 0)
    return folder + ": " + std::strerror(errno);
  if (!S_ISDIR(info.st_mode)) return folder + " is not a folder";
  if (info.st_uid != geteuid())
    return folder + " belongs to user " + std::to_string(info.st_uid) + ", not to this user (" +
           std::to_string(geteuid()) + ")";
  if ((info.st_mode & (closed ? 077 : 022)) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return folder + " is open to other users (mode " + mode + ")";
  }
  return "";
}

// This user's own folder in `base`, made 0700 when missing.
Result<std::string> OwnFolderIn(const std::string& base) {
  std::string folder = base + "/foyer-" + std::to_string(geteuid());
  if (mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
    return Status::Error("cannot make " + folder + ": " + std::strerror(errno));
  if (std::string why = WhyNotPrivate(folder, false, true); !why.empty())
    return Status::Error(why + " (remove it, or give foyer a RuntimeDirectory= in its service)");
  return folder;
}

// The first entry of a colon-separated list such as $RUNTIME_DIRECTORY.
std::string FirstEntry(const char* list) {
  std::string text = list ? list : "";
  return text.substr(0, text.find(':'));
}

// A unique temporary name beside `path` ("….health.1f2e3d4c5b6a7980.tmp").
std::string TemporaryName(const std::string& path) {
  static std::atomic<std::uint64_t> counter{0};
  unsigned char random[8];
  if (getrandom(random, sizeof random, 0) != static_cast<ssize_t>(sizeof random)) {
    std::uint64_t fallback = (static_cast<std::uint64_t>(getpid()) << 32) + counter++;
    std::memcpy(random, &fallback, sizeof random);
  }
  char hex[2 * sizeof random + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  return path + "." + hex + ".tmp";
}

// Creates a new file beside `path`, exclusively and never through a link;
// sets `temporary` to its name. Returns the descriptor, or -1 with errno set.
int CreateTemporary(const std::string& path, std::string& temporary) {
  for (int attempt = 0; attempt < 16; ++attempt) {
    temporary = TemporaryName(path);
    int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t wrote = write(fd, bytes.data(), bytes.size());
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(wrote));
  }
  return true;
}

std::string Format(const SyncHealth& health) {
  return "last_success " + std::to_string(health.last_success) + "\nlast_attempt " +
         std::to_string(health.last_attempt) + "\nconsecutive_failures " +
         std::to_string(health.consecutive_failures) + "\nlast_error " +
         EscapeUnprintable(health.last_error) + "\nstorage_problem " +
         EscapeUnprintable(health.storage_problem) + "\nmoved_aside " +
         EscapeUnprintable(health.moved_aside) + "\n";  // one line each, whatever they quote
}

// Sets number to the whole number that text is; leaves it as it was otherwise.
template <typename Number>
void ParseNumber(std::string_view text, Number& number) {
  Number parsed{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (error == std::errc() && end == text.data() + text.size()) number = parsed;
}

}  // namespace

Result<std::string> SyncHealthFolder() {
  std::string passed_over;  // why the folders the environment names would not do
  for (const char* variable : {"RUNTIME_DIRECTORY", "XDG_RUNTIME_DIR"}) {
    std::string folder = FirstEntry(std::getenv(variable));
    if (folder.empty()) continue;
    std::string why = folder.front() == '/' ? WhyNotPrivate(folder, true, false)
                                            : folder + " is not an absolute path";
    if (why.empty()) return folder;
    passed_over += std::string("; $") + variable + ": " + why;
  }
  std::error_code error;
  std::string temporary = std::filesystem::temp_directory_path(error).string();
  Status last;
  for (const std::string& base : {std::string("/dev/shm"), temporary}) {
    if (base.empty()) continue;
    auto own = OwnFolderIn(base);
    if (own.ok()) return own;
    last = own.status();
  }
  return Status::Error("no private folder for the sync health file: " + last.message() +
                       passed_over);
}

std::string SyncHealthPath(const std::string& cache_path) {
  auto folder = SyncHealthFolder();
  if (!folder.ok()) return "";
  std::string absolute = std::filesystem::absolute(cache_path).lexically_normal().string();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(absolute.data()),
                     absolute.size());
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, digest, 8);
  return *folder + "/foyer-" + hex + ".health";
}

Status WriteSyncHealth(const std::string& path, const SyncHealth& health) {
  std::string temporary;
  int fd = CreateTemporary(path, temporary);
  if (fd < 0)
    return Status::Error("cannot create a file beside " + path + ": " + std::strerror(errno));
  bool written = WriteAll(fd, Format(health));
  int error = errno;
  if (close(fd) != 0 && written) written = false, error = errno;
  if (!written) {
    unlink(temporary.c_str());
    return Status::Error("cannot write " + temporary + ": " + std::strerror(error));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    error = errno;
    unlink(temporary.c_str());
    return Status::Error("cannot replace " + path + ": " + std::strerror(error));
  }
  return Status::Ok();
}

SyncHealth ReadSyncHealth(const std::string& path) {
  SyncHealth health;
  int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return health;
  std::string bytes(kMostHealthBytes, '\0');
  ssize_t got = read(fd, bytes.data(), bytes.size());
  close(fd);
  bytes.resize(got > 0 ? static_cast<size_t>(got) : 0);
  // "key value" lines, parsed by hand: a std::istringstream would set up C++
  // locales, ~1.4 MiB of libstdc++ mapped into the kiosk for six numbers.
  for (std::string_view rest = bytes; !rest.empty();) {
    const auto end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    const auto space = line.find(' ');
    const std::string_view key = line.substr(0, space);
    const std::string_view value =
        space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    if (key == "last_success") ParseNumber(value, health.last_success);
    if (key == "last_attempt") ParseNumber(value, health.last_attempt);
    if (key == "consecutive_failures") ParseNumber(value, health.consecutive_failures);
    if (key == "last_error") health.last_error = value;
    if (key == "storage_problem") health.storage_problem = value;
    if (key == "moved_aside") health.moved_aside = value;
  }
  return health;
}

}  // namespace foyer
