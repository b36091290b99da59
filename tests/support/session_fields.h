// Test helpers over model/session_fields.h: a session with every field set,
// and each field of a session as text, so a test can compare two sessions
// field by field and name the field that differs.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/session_fields.h"

namespace foyer::testing {

// A session whose every field holds something other than its default, with
// values a schedule.json round trip keeps: a UUID guid, a numeric id, an
// absolute url, whole minutes. A field added to Session needs a value here
// (tests/model checks that every field has one).
inline Session EveryFieldSet() {
  Session session;
  session.guid = "7f0c2a52-0000-4000-8000-0000000000a1";
  session.feed_id = "41";
  session.room = "Main Hall";
  session.title = "Ашылу сөзі / Opening address";
  session.subtitle = "Welcome from the organizers";
  session.start = 1760504400;  // 2025-10-15T10:00:00+05:00
  session.end = session.start + 1800;
  session.utc_offset = 5 * 3600;
  session.speakers = {"Magzum Mirzagaliyev", "Rhee Jong-kook"};
  session.track = "Plenary";
  session.track_color = "#1f6feb";
  session.language = "kk";
  session.type = "Opening";
  session.url = "https://forum.example.kz/talk/41/";
  session.abstract = "The forum opens.";
  session.previous.start = session.start - 3600;
  session.previous.end = session.end - 3600;
  session.previous.room = "Hall A";
  session.previous.title = "Opening";
  session.cancelled = true;
  return session;
}

template <typename Value>
std::string FieldText(const Value& value) {
  if constexpr (std::is_same_v<Value, std::string>) {
    return "\"" + value + "\"";
  } else if constexpr (std::is_same_v<Value, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_integral_v<Value>) {
    return std::to_string(value);
  } else if constexpr (std::is_same_v<Value, std::vector<std::string>>) {
    std::string text = "[";
    for (const std::string& item : value) text += (text.size() > 1 ? ", " : "") + FieldText(item);
    return text + "]";
  } else {
    return value ? FieldText(*value) : "null";  // an optional
  }
}

// True when `value` is its type's default (empty, zero, false, no value).
template <typename Value>
bool IsDefault(const Value& value) {
  return value == Value{};
}

struct FieldValue {
  SessionField field;
  std::string text;
  bool is_default;
};

// Every field of `session`, in the description's order.
inline std::vector<FieldValue> FieldValues(const Session& session) {
  std::vector<FieldValue> values;
  ForEachSessionField(session, [&](const SessionField& field, const auto& value) {
    values.push_back({field, FieldText(value), IsDefault(value)});
  });
  return values;
}

}  // namespace foyer::testing
