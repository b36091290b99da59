// Libraries opened when first needed (dlopen), with zlib as the library.
#include "base/shared_library.h"

#include <doctest/doctest.h>

#include <cstring>

namespace foyer {
namespace {

TEST_CASE("a library that is not installed is refused with the package to install") {
  auto library = SharedLibrary::Open("libfoyer-not-installed.so.7", "foyer-not-installed");
  REQUIRE_FALSE(library.ok());
  const std::string message = library.status().message();
  CHECK(message.find("cannot load libfoyer-not-installed.so.7") != std::string::npos);
  CHECK(message.find("install the Debian package foyer-not-installed") != std::string::npos);
}

TEST_CASE("a library's functions are bound by name and called") {
  auto library = SharedLibrary::Open("libz.so.1", "zlib1g");
  REQUIRE_MESSAGE(library.ok(), library.status().message());
  const char* (*version)() = nullptr;
  library->Bind(version, "zlibVersion");
  const bool bound = version != nullptr;
  REQUIRE(bound);
  CHECK(std::strlen(version()) > 0);
  CHECK(library->status().ok());
}

TEST_CASE("a function the library lacks leaves a null and says which, once") {
  auto library = SharedLibrary::Open("libz.so.1", "zlib1g");
  REQUIRE(library.ok());
  void (*missing)() = reinterpret_cast<void (*)()>(1);
  library->Bind(missing, "foyer_no_such_function");
  void (*other)() = nullptr;
  library->Bind(other, "foyer_another_missing_one");
  const bool cleared = missing == nullptr;
  CHECK(cleared);
  const std::string message = library->status().message();
  CHECK(message.find("libz.so.1 has no foyer_no_such_function") != std::string::npos);
  CHECK(message.find("install a newer zlib1g") != std::string::npos);
}

}  // namespace
}  // namespace foyer
