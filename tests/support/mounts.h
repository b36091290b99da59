// Real read-only media and full disks for tests: a folder bound over itself
// read-only, or a small tmpfs. They are mounted in a mount namespace of the
// test process's own (unshare), which the programs it starts share and
// nothing else sees. Mounting needs root (CAP_SYS_ADMIN): where the test
// cannot mount, ok() is false and why() says why, and the test skips.
#pragma once

#include <sched.h>
#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace foyer::testing {

class Mount {
 public:
  // `folder` bound over itself, read-only.
  static Mount ReadOnly(const std::string& folder) {
    Mount mount(folder);
    if (!mount.why_.empty()) return mount;
    if (::mount(folder.c_str(), folder.c_str(), nullptr, MS_BIND, nullptr) != 0) {
      mount.Failed("bind mount");
      return mount;
    }
    mount.mounted_ = true;
    if (::mount(nullptr, folder.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0)
      mount.Failed("remount read-only");
    return mount;
  }
  // A tmpfs of `bytes` over `folder`.
  static Mount Tmpfs(const std::string& folder, long bytes) {
    Mount mount(folder);
    if (!mount.why_.empty()) return mount;
    std::string options = "size=" + std::to_string(bytes);
    if (::mount("tmpfs", folder.c_str(), "tmpfs", 0, options.c_str()) != 0)
      mount.Failed("mount tmpfs");
    else
      mount.mounted_ = true;
    return mount;
  }
  Mount(Mount&& other) noexcept
      : folder_(other.folder_), why_(other.why_), mounted_(other.mounted_) {
    other.mounted_ = false;
  }
  ~Mount() {
    if (mounted_) umount2(folder_.c_str(), MNT_DETACH);
  }
  bool ok() const { return why_.empty(); }
  const std::string& why() const { return why_; }

 private:
  explicit Mount(std::string folder) : folder_(std::move(folder)), why_(OwnNamespace()) {}
  void Failed(const std::string& doing) {
    why_ = doing + " " + folder_ + ": " + std::strerror(errno) + " (needs root)";
  }
  // Enters a mount namespace of this process's own, once; "" when it did.
  static std::string OwnNamespace() {
    static const std::string failure = [] {
      if (unshare(CLONE_NEWNS) != 0) return std::string("unshare: ") + std::strerror(errno);
      if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return std::string("making / private: ") + std::strerror(errno);
      return std::string();
    }();
    return failure.empty() ? "" : failure + " (needs root)";
  }

  std::string folder_;
  std::string why_;
  bool mounted_ = false;
};

}  // namespace foyer::testing
