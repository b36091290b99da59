#include "base/utf8.h"

#include <doctest/doctest.h>

#include <string>

namespace foyer {
namespace {

TEST_CASE("a UTF-8 byte order mark is skipped, and only at the start") {
  CHECK(SkipUtf8Bom("\xEF\xBB\xBF{\"schedule\"") == "{\"schedule\"");
  CHECK(SkipUtf8Bom("{\"schedule\"") == "{\"schedule\"");
  CHECK(SkipUtf8Bom("a\xEF\xBB\xBF") == "a\xEF\xBB\xBF");
  CHECK(SkipUtf8Bom("\xEF\xBB").size() == 2);
}

TEST_CASE("the first invalid byte is found wherever it falls among eight-byte words") {
  for (size_t at = 0; at < 20; ++at) {
    std::string text(24, 'a');
    text[at] = '\xFF';
    CAPTURE(at);
    CHECK(FindInvalidUtf8(text) == at);
  }
  CHECK(FindInvalidUtf8(std::string(17, 'a') + "caf\xC3\xA9 \xE2\x82\xAC" + std::string(9, 'b')) ==
        std::string_view::npos);
  CHECK(FindInvalidUtf8(std::string(16, 'a') + "\xE2\x82") == 16);  // cut short at the end
}

TEST_CASE("whitespace collapses to single spaces, controls go, the ends are trimmed") {
  CHECK(CollapseWhitespace("  Opening \t\r\n keynote\x01!\x7F  ") == "Opening keynote!");
  CHECK(CollapseWhitespace("\xD0\x90\xD1\x81\xD1\x82\xD0\xB0\xD0\xBD\xD0\xB0\n\f\v2025") ==
        "\xD0\x90\xD1\x81\xD1\x82\xD0\xB0\xD0\xBD\xD0\xB0 2025");
  CHECK(CollapseWhitespace(" \t ").empty());
  CHECK(CollapseWhitespace("a\x02 \x03" "b") == "a b");
}

TEST_CASE("CJK code points are told apart by script for choosing fonts") {
  CHECK(CjkScriptOf(U'한') == CjkScript::kHangul);
  CHECK(CjkScriptOf(0x1100) == CjkScript::kHangul);
  CHECK(CjkScriptOf(U'ひ') == CjkScript::kHiragana);
  CHECK(CjkScriptOf(U'カ') == CjkScript::kKatakana);
  CHECK(CjkScriptOf(U'ㇰ') == CjkScript::kKatakana);
  CHECK(CjkScriptOf(U'漢') == CjkScript::kHan);
  CHECK(CjkScriptOf(U'々') == CjkScript::kHan);
  CHECK(CjkScriptOf(0x20BB7) == CjkScript::kHan);
  CHECK(CjkScriptOf(U'。') == CjkScript::kNone);
  CHECK(CjkScriptOf(U'Қ') == CjkScript::kNone);
  CHECK(CjkScriptOf(U'a') == CjkScript::kNone);
}

TEST_CASE("lines break between ideographs and kana, but not inside Korean or Latin words") {
  CHECK(BreaksWithoutSpace(U'漢'));
  CHECK(BreaksWithoutSpace(U'ひ'));
  CHECK(BreaksWithoutSpace(U'。'));
  CHECK(BreaksWithoutSpace(U'Ａ'));  // full-width
  CHECK(BreaksWithoutSpace(0x2FA1F));
  CHECK_FALSE(BreaksWithoutSpace(0x2FA20));
  CHECK_FALSE(BreaksWithoutSpace(U'한'));
  CHECK_FALSE(BreaksWithoutSpace(U'a'));
}

TEST_CASE("a server's bytes are escaped for logs and JSON: UTF-8 kept, the rest as \\xNN") {
  CHECK(EscapeUnprintable("Зал Астана, 会议") == "Зал Астана, 会议");
  CHECK(EscapeUnprintable("ftp://127.0.0.1/\xff\xfe/x") == "ftp://127.0.0.1/\\xFF\\xFE/x");
  CHECK(EscapeUnprintable("a\r\nb\x1b[2J\x7f") == "a\\x0D\\x0Ab\\x1B[2J\\x7F");
  CHECK(EscapeUnprintable("\xc2\x9b") == "\\xC2\\x9B");           // C1 control (CSI)
  CHECK(EscapeUnprintable("\xe2\x82") == "\\xE2\\x82");           // cut short
  CHECK(EscapeUnprintable("\xed\xa0\x80") == "\\xED\\xA0\\x80");  // a surrogate
  const std::string once = EscapeUnprintable("\xff\\x");
  CHECK(EscapeUnprintable(once) == once);  // escaping twice changes nothing
  CHECK(IsValidUtf8(once));
}

}  // namespace
}  // namespace foyer
