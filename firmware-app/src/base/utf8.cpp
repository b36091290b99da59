#include "base/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace foyer {
namespace {

// Decodes one sequence at text[pos]; returns its length, or 0 when invalid.
size_t DecodeOne(std::string_view text, size_t pos, char32_t& out) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) {
    out = lead;
    return 1;
  }
  size_t length;
  char32_t minimum;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, out = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, out = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, out = lead & 0x07;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    out = (out << 6) | (byte(pos + i) & 0x3F);
  }
  if (out < minimum || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
  return length;
}

// A block of code points, first and last included.
struct Block {
  char32_t first, last;
  bool Contains(char32_t c) const { return c >= first && c <= last; }
};

// The CJK blocks, each named once.
constexpr Block kHangulJamo{0x1100, 0x11FF};
constexpr Block kCjkRadicals{0x2E80, 0x2FDF};  // CJK Radicals Supplement, Kangxi Radicals
constexpr Block kHiragana{0x3040, 0x309F};
constexpr Block kKatakana{0x30A0, 0x30FF};
constexpr Block kHangulCompatibilityJamo{0x3130, 0x318F};
constexpr Block kKatakanaPhoneticExtensions{0x31F0, 0x31FF};
constexpr Block kCjkExtensionA{0x3400, 0x4DBF};
constexpr Block kCjkUnifiedIdeographs{0x4E00, 0x9FFF};
constexpr Block kHangulJamoExtendedA{0xA960, 0xA97F};
constexpr Block kHangulSyllables{0xAC00, 0xD7FF};  // with Hangul Jamo Extended-B
constexpr Block kCjkCompatibilityIdeographs{0xF900, 0xFAFF};
constexpr Block kHalfwidthAndFullwidthForms{0xFF00, 0xFFEF};
constexpr Block kIdeographicPlanes{0x20000, 0x3FFFF};  // the Supplementary and Tertiary planes
// The last assigned block of the Supplementary Ideographic Plane ends here.
constexpr char32_t kCjkCompatibilitySupplementLast = 0x2FA1F;

// The length of the run of ASCII bytes at text[pos], eight bytes at a time:
// most of a feed is ASCII, and this keeps its check near one instruction a byte.
size_t AsciiRun(std::string_view text, size_t pos) {
  const size_t begin = pos;
  constexpr std::uint64_t kHighBits = 0x8080808080808080u;
  for (std::uint64_t word; pos + 8 <= text.size(); pos += 8) {
    std::memcpy(&word, text.data() + pos, 8);
    if (word & kHighBits) break;
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos - begin;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  char32_t codepoint;
  for (size_t pos = 0; pos < text.size();) {
    pos += AsciiRun(text, pos);
    if (pos == text.size()) break;
    size_t length = DecodeOne(text, pos, codepoint);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view text) { return FindInvalidUtf8(text) == std::string_view::npos; }

std::vector<char32_t> DecodeUtf8(std::string_view text) {
  std::vector<char32_t> result;
  result.reserve(text.size());
  char32_t codepoint;
  for (size_t pos = 0; pos < text.size();) {
    size_t length = DecodeOne(text, pos, codepoint);
    if (length == 0) {
      result.push_back(0xFFFD);
      ++pos;
    } else {
      result.push_back(codepoint);
      pos += length;
    }
  }
  return result;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string SanitizeUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (char32_t c : DecodeUtf8(text)) AppendUtf8(out, c);
  return out;
}

std::string EscapeUnprintable(std::string_view bytes) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size());
  char32_t codepoint;
  for (size_t pos = 0; pos < bytes.size();) {
    size_t length = DecodeOne(bytes, pos, codepoint);
    const bool control = codepoint < 0x20 || (codepoint >= 0x7F && codepoint <= 0x9F);
    if (length == 0 || control) {
      for (size_t end = pos + std::max<size_t>(length, 1); pos < end; ++pos) {
        const auto byte = static_cast<unsigned char>(bytes[pos]);
        out += {'\\', 'x', kHex[byte >> 4], kHex[byte & 15]};
      }
    } else {
      out.append(bytes.substr(pos, length));
      pos += length;
    }
  }
  return out;
}

std::string_view SkipUtf8Bom(std::string_view text) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  return text;
}

CjkScript CjkScriptOf(char32_t c) {
  if (kHangulJamo.Contains(c) || kHangulCompatibilityJamo.Contains(c) ||
      kHangulJamoExtendedA.Contains(c) || kHangulSyllables.Contains(c))
    return CjkScript::kHangul;
  if (kHiragana.Contains(c)) return CjkScript::kHiragana;
  if (kKatakana.Contains(c) || kKatakanaPhoneticExtensions.Contains(c)) return CjkScript::kKatakana;
  if (kCjkRadicals.Contains(c) || c == 0x3005 || c == 0x3007 || (c >= 0x3021 && c <= 0x3029) ||
      kCjkExtensionA.Contains(c) || kCjkUnifiedIdeographs.Contains(c) ||
      kCjkCompatibilityIdeographs.Contains(c) || kIdeographicPlanes.Contains(c))
    return CjkScript::kHan;
  return CjkScript::kNone;
}

bool BreaksWithoutSpace(char32_t c) {
  // Every block from the radicals to the unified ideographs: CJK symbols and
  // punctuation, kana, Bopomofo, enclosed and compatibility forms among them.
  return (c >= kCjkRadicals.first && c <= kCjkUnifiedIdeographs.last) ||
         kCjkCompatibilityIdeographs.Contains(c) || kHalfwidthAndFullwidthForms.Contains(c) ||
         (c >= kIdeographicPlanes.first && c <= kCjkCompatibilitySupplementLast);
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  // Neither whitespace nor a control: copied a run at a time.
  auto plain = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte > 0x20 && byte != 0x7F;
  };
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (space) {
      pending_space = !out.empty();
      ++i;
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      ++i;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    size_t run = i + 1;
    while (run < text.size() && plain(text[run])) ++run;
    out.append(text, i, run - i);
    i = run;
  }
  return out;
}

}  // namespace foyer
