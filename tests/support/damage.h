// Damage done to a real cache file by a test, the ways SD cards and people do
// it: bytes cut off the end, random bytes over the header, random bytes over
// the data pages. The file must be closed (its WAL checkpointed) first.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace foyer::testing {

constexpr int kCachePageSize = 4096;  // SQLite's default, as the cache is made

// Random bytes, the same for the same seed.
inline std::string RandomBytes(size_t count, unsigned seed) {
  std::mt19937 random(seed);
  std::string bytes(count, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xff);
  return bytes;
}

inline void Overwrite(const std::string& path, std::streamoff at, const std::string& bytes) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(at);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Random bytes over the first 100 bytes: SQLite's file header.
inline void ScribbleHeader(const std::string& path) { Overwrite(path, 0, RandomBytes(100, 1)); }

// Random bytes over every page but the first (the header and the schema),
// which still open as a database.
inline void ScribbleDataPages(const std::string& path) {
  const auto size = static_cast<std::streamoff>(std::filesystem::file_size(path));
  for (std::streamoff page = 1; page * kCachePageSize < size; ++page)
    Overwrite(path, page * kCachePageSize,
              RandomBytes(kCachePageSize, static_cast<unsigned>(page)));
}

// Random bytes over one page, numbered from 1 as SQLite numbers them
// (sqlite_master's rootpage).
inline void ScribblePage(const std::string& path, std::int64_t page) {
  Overwrite(path, (page - 1) * kCachePageSize,
            RandomBytes(kCachePageSize, static_cast<unsigned>(page)));
}

// Cuts the file to `bytes`.
inline void Truncate(const std::string& path, std::uintmax_t bytes) {
  std::filesystem::resize_file(path, bytes);
}

}  // namespace foyer::testing
