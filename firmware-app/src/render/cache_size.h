// CacheSize: how full one of the renderer's caches is, against its cap, for
// tests, the kiosk's live statistics (SIGUSR1, docs/CONTRACTS.md) and
// tools/soak. Every cache that grows with what the feed says has a byte cap
// chosen and named beside it (STYLE.md: bounded by design). Plain value.
#pragma once

#include <cstddef>
#include <string>

namespace foyer {

struct CacheSize {
  std::string name;  // e.g. "text_textures"
  std::size_t entries = 0;
  std::size_t bytes = 0;      // what it holds, counted as its cap counts it
  std::size_t cap_bytes = 0;  // the most it holds after a frame
};

}  // namespace foyer
