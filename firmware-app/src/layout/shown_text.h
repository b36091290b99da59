// ShownText: how much of a text a screen line can show, found without reading
// the rest of it, so that the cost of a frame is bounded by the panel and not by
// the feed (a 1 MB title, 10,000 speakers). Layout measures, wraps and
// ellipsizes only these prefixes; render bounds what it rasterizes the same way.
//
// A cluster is a character with the combining marks that follow it. No visible
// cluster is narrower than 1/kClustersPerEm of an em, so a width holds at most
// MaxClustersIn(width, style) of them; text beyond that cannot be shown. At most
// kMaxMarksPerBase marks are kept on one character ("Zalgo" text stacks dozens),
// so a line's ink stays near its line box.
//
// Also the direction of a paragraph (the Unicode bidirectional algorithm's rule
// P2, through FriBidi). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "layout/display_list.h"

namespace foyer {

inline constexpr int kMaxMarksPerBase = 3;
inline constexpr int kClustersPerEm = 12;
// Bytes read per cluster a prefix may hold, so text of nothing but marks or
// spaces is not read to its end either.
inline constexpr size_t kMaxBytesPerCluster = 128;
// The most bytes ShownPrefix reads for max_clusters clusters.
inline constexpr size_t ReadableBytes(size_t max_clusters) {
  return kMaxBytesPerCluster * (max_clusters + 1);
}

// Invisible controls of the bidirectional algorithm: LRM, RLM, ALM, the
// embeddings and overrides (LRE…RLO, PDF) and the isolates (LRI…PDI).
inline constexpr char kLeftToRightMark[] = "\u200E";
inline constexpr char kRightToLeftMark[] = "\u200F";
inline constexpr char kFirstStrongIsolate[] = "\u2068";
inline constexpr char kPopDirectionalIsolate[] = "\u2069";

// An upper bound on the clusters of style that fit in width (at least 1).
size_t MaxClustersIn(int width, const TextStyle& style);

// A nonspacing or enclosing combining mark (bidi class NSM): accents, Arabic
// harakat, Hebrew points, variation selectors.
bool IsCombiningMark(char32_t c);
bool IsBidiControl(char32_t c);

enum class Whitespace {
  kKeep,      // bytes as they are
  kCollapse,  // as CollapseWhitespace: runs of ASCII whitespace become one space,
              // C0 controls and DEL are dropped, both ends trimmed
};

struct ShownText {
  std::string text;     // UTF-8, cut at a cluster boundary
  size_t clusters = 0;  // in text
  bool cut = false;     // the input went on beyond text (more clusters, or unread bytes)
};

// The start of text: at most max_clusters clusters, each with at most
// kMaxMarksPerBase marks. Reads at most ReadableBytes(max_clusters) bytes of
// text. Invalid UTF-8 bytes are kept as they are, one cluster each.
ShownText ShownPrefix(std::string_view text, size_t max_clusters, Whitespace whitespace);

// Byte offsets at which each cluster of text starts, then text.size().
std::vector<size_t> ClusterStarts(std::string_view text);

// True when the first strong letter of text, isolates skipped, is
// right-to-left (Hebrew, Arabic, …): the paragraph reads right to left.
bool IsRightToLeft(std::string_view text);

}  // namespace foyer
