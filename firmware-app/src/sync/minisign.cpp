#include "sync/minisign.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "base/text.h"
#include "base/utf8.h"

namespace foyer {
namespace {

constexpr std::string_view kUntrustedPrefix = "untrusted comment:";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
constexpr std::size_t kKeyIdBytes = 8;
constexpr std::size_t kPublicKeyBytes = 2 + kKeyIdBytes + crypto_sign_PUBLICKEYBYTES;  // 42
constexpr std::size_t kSignatureBytes = 2 + kKeyIdBytes + crypto_sign_BYTES;           // 74

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_BYTES == 64);

// sodium_init() is itself thread-safe and idempotent; the static only keeps
// later calls from paying for it.
bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

// Splits into lines on '\n', dropping a trailing '\r' from each (CRLF files),
// a UTF-8 byte order mark at the start, and lines that are empty (so a missing
// or doubled final newline does not matter).
std::vector<std::string_view> NonEmptyLines(std::string_view text) {
  text = SkipUtf8Bom(text);
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// What is trimmed from a line: spaces, tabs and line breaks.
constexpr std::string_view kBlanks = " \t\r\n";

// Decodes standard, padded base64 that must hold exactly `expected` bytes.
// Returns false for anything else (bad characters, wrong length).
bool DecodeBase64(std::string_view text, std::size_t expected, unsigned char* out) {
  // One spare byte so that a too-long value is told apart from a fitting one.
  std::vector<unsigned char> buffer(expected + 1);
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(buffer.data(), buffer.size(), text.data(), text.size(), nullptr, &length,
                        &end, sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  if (end != text.data() + text.size() || length != expected) return false;
  std::copy(buffer.begin(), buffer.begin() + expected, out);
  return true;
}

const unsigned char* Bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

Result<MinisignPublicKey> MinisignPublicKey::Parse(std::string_view text) {
  std::vector<std::string_view> lines = NonEmptyLines(text);
  if (!lines.empty() && lines.front().starts_with(kUntrustedPrefix)) lines.erase(lines.begin());
  if (lines.empty()) return Status::Error("no minisign public key given");
  if (lines.size() > 1)
    return Status::Error(
        "not a minisign public key: expected one base64 line (\"RW…\"), or a minisign.pub file");
  std::string_view line = Trim(lines.front(), kBlanks);
  unsigned char decoded[kPublicKeyBytes];
  if (!SodiumReady()) return Status::Error("libsodium failed to initialize");
  if (!DecodeBase64(line, sizeof decoded, decoded))
    return Status::Error(
        "not a minisign public key: expected 56 base64 characters (\"RW…\", the "
        "second line of minisign.pub)");
  if (decoded[0] != 'E' || decoded[1] != 'd')
    return Status::Error("not a minisign Ed25519 public key (it should start with \"RW\")");
  MinisignPublicKey key;
  std::copy(decoded + 2, decoded + 2 + kKeyIdBytes, key.key_id.begin());
  std::copy(decoded + 2 + kKeyIdBytes, decoded + kPublicKeyBytes, key.key.begin());
  return key;
}

std::string MinisignPublicKey::KeyIdHex() const {
  // minisign prints the id as a little-endian uint64 ("%" PRIX64); we zero-pad it.
  std::string hex;
  for (auto it = key_id.rbegin(); it != key_id.rend(); ++it) {
    char digits[3];
    std::snprintf(digits, sizeof digits, "%02X", *it);
    hex += digits;
  }
  return hex;
}

Result<std::string> VerifyMinisign(const MinisignPublicKey& key, std::string_view message,
                                   std::string_view signature) {
  if (!SodiumReady()) return Status::Error("libsodium failed to initialize");
  std::vector<std::string_view> lines = NonEmptyLines(signature);
  if (lines.empty()) return Status::Error("signature file is empty");
  if (lines.size() != 4 || !lines[0].starts_with(kUntrustedPrefix) ||
      !lines[2].starts_with(kTrustedPrefix))
    return Status::Error(
        "not a minisign signature file (expected 4 lines: untrusted comment, signature, trusted "
        "comment, global signature)");

  unsigned char decoded[kSignatureBytes];
  if (!DecodeBase64(Trim(lines[1], kBlanks), sizeof decoded, decoded))
    return Status::Error("not a minisign signature file (the signature line is not valid)");
  unsigned char global_signature[crypto_sign_BYTES];
  if (!DecodeBase64(Trim(lines[3], kBlanks), sizeof global_signature, global_signature))
    return Status::Error(
        "not a minisign signature file (the trusted comment's signature line is not valid)");

  const bool prehashed = decoded[0] == 'E' && decoded[1] == 'D';
  const bool legacy = decoded[0] == 'E' && decoded[1] == 'd';
  if (!prehashed && !legacy)
    return Status::Error(
        "unsupported minisign signature algorithm (expected Ed25519: \"Ed\" or "
        "\"ED\"); sign with the standard minisign tool");

  MinisignPublicKey signer;
  std::copy(decoded + 2, decoded + 2 + kKeyIdBytes, signer.key_id.begin());
  if (signer.key_id != key.key_id)
    return Status::Error("signature made with key " + signer.KeyIdHex() +
                         " but feed.minisign_key is " + key.KeyIdHex());
  const unsigned char* signature_bytes = decoded + 2 + kKeyIdBytes;

  bool matches;
  if (prehashed) {
    unsigned char hash[crypto_generichash_BYTES_MAX];
    static_assert(crypto_generichash_BYTES_MAX == 64);
    crypto_generichash(hash, sizeof hash, Bytes(message), message.size(), nullptr, 0);
    matches = crypto_sign_verify_detached(signature_bytes, hash, sizeof hash, key.key.data()) == 0;
  } else {
    matches = crypto_sign_verify_detached(signature_bytes, Bytes(message), message.size(),
                                          key.key.data()) == 0;
  }
  if (!matches)
    return Status::Error("signature does not match the feed (forged or changed after signing)");

  // The global signature covers the signature bytes followed by the comment text.
  std::string_view comment = lines[2].substr(kTrustedPrefix.size());
  std::string signed_comment(reinterpret_cast<const char*>(signature_bytes), crypto_sign_BYTES);
  signed_comment += comment;
  if (crypto_sign_verify_detached(global_signature, Bytes(signed_comment), signed_comment.size(),
                                  key.key.data()) != 0)
    return Status::Error("trusted comment was changed after signing");
  return std::string(comment);
}

}  // namespace foyer
