#include "base/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace foyer {
namespace {

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

Status TooLarge(std::size_t size, std::size_t most_bytes) {
  return Status::Error("is " + std::to_string(size) + " bytes, more than " +
                       std::to_string(most_bytes));
}

// Reads at most `most_bytes` + 1 bytes of `fd`, so a file that grew is caught.
Result<std::string> ReadAtMost(int fd, std::size_t most_bytes) {
  std::string bytes(most_bytes + 1, '\0');
  std::size_t got = 0;
  while (got < bytes.size()) {
    ssize_t read_now = read(fd, bytes.data() + got, bytes.size() - got);
    if (read_now < 0 && errno == EINTR) continue;
    if (read_now < 0) return Status::Error(std::string("cannot be read: ") + std::strerror(errno));
    if (read_now == 0) break;
    got += static_cast<std::size_t>(read_now);
  }
  if (got > most_bytes) return TooLarge(got, most_bytes);
  bytes.resize(got);
  return bytes;
}

}  // namespace

Result<std::string> ReadSmallFile(const std::string& path, std::size_t most_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return Status::Error(std::string("cannot be read: ") + std::strerror(errno));
  struct stat info {};
  Result<std::string> result = Status::Error("cannot be read");
  if (fstat(fd, &info) != 0)
    result = Status::Error(std::string("cannot be read: ") + std::strerror(errno));
  else if (!S_ISREG(info.st_mode))
    result = Status::Error(std::string("is not a regular file (") + KindOf(info.st_mode) + ")");
  else if (static_cast<std::uint64_t>(info.st_size) > most_bytes)
    result = TooLarge(static_cast<std::size_t>(info.st_size), most_bytes);
  else
    result = ReadAtMost(fd, most_bytes);
  close(fd);
  return result;
}

}  // namespace foyer
