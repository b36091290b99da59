#include "layout/shown_text.h"

#include <fribidi.h>

#include <algorithm>

namespace foyer {
namespace {

// Decodes the codepoint at text[pos] into c; returns its length in bytes. A
// byte that starts no well-formed sequence is one U+FFFD.
size_t NextCodepoint(std::string_view text, size_t pos, char32_t& c) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  size_t length = lead < 0x80             ? 1
                  : (lead & 0xE0) == 0xC0 ? 2
                  : (lead & 0xF0) == 0xE0 ? 3
                  : (lead & 0xF8) == 0xF0 ? 4
                                          : 0;
  c = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
  bool valid = length > 0 && pos + length <= text.size();
  for (size_t i = 1; valid && i < length; ++i) {
    valid = (byte(pos + i) & 0xC0) == 0x80;
    c = (c << 6) | (byte(pos + i) & 0x3F);
  }
  if (valid) return length;
  c = 0xFFFD;
  return 1;
}

bool IsAsciiSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Builds a ShownText one codepoint at a time.
class PrefixBuilder {
 public:
  PrefixBuilder(size_t max_clusters, Whitespace whitespace)
      : max_clusters_(max_clusters), collapse_(whitespace == Whitespace::kCollapse) {}

  // Adds codepoint c, whose UTF-8 is bytes; false (and nothing added) when c
  // would start a cluster beyond max_clusters.
  bool Add(std::string_view bytes, char32_t c) {
    if (collapse_ && IsAsciiSpace(c)) {
      pending_space_ = !shown_.text.empty();
      return true;
    }
    if (collapse_ && (c < 0x20 || c == 0x7F)) return true;
    const bool mark = IsCombiningMark(c) && shown_.clusters > 0 && !pending_space_;
    if (mark) {
      if (marks_ >= kMaxMarksPerBase) return true;
      ++marks_;
      shown_.text.append(bytes);
      return true;
    }
    if (shown_.clusters + (pending_space_ ? 2 : 1) > max_clusters_) return false;
    if (pending_space_) {
      shown_.text += ' ';
      ++shown_.clusters;
      pending_space_ = false;
    }
    shown_.text.append(bytes);
    ++shown_.clusters;
    marks_ = 0;
    return true;
  }
  ShownText Take(bool cut) {
    shown_.cut = cut;
    return std::move(shown_);
  }

 private:
  size_t max_clusters_;
  bool collapse_;
  bool pending_space_ = false;
  int marks_ = 0;
  ShownText shown_;
};

}  // namespace

size_t MaxClustersIn(int width, const TextStyle& style) {
  const int em = std::max(1, style.pixel_size);
  return static_cast<size_t>(std::max(0, width)) * kClustersPerEm / em + 1;
}

bool IsCombiningMark(char32_t c) {
  return c < 0x110000 && fribidi_get_bidi_type(c) == FRIBIDI_TYPE_NSM;
}

bool IsBidiControl(char32_t c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

ShownText ShownPrefix(std::string_view text, size_t max_clusters, Whitespace whitespace) {
  const size_t readable = ReadableBytes(max_clusters);
  PrefixBuilder builder(max_clusters, whitespace);
  size_t pos = 0;
  while (pos < text.size() && pos < readable) {
    char32_t c;
    size_t length = NextCodepoint(text, pos, c);
    if (!builder.Add(text.substr(pos, length), c)) return builder.Take(true);
    pos += length;
  }
  return builder.Take(pos < text.size());
}

std::vector<size_t> ClusterStarts(std::string_view text) {
  std::vector<size_t> starts;
  for (size_t pos = 0; pos < text.size();) {
    char32_t c;
    size_t length = NextCodepoint(text, pos, c);
    if (starts.empty() || !IsCombiningMark(c)) starts.push_back(pos);
    pos += length;
  }
  starts.push_back(text.size());
  return starts;
}

bool IsRightToLeft(std::string_view text) {
  // Rule P2 as fribidi_get_par_direction has it, stopping at the first strong letter.
  int open_isolates = 0;
  for (size_t pos = 0; pos < text.size();) {
    char32_t c;
    pos += NextCodepoint(text, pos, c);
    FriBidiCharType type = fribidi_get_bidi_type(c);
    if (type == FRIBIDI_TYPE_PDI) {
      if (open_isolates > 0) --open_isolates;
    } else if (FRIBIDI_IS_ISOLATE(type)) {
      ++open_isolates;
    } else if (open_isolates == 0 && FRIBIDI_IS_LETTER(type)) {
      return FRIBIDI_IS_RTL(type);
    }
  }
  return false;
}

}  // namespace foyer
