// The JSON tape must read every document exactly as nlohmann::ordered_json
// does (schedule.json's reader moved from one to the other, and the cache
// and --print must not change): the same documents valid, the same values,
// the same key order and duplicate keys resolved the same way.
#include "feed/json_tape.h"
#include "feed/json_tape_tree.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/files.h"

namespace foyer {
namespace {

using feed::JsonTape;
using feed::JsonValue;
using Json = nlohmann::ordered_json;


// Whether nlohmann::json takes `text`, and the tape agrees; the tape's value when it does.
Json ReadBoth(const std::string& text, bool& valid) {
  Json expected;
  try {
    expected = Json::parse(text);
    valid = true;
  } catch (const Json::exception&) {
    valid = false;
  }
  auto tape = JsonTape::Parse(text, 64);
  CHECK(tape.has_value() == valid);
  if (!tape || !valid) return nullptr;
  Json got = feed::AsJsonTree(tape->root());
  CHECK(got == expected);
  CHECK(got.dump() == expected.dump());  // key order too
  return got;
}

TEST_CASE("the tape reads every real JSON feed as nlohmann::json does") {
  for (const char* name : {"voc-36c3-everything.schedule.json", "voc-39c3-everything.schedule.json",
                           "frab-36c3.schedule.json", "frab-camp2019.schedule.json",
                           "frab-klimacamp2015.schedule.json", "pretalx-democon-2020.schedule.json",
                           "pretalx-rc3-channels-2020.schedule.json",
                           "indico-xdc2021-event-export.json", "c3voc-schedule-schema.json"}) {
    CAPTURE(name);
    bool valid = false;
    ReadBoth(testing::ReadFile(testing::RealFeed(name)), valid);
    CHECK(valid);
  }
}

TEST_CASE("the tape takes and refuses the same small documents as nlohmann::json") {
  const std::vector<std::string> documents = {
      // valid
      "{}", "[]", " \t\r\n[1, -2, 0, -0, 3.25, 1e3, 1E-2, 2.5e+10, 18446744073709551616]",
      R"({"a": "x\"y\\z\/\b\f\n\r\t\u00e9\u20AC\ud83d\ude00\u0000"})",
      R"({"k": true, "l": false, "m": null, "n": [[], {}, [{}]]})", "\"just a string\"", "42",
      std::string("{\"a\": 1}\0 trailing [[[ garbage", 30), "\xEF\xBB\xBF{\"bom\": 1}",
      "{\"a\": 1, \"b\": 2, \"a\": 3}",       // a repeated key: its first place, last value
      "{\"\\u0061\": 1, \"a\": 2}",           // the same key, escaped once
      "{\"caf\xC3\xA9\": \"\xE2\x82\xAC\"}",  // UTF-8 as it is
      // invalid
      "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{1: 2}", "[01]", "[1.]", "[.5]",
      "[1e]", "[-]", "[+1]", "[tru]", "[nul]", "[True]", "\"unterminated", "\"tab\there\"",
      "\"\\x\"", "\"\\u12\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "[1] [2]",
      "{\"a\":1}}", "[1 2]", "/* comment */ 1", "[NaN]", "[Infinity]", "'single'",
      // numbers past a double: refused ("number overflow"); below it, zero
      "[1e999]", "[-1.5E+400]", "[1" + std::string(400, '0') + "]", "[1e-999]", "[0.0e999]",
      "[1.7976931348623157e308]", "[1.7976931348623159e308]", "[18446744073709551616]"};
  for (const std::string& document : documents) {
    CAPTURE(document);
    bool valid = false;
    ReadBoth(document, valid);
  }
}

TEST_CASE("a repeated key is found with its last value, at its first place") {
  auto tape = JsonTape::Parse(R"({"b": 0, "a": 1, "b": 2})", 64);
  REQUIRE(tape);
  CHECK(tape->root().Member("b")->raw() == "2");
  std::vector<std::string> keys;
  tape->root().ForEachMember(
      [&](const std::string& key, const JsonValue&) { keys.push_back(key); });
  CHECK(keys == std::vector<std::string>{"b", "a"});
  CHECK(tape->root().size() == 3);
}

TEST_CASE("text without escapes is a view of the document; with them, unescaped") {
  const std::string document = R"(["plain", "with \"quotes\""])";
  auto tape = JsonTape::Parse(document, 64);
  REQUIRE(tape);
  std::vector<std::string_view> texts;
  std::string storage;
  tape->root().ForEachElement([&](const JsonValue& value) {
    std::string_view text = value.Text(storage);
    if (texts.empty()) CHECK(text.data() == document.data() + 2);
    texts.push_back(text);
  });
  REQUIRE(texts.size() == 2);
  CHECK(texts[0] == "plain");
  CHECK(texts[1] == "with \"quotes\"");
}

TEST_CASE("the tape refuses a document nested deeper than it is told, and takes one as deep") {
  CHECK(JsonTape::Parse(std::string(3, '[') + std::string(3, ']'), 3));
  CHECK_FALSE(JsonTape::Parse(std::string(4, '[') + std::string(4, ']'), 3));
  CHECK_FALSE(JsonTape::Parse(R"({"a": {"b": {"c": [1]}}})", 3));
  CHECK_FALSE(JsonTape::Parse(std::string(100000, '['), 64));
}

TEST_CASE("a NUL byte ends the document, as it does for nlohmann::json") {
  auto tape = JsonTape::Parse(std::string("[1]\0[", 5), 64);
  REQUIRE(tape);
  CHECK(tape->ended_at_nul());
  CHECK_FALSE(JsonTape::Parse("[1]", 64)->ended_at_nul());
}

}  // namespace
}  // namespace foyer
