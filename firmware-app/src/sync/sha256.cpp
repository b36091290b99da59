#include "sync/sha256.h"

#include <openssl/evp.h>
#include <sodium.h>

#include "base/shared_library.h"

namespace foyer {
namespace {

// OpenSSL's SHA-256, where it loads: its assembly (SHA extensions where the
// CPU has them) hashes a 3 MB feed at half the instructions of libsodium's
// portable C or less. libcurl has loaded it already by the time a feed
// arrives; opened here rather than linked, so that it is not bound at exec
// (base/shared_library.h).
struct Libcrypto {
  decltype(&EVP_Digest) digest = nullptr;
  decltype(&EVP_sha256) sha256 = nullptr;
};

const Libcrypto* LoadLibcrypto() {
  static const Libcrypto* loaded = []() -> const Libcrypto* {
    auto library = SharedLibrary::Open("libcrypto.so.3", "libssl3");
    if (!library.ok()) return nullptr;
    static Libcrypto crypto;
    library->Bind(crypto.digest, "EVP_Digest");
    library->Bind(crypto.sha256, "EVP_sha256");
    return library->status().ok() ? &crypto : nullptr;
  }();
  return loaded;
}

bool OpensslDigest(std::string_view bytes, unsigned char (&digest)[crypto_hash_sha256_BYTES]) {
  const Libcrypto* crypto = LoadLibcrypto();
  if (crypto == nullptr) return false;
  unsigned int size = 0;
  return crypto->digest(bytes.data(), bytes.size(), digest, &size, crypto->sha256(), nullptr) ==
             1 &&
         size == crypto_hash_sha256_BYTES;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  // libsodium's when OpenSSL's cannot be had: the same digest, slower.
  if (!OpensslDigest(bytes, digest))
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace foyer
