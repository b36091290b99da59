// ASCII text helpers: trimming, case folding and case-insensitive comparison,
// for the names, keys and protocol words foyer reads (header names, iCalendar
// property names, CSV column names, file suffixes). They change ASCII letters
// only, whatever the locale: never use them on what a screen shows.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace foyer {

// What std::isspace calls white space in the "C" locale.
inline constexpr std::string_view kAsciiWhitespace = " \t\n\v\f\r";

// `text` without the characters of `blanks` at either end (Trim), at its start
// (TrimStart) or at its end (TrimEnd). The result views `text`'s characters.
std::string_view Trim(std::string_view text, std::string_view blanks = kAsciiWhitespace);
std::string_view TrimStart(std::string_view text, std::string_view blanks = kAsciiWhitespace);
std::string_view TrimEnd(std::string_view text, std::string_view blanks = kAsciiWhitespace);

// 'A'…'Z' to 'a'…'z' and back; every other byte is kept.
char ToLowerAscii(char c);
char ToUpperAscii(char c);
std::string ToLowerAscii(std::string_view text);
std::string ToUpperAscii(std::string_view text);

// Comparisons that take 'a' and 'A' for the same letter (ASCII only).
bool EqualsNoCase(std::string_view a, std::string_view b);
bool StartsWithNoCase(std::string_view text, std::string_view prefix);
bool EndsWithNoCase(std::string_view text, std::string_view suffix);

}  // namespace foyer
