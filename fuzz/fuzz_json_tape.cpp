// The JSON tape against nlohmann::ordered_json on any UTF-8 bytes: both take
// the same documents, and read them into the same values, in the same order
// (schedule.json's reader relies on it; tests/feed/json_tape_test.cpp has the cases).
#include <nlohmann/json.hpp>

#include "feed/json_tape.h"
#include "feed/nesting.h"
#include "fuzz_common.h"

namespace {

using Json = nlohmann::ordered_json;
using foyer::feed::JsonValue;

Json AsJson(const JsonValue& value) {
  switch (value.type()) {
    case JsonValue::Type::kNull:
      return nullptr;
    case JsonValue::Type::kBoolean:
      return value.raw() == "true";
    case JsonValue::Type::kNumber:
      return Json::parse(value.raw());
    case JsonValue::Type::kString:
      return value.String();
    case JsonValue::Type::kArray: {
      Json array = Json::array();
      value.ForEachElement([&](const JsonValue& element) { array.push_back(AsJson(element)); });
      return array;
    }
    case JsonValue::Type::kObject: {
      Json object = Json::object();
      value.ForEachMember(
          [&](const std::string& key, const JsonValue& member) { object[key] = AsJson(member); });
      return object;
    }
  }
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = foyer::fuzz::AsText(data, size);
  if (!foyer::IsValidUtf8(text)) return 0;  // the tape's precondition
  auto tape = foyer::feed::JsonTape::Parse(text, foyer::feed::kMostNesting);
  // nlohmann::json is asked only about what is not nested too deep for either.
  if (!foyer::feed::CheckJsonNesting(text).ok()) {
    foyer::fuzz::Check(!tape || tape->ended_at_nul(), "the tape refuses what is nested too deep");
    return 0;
  }
  Json expected;
  bool valid = true;
  try {
    expected = Json::parse(text);
  } catch (const Json::exception&) {
    valid = false;
  }
  foyer::fuzz::Check(tape.has_value() == valid, "the tape takes what nlohmann::json takes");
  if (tape && valid)
    foyer::fuzz::Check(AsJson(tape->root()).dump() == expected.dump(),
                       "the tape reads what nlohmann::json reads");
  return 0;
}
