// A copy of what the panel shows (Display::CaptureNext), and its PNG encoded
// for speed rather than size (zlib level 1, the "sub" filter): a 1080p
// picture takes a few tens of milliseconds instead of the default level's
// second, so the remote screenshot costs the screen no frame. Pure;
// thread-safe (encode on any thread).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace foyer {

struct Picture {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;  // row by row from the top, 3 bytes a pixel, no padding
};

// The PNG file's bytes (8-bit RGB).
Result<std::string> EncodePngFast(const Picture& picture);

}  // namespace foyer
