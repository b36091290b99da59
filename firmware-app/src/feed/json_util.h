// JSON helpers the JSON feed parsers share (internal to feed/): the
// order-keeping document type, error paths and liberal member access.
// Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/status.h"

namespace foyer::feed {

// ordered_json keeps object keys in document order: rooms are shown in the
// order the feed lists them.
using Json = nlohmann::ordered_json;

inline const char* TypeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    default:
      return "a number";
  }
}

// "schedule.conference.days[1]: message".
inline Status ErrorAt(const std::string& path, const std::string& message) {
  return Status::Error(path + ": " + message);
}

// The member `key` of an object, or null when absent (or when `object` is not one).
inline const Json* Member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

}  // namespace foyer::feed
