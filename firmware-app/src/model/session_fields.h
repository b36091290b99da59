// Every field of a Session, described once: its name, the cache column that
// keeps it, who sets it (a feed, or the sync) and the keys `foyer --print`
// shows it under. Code that handles every field walks this description
// instead of naming the fields one by one: the cache's INSERT and SELECT
// (store/), the UTF-8 clean-up of what a feed gave (feed/). What cannot walk
// it is checked against it by tests: the cache's CREATE TABLE (tests/store),
// the schedule.json writer (tests/feed), --print (tests/app), and that every
// member of Session is here (tests/model). Adding a field to Session is one
// line here, plus its uses.
// Thread-safe: constant descriptions and pure functions.
#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "model/schedule.h"

namespace foyer {

// Who sets a field.
enum class FieldSource {
  kFeed,  // the feed readers; the schedule.json writer writes it
  kSync,  // only the sync, comparing a feed update with the cache (sync/changes)
};

// When `foyer --print` has a field's keys in a session's object.
enum class PrintShown {
  kNever,
  kAlways,
  kWhenSet,  // an optional that holds a value, a flag that is true
};

struct SessionField {
  const char* name;    // the member, as code names it: "track_color", "previous.start"
  const char* column;  // in the cache's sessions table; null: the speakers table holds it
  FieldSource source;
  PrintShown shown;
  // The keys --print shows the field under (the start gives the date and the
  // time); null past the last, and both null when never shown.
  const char* print_keys[2];
};

// Calls visit(field, member) for every member of `session` (Session or const
// Session), nested ones too, in the order Session declares them; `member` is
// a reference of the member's own type, const when `session` is.
template <typename SessionType, typename Visit>
void ForEachSessionField(SessionType& session, Visit&& visit) {
  using enum FieldSource;
  using enum PrintShown;
  visit(SessionField{"guid", "guid", kFeed, kNever, {}}, session.guid);
  visit(SessionField{"feed_id", "feed_id", kFeed, kNever, {}}, session.feed_id);
  visit(SessionField{"room", "room", kFeed, kAlways, {"room"}}, session.room);
  visit(SessionField{"title", "title", kFeed, kAlways, {"title"}}, session.title);
  visit(SessionField{"subtitle", "subtitle", kFeed, kNever, {}}, session.subtitle);
  visit(SessionField{"start", "start", kFeed, kAlways, {"date", "start"}}, session.start);
  visit(SessionField{"end", "end", kFeed, kAlways, {"end"}}, session.end);
  visit(SessionField{"utc_offset", "utc_offset", kFeed, kNever, {}}, session.utc_offset);
  visit(SessionField{"speakers", nullptr, kFeed, kAlways, {"speakers"}}, session.speakers);
  visit(SessionField{"track", "track", kFeed, kAlways, {"track"}}, session.track);
  visit(SessionField{"track_color", "track_color", kFeed, kNever, {}}, session.track_color);
  visit(SessionField{"language", "language", kFeed, kAlways, {"language"}}, session.language);
  visit(SessionField{"type", "type", kFeed, kNever, {}}, session.type);
  visit(SessionField{"url", "url", kFeed, kAlways, {"url"}}, session.url);
  visit(SessionField{"abstract", "abstract", kFeed, kNever, {}}, session.abstract);
  visit(SessionField{"previous.start", "previous_start", kSync, kWhenSet, {"changed"}},
        session.previous.start);
  visit(SessionField{"previous.end", "previous_end", kSync, kWhenSet, {"changed"}},
        session.previous.end);
  visit(SessionField{"previous.room", "previous_room", kSync, kWhenSet, {"changed"}},
        session.previous.room);
  visit(SessionField{"previous.title", "previous_title", kSync, kWhenSet, {"changed"}},
        session.previous.title);
  visit(SessionField{"cancelled", "cancelled", kSync, kWhenSet, {"cancelled"}}, session.cancelled);
}

// The descriptions alone, in ForEachSessionField's order.
inline std::vector<SessionField> SessionFields() {
  std::vector<SessionField> fields;
  const Session session;
  ForEachSessionField(session,
                      [&](const SessionField& field, const auto&) { fields.push_back(field); });
  return fields;
}

// Calls visit(text) for every text a feed gives a session (each speaker's
// name among them), as a std::string& to change in place.
template <typename Visit>
void ForEachFeedText(Session& session, Visit&& visit) {
  ForEachSessionField(session, [&](const SessionField& field, auto& value) {
    using Value = std::decay_t<decltype(value)>;
    if (field.source != FieldSource::kFeed) return;
    if constexpr (std::is_same_v<Value, std::string>) visit(value);
    if constexpr (std::is_same_v<Value, std::vector<std::string>>)
      for (std::string& text : value) visit(text);
  });
}

}  // namespace foyer
