// How long a screen waits before trying its broker again: doubling from a
// second up to a minute per failure in a row, and drawn at random from the
// upper half of that, so that 500 screens that lost their broker together do
// not all come back in the same instant. Pure; thread-safe.
#pragma once

#include <cstdint>

namespace foyer {

inline constexpr std::int64_t kFirstReconnectMillis = 1000;
inline constexpr std::int64_t kLongestReconnectMillis = 60'000;

// failures: attempts that failed in a row (1 after the first); random: a
// uniform 64-bit number. In [ceiling / 2, ceiling], ceiling = 1 s * 2^(failures-1), at most 60 s.
inline std::int64_t ReconnectDelayMillis(int failures, std::uint64_t random) {
  std::int64_t ceiling = kFirstReconnectMillis;
  for (int i = 1; i < failures && ceiling < kLongestReconnectMillis; ++i) ceiling *= 2;
  if (ceiling > kLongestReconnectMillis) ceiling = kLongestReconnectMillis;
  const std::int64_t half = ceiling / 2;
  return half + static_cast<std::int64_t>(random % static_cast<std::uint64_t>(half + 1));
}

}  // namespace foyer
