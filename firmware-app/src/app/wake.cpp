#include "app/wake.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#include "base/log.h"

namespace foyer {

Waker::Waker() : fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (fd_ < 0) LogWarning(std::string("cannot make an eventfd: ") + std::strerror(errno));
}

Waker::~Waker() {
  if (fd_ >= 0) close(fd_);
}

void Waker::Wake() {
  const int saved = errno;
  const std::uint64_t one = 1;
  // Only a counter at its maximum refuses (EAGAIN), and it is then awake anyway.
  if (fd_ >= 0) (void)!write(fd_, &one, sizeof one);
  errno = saved;
}

bool Waker::Wait(std::int64_t millis) {
  pollfd watched{fd_, POLLIN, 0};
  const int timeout = millis < 0 ? -1 : static_cast<int>(std::min<std::int64_t>(millis, 1 << 30));
  int ready = poll(&watched, fd_ >= 0 ? 1 : 0, timeout);
  if (ready <= 0 || !(watched.revents & POLLIN)) return false;
  std::uint64_t count = 0;
  return read(fd_, &count, sizeof count) == sizeof count;
}

}  // namespace foyer
