// The zones the fuzz targets read floating times in: a fixed offset, and an
// IANA zone with daylight saving (gaps and overlaps) when the system has one.
// Loaded once; read-only afterwards.
#pragma once

#include "base/time.h"

namespace foyer::fuzz {

inline const Zone& FixedZone() {
  static const Zone zone = Zone::Fixed(5 * 3600);
  return zone;
}

inline const Zone& DaylightSavingZone() {
  static const Zone zone = [] {
    auto loaded = Zone::Load("Europe/Berlin");
    return loaded.ok() ? *loaded : Zone::Fixed(3600);
  }();
  return zone;
}

}  // namespace foyer::fuzz
