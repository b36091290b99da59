// The description of a session's fields (model/session_fields.h) is whole
// and consistent: every member of Session in it once, each with a column, a
// source and --print keys that fit together.
#include "model/session_fields.h"

#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "support/session_fields.h"

namespace foyer {
namespace {

TEST_CASE("the description lists every member of Session once, in declaration order") {
  Session session;
  // A member added to Session (or SessionChange) stops these bindings from
  // compiling: describe it in model/session_fields.h, then add it here.
  auto& [guid, feed_id, room, title, subtitle, start, end, utc_offset, speakers, track, track_color,
         language, type, url, abstract, previous, cancelled] = session;
  auto& [previous_start, previous_end, previous_room, previous_title] = previous;
  const std::vector<const void*> members = {
      &guid,       &feed_id,        &room,         &title,         &subtitle,       &start,    &end,
      &utc_offset, &speakers,       &track,        &track_color,   &language,       &type,     &url,
      &abstract,   &previous_start, &previous_end, &previous_room, &previous_title, &cancelled};
  std::vector<const void*> described;
  ForEachSessionField(session,
                      [&](const SessionField&, auto& value) { described.push_back(&value); });
  CHECK(described == members);
}

TEST_CASE("every field has its own name, and its own cache column but the speakers") {
  std::set<std::string> names, columns;
  for (const SessionField& field : SessionFields()) {
    INFO(std::string(field.name));
    CHECK(names.insert(field.name).second);
    if (std::string(field.name) == "speakers") {
      CHECK(field.column == nullptr);  // the speakers table holds them, one row a name
    } else {
      REQUIRE(field.column != nullptr);
      CHECK(columns.insert(field.column).second);
    }
  }
}

TEST_CASE("a field --print shows has its keys, and one it never shows has none") {
  for (const SessionField& field : SessionFields()) {
    INFO(std::string(field.name));
    if (field.shown == PrintShown::kNever) {
      CHECK(field.print_keys[0] == nullptr);
    } else {
      CHECK(field.print_keys[0] != nullptr);
    }
    if (field.print_keys[0] == nullptr) CHECK(field.print_keys[1] == nullptr);
  }
}

TEST_CASE("the sample session of the tests sets every field") {
  for (const testing::FieldValue& value : testing::FieldValues(testing::EveryFieldSet())) {
    INFO(std::string(value.field.name));
    CHECK_FALSE(value.is_default);
  }
}

TEST_CASE("the feed's texts are every text field a feed sets, speakers included") {
  Session session = testing::EveryFieldSet();
  ForEachFeedText(session, [](std::string& text) { text = "visited"; });
  ForEachSessionField(session, [](const SessionField& field, const auto& value) {
    INFO(std::string(field.name));
    using Value = std::decay_t<decltype(value)>;
    const bool from_feed = field.source == FieldSource::kFeed;
    if constexpr (std::is_same_v<Value, std::string>) CHECK((value == "visited") == from_feed);
    if constexpr (std::is_same_v<Value, std::optional<std::string>>) CHECK(*value != "visited");
    if constexpr (std::is_same_v<Value, std::vector<std::string>>) {
      CHECK(from_feed);
      for (const std::string& text : value) CHECK(text == "visited");
    }
  });
}

}  // namespace
}  // namespace foyer
