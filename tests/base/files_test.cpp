// Small files read whole within a bound: a wrong path never stalls foyer or
// exhausts its memory.
#include "base/files.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>

#include "support/files.h"

namespace foyer {
namespace {

TEST_CASE("a small regular file is read whole, up to its bound and not a byte past it") {
  testing::TempDir dir;
  const std::string path = dir.File("token");
  testing::WriteFile(path, std::string(4096, 't'));
  auto whole = ReadSmallFile(path, 4096);
  REQUIRE(whole.ok());
  CHECK(whole->size() == 4096);
  testing::WriteFile(path, std::string(4097, 't'));
  CHECK(ReadSmallFile(path, 4096).status().message() == "is 4097 bytes, more than 4096");
}

TEST_CASE("devices, folders and FIFOs are refused without reading or waiting") {
  testing::TempDir dir;
  const std::string fifo = dir.File("fifo");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const auto started = std::chrono::steady_clock::now();
  CHECK(ReadSmallFile(fifo, 4096).status().message() == "is not a regular file (a FIFO)");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
  CHECK(ReadSmallFile("/dev/zero", 4096).status().message() ==
        "is not a regular file (a character device)");
  CHECK(ReadSmallFile(dir.path(), 4096).status().message() == "is not a regular file (a folder)");
  CHECK(ReadSmallFile(dir.File("missing"), 4096).status().message() ==
        "cannot be read: No such file or directory");
}

}  // namespace
}  // namespace foyer
