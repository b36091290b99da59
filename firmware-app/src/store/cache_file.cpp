// The cache file kept usable: moved aside when damaged, kept in memory while
// it cannot be written, written again when lost (store/cache_file.h).
#include "store/cache_file.h"

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "base/log.h"
#include "base/time.h"

namespace foyer {
namespace {

// "cache.db.corrupt-20251015T054000Z", or with "-2", "-3"… when that is taken.
std::string AsideName(const std::string& path, UnixSeconds now) {
  std::string stamp;
  for (char c : FormatUtcIso(now))
    if (c != '-' && c != ':') stamp += c;
  std::string name = path + ".corrupt-" + stamp;
  std::error_code ignored;
  for (int n = 2; std::filesystem::exists(name, ignored); ++n)
    name = path + ".corrupt-" + stamp + "-" + std::to_string(n);
  return name;
}

bool Exists(const std::string& path) {
  struct stat info {};
  return lstat(path.c_str(), &info) == 0;
}

// For a missing cache: whether its folder (or the first one of them that
// exists) lets foyer create it.
Status CheckCanCreate(const std::string& path) {
  std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
  while (!folder.empty() && !Exists(folder.string()) && folder != folder.parent_path())
    folder = folder.parent_path();
  if (access(folder.c_str(), W_OK) == 0) return Status::Ok();
  return Status::Error("cache " + path + " cannot be created: folder " + folder.string() +
                       " is not writable (" + std::strerror(errno) +
                       "); the screen would keep what it syncs in memory only");
}

// Why the cache at path cannot be written, in words a technician acts on;
// what SQLite said when nothing plainer is found.
std::string CannotWrite(const std::string& path, const std::string& sqlite_says) {
  const std::string folder = std::filesystem::absolute(path).parent_path().string();
  std::string why;
  if (access(path.c_str(), W_OK) != 0 && errno != ENOENT)
    why = std::strerror(errno);
  else if (sqlite_says.find("is not writable by this user") != std::string::npos)
    return sqlite_says;  // sqlite::Database named the unwritable folder already
  else if (access(folder.c_str(), W_OK) != 0)
    why = "its folder " + folder + ": " + std::strerror(errno);
  else if (struct statvfs disk{}; statvfs(folder.c_str(), &disk) == 0 && disk.f_bavail == 0)
    why = "the disk is full";
  return why.empty() ? sqlite_says : "cache " + path + " cannot be written (" + why + ")";
}

}  // namespace

CacheFile::CacheFile(std::string path, Env* env) : path_(std::move(path)), env_(env) {}

CacheFile::~CacheFile() = default;

Store& CacheFile::Get(bool verify) {
  if (memory_)
    TryFileAgain();
  else if (file_)
    HealFile(verify);
  else
    OpenFile();
  return memory_ ? *memory_ : *file_;
}

bool CacheFile::NeedsHealing() {
  if (!file_) return false;  // a copy in memory has no file to heal
  StoreFault fault = file_->fault();
  return fault == StoreFault::kDamaged || fault == StoreFault::kCannotWrite ||
         file_->FileHasMoved();
}

Result<std::unique_ptr<Store>> CacheFile::OpenReader() {
  if (file_) return Store::Open(path_, {.create = false});
  auto snapshot = Store::Open(":memory:");
  if (!snapshot.ok()) return snapshot.status();
  if (Status copied = memory_->CopyInto(**snapshot); !copied.ok()) return copied;
  return snapshot;
}

Result<std::unique_ptr<Store>> CacheFile::OpenOrMoveAside(bool check, StoreFault& fault) {
  auto store = Store::Open(path_, {.quick_check = check}, &fault);
  if (!store.ok() && fault == StoreFault::kDamaged && MoveAside(store.status().message()))
    store = Store::Open(path_, {}, &fault);
  return store;
}

void CacheFile::OpenFile() {
  StoreFault fault = StoreFault::kNone;
  auto store = OpenOrMoveAside(/*check=*/true, fault);
  if (store.ok()) return UseFile(std::move(*store));
  KeepInMemory(fault, store.status().message(), nullptr);
}

void CacheFile::HealFile(bool verify) {
  if (file_->FileHasMoved()) return FileLost();
  if (verify && file_->fault() == StoreFault::kNone) file_->QuickCheck();
  const StoreFault fault = file_->fault();
  const std::string why = file_->fault_message();
  file_->TakeFault();
  if (fault == StoreFault::kDamaged) {
    if (!MoveAside(why)) return KeepInMemory(fault, why, nullptr);
    file_.reset();  // after the move: SQLite then leaves the moved -wal and -shm be
    return OpenFile();
  }
  if (fault == StoreFault::kCannotWrite) KeepInMemory(fault, why, file_.get());
}

void CacheFile::FileLost() {
  if (Exists(path_)) {
    LogWarning("cache " + path_ + " was replaced while foyer was running; using the new file");
    file_.reset();
    return OpenFile();
  }
  LogError("cache " + path_ +
           " was deleted while foyer was running; writing it again from the copy in use");
  // A -wal or -shm left without its database would be read into the new one.
  for (const char* suffix : {"-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  StoreFault fault = StoreFault::kNone;
  auto fresh = Store::Open(path_, {}, &fault);
  Status copied = fresh.ok() ? file_->CopyInto(**fresh) : fresh.status();
  if (!copied.ok()) return KeepInMemory(StoreFault::kCannotWrite, copied.message(), file_.get());
  // Closing the lost file's connection: SQLite sees it moved and leaves the
  // new file's -wal and -shm be.
  UseFile(std::move(*fresh));
}

void CacheFile::TryFileAgain() {
  if (memory_reason_ == StoreFault::kNewerSchema) {
    struct stat info {};
    if (stat(path_.c_str(), &info) == 0 && info.st_dev == refused_device_ &&
        info.st_ino == refused_inode_)
      return;  // the newer foyer's cache is still there: leave it be
  }
  StoreFault fault = StoreFault::kNone;
  auto file = OpenOrMoveAside(/*check=*/false, fault);
  if (!file.ok()) return;  // still cannot: quietly, it was logged when it began
  if (!memory_->CopyInto(**file).ok()) return;
  LogInfo("cache " + path_ + " can be written again; stored what was kept in memory");
  UseFile(std::move(*file));
}

bool CacheFile::MoveAside(const std::string& why) {
  const std::string aside = AsideName(path_, env_->Now());
  if (std::rename(path_.c_str(), aside.c_str()) != 0) {
    LogError(why + "; it cannot be moved aside as " + aside + " (" + std::strerror(errno) + ")");
    return false;
  }
  for (const char* suffix : {"-wal", "-shm"})
    std::rename((path_ + suffix).c_str(), (aside + suffix).c_str());
  LogError(why + "; moved it aside as " + aside +
           " and started a new cache, which the next sync fills with the whole feed");
  status_.moved_aside = aside;
  return true;
}

void CacheFile::KeepInMemory(StoreFault reason, const std::string& what_failed, Store* seed) {
  const std::string problem =
      reason == StoreFault::kCannotWrite ? CannotWrite(path_, what_failed) : what_failed;
  auto memory = Store::Open(":memory:");
  if (!memory.ok()) {  // only when out of memory
    LogError(problem + "; and no memory for a copy: " + memory.status().message());
    std::abort();
  }
  // What the file holds, when it can be read and is this foyer's.
  std::unique_ptr<Store> readable;
  if (!seed && reason == StoreFault::kCannotWrite) {
    auto opened = Store::Open(path_, {.read_only = true});
    if (opened.ok()) readable = std::move(*opened);
    seed = readable.get();
  }
  if (seed) seed->CopyInto(**memory);  // when it cannot be read, memory starts empty
  struct stat info {};
  if (reason == StoreFault::kNewerSchema && stat(path_.c_str(), &info) == 0) {
    refused_device_ = info.st_dev;
    refused_inode_ = info.st_ino;
  }
  readable.reset();
  file_.reset();
  memory_ = std::move(*memory);
  memory_reason_ = reason;
  status_.problem = problem;
  ++generation_;
  LogError(problem + "; foyer keeps what it syncs in memory (the screen shows it)" +
           (reason == StoreFault::kNewerSchema ? " and leaves that file alone"
                                               : " and writes it to the cache once it can"));
}

void CacheFile::UseFile(std::unique_ptr<Store> file) {
  file_ = std::move(file);
  memory_.reset();
  memory_reason_ = StoreFault::kNone;
  status_.problem.clear();
  ++generation_;
}

Status InspectCache(const std::string& path) {
  if (!Exists(path)) return CheckCanCreate(path);
  StoreFault fault = StoreFault::kNone;
  Status status = Store::Inspect(path, &fault);
  if (fault == StoreFault::kDamaged)
    return Status::Error(status.message() +
                         "; the screen moves it aside and fetches the feed again when it starts");
  if (!status.ok()) return status;
  if (access(path.c_str(), W_OK) != 0)
    return Status::Error("cache " + path + " cannot be written (" + std::strerror(errno) +
                         "); the screen would keep what it syncs in memory only");
  return Status::Ok();
}

}  // namespace foyer
