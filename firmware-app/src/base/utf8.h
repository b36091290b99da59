// UTF-8 helpers, and the classes of code points that layout and render both
// need (CJK). Pure functions; thread-safe.
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
// Bytes from outside (a server's headers, a feed's first bytes) made fit for
// a log line or a JSON string: well-formed UTF-8 is kept; every byte that is
// not part of it, and the C0 and C1 controls (line breaks too) and DEL become "\xNN".
// Backslashes stay as they are, so escaping twice changes nothing.
std::string EscapeUnprintable(std::string_view bytes);
// The UTF-8 byte order mark "\xEF\xBB\xBF" that some exporters put first.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// `text` past a leading byte order mark (unchanged when it has none).
std::string_view SkipUtf8Bom(std::string_view text);

// Collapses runs of whitespace (incl. CR/LF/tab) to one space, drops C0 controls
// and trims: what a one-line title on a screen needs.
std::string CollapseWhitespace(std::string_view text);

// The CJK scripts a code point belongs to, by Unicode block, for choosing a
// font that has its glyphs. kHan includes the radicals and the ideographic
// iteration and numeral marks (々, 〇, 〡…〩).
enum class CjkScript { kNone, kHan, kHiragana, kKatakana, kHangul };
CjkScript CjkScriptOf(char32_t codepoint);

// True for the characters a line may break before and after without a space:
// ideographs, kana, CJK symbols and punctuation, full-width forms. (Hangul
// syllables are not among them: Korean is written with spaces.)
bool BreaksWithoutSpace(char32_t codepoint);

}  // namespace foyer
