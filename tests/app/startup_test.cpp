// What the kiosk's program loads at exec: libcurl and libmosquitto (with
// their TLS, Kerberos and LDAP libraries) are bound by the sync and fleet
// threads when they first need them (base/shared_library.h), so the dynamic
// linker does not bind them before the first frame.
#include <doctest/doctest.h>

#include <string>

#include "support/process.h"

namespace foyer {
namespace {

// The NEEDED entries of a program's dynamic section (readelf, from binutils).
std::string NeededLibraries(const std::string& program) {
  return testing::RunCommand("(readelf -d " + testing::ShellQuote(program) + " | grep NEEDED)");
}

TEST_CASE("the foyer program links neither libcurl nor libmosquitto at exec") {
  for (const std::string program : {"foyer", "foyer-feed"}) {
    const std::string needed = NeededLibraries(std::string(FOYER_BIN_DIR) + "/" + program);
    INFO(program << ": " << needed);
    CHECK(needed.find("libc.so.6") != std::string::npos);  // readelf read it
    CHECK(needed.find("libcurl") == std::string::npos);
    CHECK(needed.find("libmosquitto") == std::string::npos);
  }
}

}  // namespace
}  // namespace foyer
