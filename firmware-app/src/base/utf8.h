// UTF-8 helpers. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace foyer {

// True when text is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view text);
// Byte offset of the first invalid sequence, or npos.
size_t FindInvalidUtf8(std::string_view text);
// Decodes well-formed UTF-8; invalid bytes become U+FFFD.
std::vector<char32_t> DecodeUtf8(std::string_view text);
void AppendUtf8(std::string& out, char32_t codepoint);
// The text with each invalid sequence replaced by U+FFFD (unchanged when valid).
std::string SanitizeUtf8(std::string_view text);
// Collapses runs of whitespace (incl. CR/LF/tab) to one space, drops C0 controls
// and trims: what a one-line title on a screen needs.
std::string CollapseWhitespace(std::string_view text);

}  // namespace foyer
