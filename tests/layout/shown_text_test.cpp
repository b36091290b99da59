// ShownPrefix and friends: how much of a text a line can show, read without
// reading the rest, and which way a paragraph reads.
#include "layout/shown_text.h"

#include <doctest/doctest.h>

#include "base/utf8.h"

namespace foyer {
namespace {

std::string Repeat(const std::string& piece, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST_CASE("a width holds at most twelve clusters per em") {
  CHECK(MaxClustersIn(600, TextStyle{10, FontWeight::kRegular}) == 721);
  CHECK(MaxClustersIn(0, TextStyle{10, FontWeight::kRegular}) == 1);
  CHECK(MaxClustersIn(-5, TextStyle{0, FontWeight::kBold}) == 1);
}

TEST_CASE("a prefix stops after max clusters and says that the text went on") {
  ShownText shown = ShownPrefix("Астана Think Tank", 6, Whitespace::kKeep);
  CHECK(shown.text == "Астана");
  CHECK(shown.clusters == 6);
  CHECK(shown.cut);
  ShownText whole = ShownPrefix("Астана", 6, Whitespace::kKeep);
  CHECK(whole.text == "Астана");
  CHECK_FALSE(whole.cut);
}

TEST_CASE("a prefix keeps at most three combining marks on a letter") {
  const std::string zalgo = "Z" + Repeat("\u0301\u0316", 15) + "a" + Repeat("\u0300", 30) + "l";
  ShownText shown = ShownPrefix(zalgo, 10, Whitespace::kKeep);
  CHECK(shown.text == "Z\u0301\u0316\u0301a\u0300\u0300\u0300l");
  CHECK(shown.clusters == 3);
  CHECK_FALSE(shown.cut);
  // Arabic harakat and Hebrew points are marks too; two on a letter are kept.
  CHECK(ShownPrefix("مُؤْتَمَرٌ", 20, Whitespace::kKeep).text == "مُؤْتَمَرٌ");
  CHECK(ShownPrefix("שָׁלוֹם", 20, Whitespace::kKeep).text == "שָׁלוֹם");
}

TEST_CASE("a prefix of marks or spaces alone is read no further than its bytes allow") {
  // A megabyte of marks on one letter: the "b" after them is never reached.
  const std::string marks = "a" + Repeat("\u0301", 1 << 19) + "b";
  ShownText shown = ShownPrefix(marks, 10, Whitespace::kKeep);
  CHECK(shown.text == "a\u0301\u0301\u0301");
  CHECK(shown.cut);
  ShownText spaces = ShownPrefix("x" + std::string(1 << 20, ' ') + "y", 10, Whitespace::kCollapse);
  CHECK(spaces.text == "x");
  CHECK(spaces.cut);
  CHECK(ReadableBytes(10) < 2048);
}

TEST_CASE("collapsing whitespace in a prefix does what CollapseWhitespace does") {
  for (const char* text : {"  Water \t security\n\nin  Central Asia ", "\x01tab\there\x7f", "",
                           "   ", "한국–중앙아시아  협력", "a\r\nb"}) {
    CAPTURE(text);
    ShownText shown = ShownPrefix(text, 1000, Whitespace::kCollapse);
    CHECK(shown.text == CollapseWhitespace(text));
    CHECK_FALSE(shown.cut);
  }
  ShownText cut = ShownPrefix("one  two   three", 5, Whitespace::kCollapse);
  CHECK(cut.text == "one t");  // the space is the fourth cluster, "t" the fifth
  CHECK(cut.cut);
}

TEST_CASE("clusters start at letters, not at the marks on them") {
  const std::string text = "e\u0301a";  // 1 + 2 + 1 bytes
  CHECK(ClusterStarts(text) == std::vector<size_t>{0, 3, 4});
  CHECK(ClusterStarts("") == std::vector<size_t>{0});
  CHECK(ClusterStarts("\u0301x") == std::vector<size_t>{0, 2, 3});
}

TEST_CASE("a paragraph reads right to left when its first strong letter does") {
  CHECK_FALSE(IsRightToLeft("Water security المائي"));
  CHECK(IsRightToLeft("الأمن المائي and water"));
  CHECK(IsRightToLeft("2025: ביטחון מים"));  // digits and punctuation are not strong
  CHECK(IsRightToLeft("\u200F2025"));        // RLM is
  CHECK_FALSE(IsRightToLeft("\u2068الأمن\u2069 — Hall B"));  // isolates are skipped
  CHECK_FALSE(IsRightToLeft("\u2068الأمن\u2069"));
  CHECK_FALSE(IsRightToLeft(""));
  CHECK(IsCombiningMark(0x0301));
  CHECK(IsCombiningMark(0x064E));  // fatha
  CHECK_FALSE(IsCombiningMark('a'));
  CHECK(IsBidiControl(0x202E));
  CHECK_FALSE(IsBidiControl(0x200D));  // ZWJ joins Arabic letters: not a bidi control
}

}  // namespace
}  // namespace foyer
