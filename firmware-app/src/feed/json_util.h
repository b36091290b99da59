// JSON helpers the JSON feed parsers share (internal to feed/): the
// order-keeping document type, error paths and liberal member access.
// Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/status.h"
#include "feed/nesting.h"
#include "feed/text.h"

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

// A problem at a JSON path: "schedule.conference.days[1]: message".
inline Status ErrorAt(const std::string& path, const std::string& message) {
  return Status::ErrorAt(path, message);
}

// The member `key` of an object, or null when absent (or when `object` is not one).
inline const Json* Member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// Parses the JSON document `bytes` (after a byte-order mark of `bom` bytes)
// into `root`; a syntax error names its byte, line and column. A document
// nested past kMostNesting is refused before any tree is built.
inline Status ParseJsonDocument(std::string_view bytes, size_t bom, Json& root) {
  if (Status deep = CheckJsonNesting(bytes); !deep.ok()) return deep;
  std::string_view text = bytes.substr(bom);
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& error) {
    // what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: why".
    std::string why = error.what();
    if (size_t column = why.find("column "); column != std::string::npos) {
      if (size_t colon = why.find(": ", column); colon != std::string::npos)
        why = why.substr(colon + 2);
    }
    size_t offset = error.byte == 0 ? 0 : error.byte - 1;
    if (offset > text.size()) offset = text.size();
    return Status::Error("not valid JSON at byte " + std::to_string(offset + bom) + " (" +
                         LineAndColumn(bytes, offset + bom) + "): " + why);
  } catch (const Json::exception& error) {
    return Status::Error(std::string("not valid JSON: ") + error.what());
  }
  return Status::Ok();
}

}  // namespace foyer::feed
