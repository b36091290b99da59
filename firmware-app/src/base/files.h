// Reading small files whole, within a bound: a setting that names a file
// (feed.token_file) must not let a wrong path (/dev/zero, a FIFO, a 1 GB log)
// stall foyer or exhaust its memory. Thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "base/status.h"

namespace foyer {

// The bytes of the regular file at `path`, when there are at most `most_bytes`
// of them. Fails without reading anything when the path is not a regular file
// (a device, a FIFO or a folder; never waiting on a FIFO) or larger than that.
// The message says what is wrong but not which file, e.g. "is not a regular
// file (a character device)", "is 1073741824 bytes, more than 4096", "cannot
// be read: Permission denied": callers put the setting and path first.
Result<std::string> ReadSmallFile(const std::string& path, std::size_t most_bytes);

}  // namespace foyer
