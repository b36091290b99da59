// SHA-256 of a feed's bytes, as the cache keeps it and the fleet status
// reports it (feed_sha256). Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace foyer {

// The digest in lower-case hex (64 characters).
std::string Sha256Hex(std::string_view bytes);

}  // namespace foyer
