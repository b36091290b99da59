#include "base/utf8.h"

#include <doctest/doctest.h>

namespace foyer {
namespace {

TEST_CASE("a UTF-8 byte order mark is skipped, and only at the start") {
  CHECK(SkipUtf8Bom("\xEF\xBB\xBF{\"schedule\"") == "{\"schedule\"");
  CHECK(SkipUtf8Bom("{\"schedule\"") == "{\"schedule\"");
  CHECK(SkipUtf8Bom("a\xEF\xBB\xBF") == "a\xEF\xBB\xBF");
  CHECK(SkipUtf8Bom("\xEF\xBB").size() == 2);
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

}  // namespace
}  // namespace foyer
