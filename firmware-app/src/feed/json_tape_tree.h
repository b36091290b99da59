// A tape's value (feed/json_tape.h) as nlohmann's tree, for the tests and the
// fuzzer that check the tape reads every document as nlohmann does. Not used
// by foyer itself: the point of the tape is not to build this tree.
#pragma once

#include <nlohmann/json.hpp>

#include "feed/json_tape.h"

namespace foyer::feed {

inline nlohmann::ordered_json AsJsonTree(const JsonValue& value) {
  using Json = nlohmann::ordered_json;
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
      value.ForEachElement([&](const JsonValue& element) { array.push_back(AsJsonTree(element)); });
      return array;
    }
    case JsonValue::Type::kObject: {
      Json object = Json::object();
      value.ForEachMember([&](const std::string& key, const JsonValue& member) {
        object[key] = AsJsonTree(member);
      });
      return object;
    }
  }
  return nullptr;
}

}  // namespace foyer::feed
