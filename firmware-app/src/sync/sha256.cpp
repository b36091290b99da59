#include "sync/sha256.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <mutex>

#include "base/shared_library.h"

namespace foyer {
namespace {

// OpenSSL's SHA-256 where libcurl has loaded it: its assembly (SHA
// extensions where the CPU has them) hashes a 3 MB feed at half the
// instructions of libsodium's portable C or less. It is never loaded for its
// own sake: OpenSSL costs a process ~3 MiB, and the screen's process fetches
// through a helper (sync/child_http_client.h) that hashes what it fetched.
struct Libcrypto {
  decltype(&EVP_Digest) digest = nullptr;
  decltype(&EVP_sha256) sha256 = nullptr;
};

// OpenSSL's functions once libcrypto is in the process; null until then.
const Libcrypto* LoadedLibcrypto() {
  static std::mutex mutex;
  static const Libcrypto* loaded = nullptr;
  std::lock_guard<std::mutex> lock(mutex);
  if (loaded != nullptr) return loaded;
  auto library = SharedLibrary::OpenIfLoaded("libcrypto.so.3", "libssl3");
  if (!library.ok()) return nullptr;
  static Libcrypto crypto;
  library->Bind(crypto.digest, "EVP_Digest");
  library->Bind(crypto.sha256, "EVP_sha256");
  if (library->status().ok()) loaded = &crypto;
  return loaded;
}

bool OpensslDigest(std::string_view bytes, unsigned char (&digest)[crypto_hash_sha256_BYTES]) {
  const Libcrypto* crypto = LoadedLibcrypto();
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
