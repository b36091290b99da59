// A full disk on demand, after SQLite's own src/test_vfs.c: a VFS that wraps
// the system's and, while full, answers SQLITE_FULL to every write and
// truncate of a file under one folder, as a full disk does. It is installed as
// SQLite's default VFS while it lives, so the code under test opens its files
// through it unchanged. One at a time; the test's thread and the threads it
// starts may use it.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <stdexcept>
#include <string>

namespace foyer::testing {

class FullDiskVfs {
 public:
  explicit FullDiskVfs(std::string folder) : folder_(std::move(folder)) {
    real_ = sqlite3_vfs_find(nullptr);
    if (!real_) throw std::runtime_error("no default SQLite VFS");
    vfs_ = *real_;
    vfs_.zName = "foyer-full-disk";
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.pAppData = this;
    vfs_.xOpen = &Open;
    current_ = this;
    sqlite3_vfs_register(&vfs_, 1);
  }
  ~FullDiskVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
    current_ = nullptr;
  }
  FullDiskVfs(const FullDiskVfs&) = delete;
  FullDiskVfs& operator=(const FullDiskVfs&) = delete;

  void SetFull(bool full) { full_ = full; }

 private:
  // The wrapper's file: the real file's state follows it in the same block.
  struct File {
    sqlite3_file base;
    bool watched;
    sqlite3_file* Real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
  };
  static File* Of(sqlite3_file* file) { return reinterpret_cast<File*>(file); }
  static bool Full(sqlite3_file* file) { return Of(file)->watched && current_ && current_->full_; }

  static int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags,
                  int* out_flags) {
    auto* self = static_cast<FullDiskVfs*>(vfs->pAppData);
    File* wrapper = Of(file);
    wrapper->base.pMethods = nullptr;
    wrapper->watched = name && std::string(name).rfind(self->folder_, 0) == 0;
    int rc = self->real_->xOpen(self->real_, name, wrapper->Real(), flags, out_flags);
    if (rc == SQLITE_OK && wrapper->Real()->pMethods) wrapper->base.pMethods = &kMethods;
    return rc;
  }

  static int Close(sqlite3_file* f) { return Of(f)->Real()->pMethods->xClose(Of(f)->Real()); }
  static int Read(sqlite3_file* f, void* data, int amount, sqlite3_int64 offset) {
    return Of(f)->Real()->pMethods->xRead(Of(f)->Real(), data, amount, offset);
  }
  static int Write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    if (Full(f)) return SQLITE_FULL;
    return Of(f)->Real()->pMethods->xWrite(Of(f)->Real(), data, amount, offset);
  }
  static int Truncate(sqlite3_file* f, sqlite3_int64 size) {
    if (Full(f)) return SQLITE_FULL;
    return Of(f)->Real()->pMethods->xTruncate(Of(f)->Real(), size);
  }
  static int Sync(sqlite3_file* f, int flags) {
    return Of(f)->Real()->pMethods->xSync(Of(f)->Real(), flags);
  }
  static int FileSize(sqlite3_file* f, sqlite3_int64* size) {
    return Of(f)->Real()->pMethods->xFileSize(Of(f)->Real(), size);
  }
  static int Lock(sqlite3_file* f, int level) {
    return Of(f)->Real()->pMethods->xLock(Of(f)->Real(), level);
  }
  static int Unlock(sqlite3_file* f, int level) {
    return Of(f)->Real()->pMethods->xUnlock(Of(f)->Real(), level);
  }
  static int CheckReservedLock(sqlite3_file* f, int* out) {
    return Of(f)->Real()->pMethods->xCheckReservedLock(Of(f)->Real(), out);
  }
  static int FileControl(sqlite3_file* f, int op, void* arg) {
    return Of(f)->Real()->pMethods->xFileControl(Of(f)->Real(), op, arg);
  }
  static int SectorSize(sqlite3_file* f) {
    return Of(f)->Real()->pMethods->xSectorSize(Of(f)->Real());
  }
  static int DeviceCharacteristics(sqlite3_file* f) {
    return Of(f)->Real()->pMethods->xDeviceCharacteristics(Of(f)->Real());
  }
  static int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return Of(f)->Real()->pMethods->xShmMap(Of(f)->Real(), region, size, extend, out);
  }
  static int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return Of(f)->Real()->pMethods->xShmLock(Of(f)->Real(), offset, n, flags);
  }
  static void ShmBarrier(sqlite3_file* f) { Of(f)->Real()->pMethods->xShmBarrier(Of(f)->Real()); }
  static int ShmUnmap(sqlite3_file* f, int delete_flag) {
    return Of(f)->Real()->pMethods->xShmUnmap(Of(f)->Real(), delete_flag);
  }
  // No memory-mapped reads and writes: every write goes through Write.
  static int Fetch(sqlite3_file*, sqlite3_int64, int, void** out) {
    *out = nullptr;
    return SQLITE_OK;
  }
  static int Unfetch(sqlite3_file*, sqlite3_int64, void*) { return SQLITE_OK; }

  static constexpr sqlite3_io_methods kMethods = {3,
                                                  &Close,
                                                  &Read,
                                                  &Write,
                                                  &Truncate,
                                                  &Sync,
                                                  &FileSize,
                                                  &Lock,
                                                  &Unlock,
                                                  &CheckReservedLock,
                                                  &FileControl,
                                                  &SectorSize,
                                                  &DeviceCharacteristics,
                                                  &ShmMap,
                                                  &ShmLock,
                                                  &ShmBarrier,
                                                  &ShmUnmap,
                                                  &Fetch,
                                                  &Unfetch};

  static inline FullDiskVfs* current_ = nullptr;
  std::string folder_;
  sqlite3_vfs* real_ = nullptr;
  sqlite3_vfs vfs_{};
  std::atomic<bool> full_{false};
};

}  // namespace foyer::testing
