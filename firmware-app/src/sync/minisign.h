// Minisign signature verification: lets a screen refuse a forged or altered feed.
//
// Organizers sign each export with the standard `minisign` tool
// (`minisign -Sm schedule.json` writes schedule.json.minisig); a screen holds
// their public key (feed.minisign_key) and checks the signature with libsodium
// before anything in the feed is parsed. See docs/SIGNING.md.
//
// Formats (as minisign writes them; all base64 is the standard alphabet, padded):
//   public key:  "Ed" || key id (8 bytes) || Ed25519 public key (32 bytes)
//   FILE.minisig, four lines:
//     untrusted comment: <anything, not authenticated>
//     base64("Ed" or "ED" || key id (8) || Ed25519 signature (64))
//     trusted comment: <text>
//     base64(Ed25519 global signature (64) over signature || trusted comment text)
//   "Ed" signs the message itself (legacy); "ED" signs its BLAKE2b-512 hash
//   (prehashed, minisign's default since 0.10).
//
// Pure functions over plain values; thread-safe (libsodium is initialized once,
// on first use, in a thread-safe way).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace foyer {

struct MinisignPublicKey {
  std::array<std::uint8_t, 8> key_id{};
  std::array<std::uint8_t, 32> key{};

  // Accepts the base64 key line ("RW…", as in feed.minisign_key) or the whole
  // text of a minisign.pub file (untrusted comment line + key line). Surrounding
  // blanks and CRLF line endings are ignored.
  static Result<MinisignPublicKey> Parse(std::string_view text);

  // The key id as minisign prints it ("minisign public key 1A2B…"): the id read
  // as a little-endian 64-bit number, in upper-case hex, always 16 digits
  // (minisign itself leaves out leading zeros).
  std::string KeyIdHex() const;
};

// Verifies `signature` (the text of FILE.minisig) over `message` (the feed bytes):
// the signature algorithm must be "Ed" (Ed25519 over the message) or "ED"
// (Ed25519 over its BLAKE2b-512 hash), its key id must be `key`'s, and the global
// signature over the trusted comment must verify too. Returns the trusted comment
// text on success; otherwise an error saying what is wrong, e.g. "signature does
// not match the feed (forged or changed after signing)".
Result<std::string> VerifyMinisign(const MinisignPublicKey& key, std::string_view message,
                                   std::string_view signature);

}  // namespace foyer
