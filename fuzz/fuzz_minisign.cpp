// The minisign public key and signature file readers on any bytes: the input
// is tried as a key, and as the .minisig of a fixed message under a fixed key
// (the signature arrives over the network with the feed). The key and the
// seeds in seeds/fuzz_minisign/ come from a throwaway `minisign -G -W`.
#include "fuzz_common.h"
#include "sync/minisign.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = foyer::fuzz::AsText(data, size);
  if (auto key = foyer::MinisignPublicKey::Parse(text); key.ok())
    foyer::fuzz::Check(key->KeyIdHex().size() == 16, "a key id has 16 hex digits");
  static const foyer::MinisignPublicKey kKey = [] {
    auto key =
        foyer::MinisignPublicKey::Parse("RWTPlxwRYXrQ2v6KAd7kh3AOwXRbbaZfUpL5LGbNgUxplpSFJtNDkdjF");
    if (!key.ok()) std::abort();
    return *key;
  }();
  (void)foyer::VerifyMinisign(kKey, "schedule", text);
  return 0;
}
