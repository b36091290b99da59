// The feed hash: FIPS 180-2's test vectors; OpenSSL's digest (once libcurl
// has loaded it) equal to libsodium's on a feed-sized body; and OpenSSL never
// loaded for the hash's own sake (ctest runs each test in a process of its own).
#include "sync/sha256.h"

#include <dlfcn.h>
#include <doctest/doctest.h>
#include <sodium.h>

#include <string>

#include "base/shared_library.h"

namespace foyer {
namespace {

TEST_CASE("the feed hash is SHA-256, in lower-case hex") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("hashing does not load OpenSSL into a process that has none") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(dlopen("libcrypto.so.3", RTLD_NOW | RTLD_NOLOAD) == nullptr);
}

TEST_CASE("a 3 MB body hashes to the same digest as libsodium's, with OpenSSL loaded") {
  auto libcrypto = SharedLibrary::Open("libcrypto.so.3", "libssl3");  // as libcurl loads it
  REQUIRE_MESSAGE(libcrypto.ok(), libcrypto.status().message());
  std::string body;
  for (int i = 0; body.size() < 3'000'000; ++i) body += "session " + std::to_string(i) + "\n";
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  CHECK(Sha256Hex(body) == hex);
}

}  // namespace
}  // namespace foyer
