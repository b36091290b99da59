// Text helpers the feed parsers share (internal to feed/): quoting for error
// messages, positions in the bytes, multi-line text and track colours.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace foyer::feed {

// `"Hall A"`, with quotes and backslashes escaped, for paths and messages.
std::string Quote(std::string_view text);

// "line 7, column 12" for a byte offset into `bytes`.
std::string LineAndColumn(std::string_view bytes, size_t offset);

// Multi-line text (abstracts): CRLF and CR become LF, tabs become spaces, other
// C0 controls and DEL are dropped, and the ends are trimmed.
std::string Paragraphs(std::string_view text);

// A track colour as lower-case "#rrggbb" ("#abc" is expanded), or "" when the
// text is not a hex colour.
std::string NormalizeColor(std::string text);

}  // namespace foyer::feed
