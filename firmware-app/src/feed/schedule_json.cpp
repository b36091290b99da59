// schedule.json (frab / pretalx / c3voc, version 1 of the c3voc schema) → Schedule.
//
// The walk: check the bytes are UTF-8, read them onto a JSON tape (feed/json_tape.h:
// nothing copied until a field is read), then read
// schedule.conference.days[].rooms[KEY][] — one Session per
// entry, in feed order, the room being the KEY it is listed under. Each
// session's instant comes from its own `date` (which must carry a UTC offset);
// its end is that plus `duration`. Real feeds break the schema in many small
// ways (see tests/data/feeds/SOURCES.md), so optional text fields accept
// any JSON type; only what places a session in time or space is required, and
// every error names its place as a path, e.g.
//   schedule.conference.days[1].rooms["Hall A"][3].date: not a date and time …
// A document the tape refuses is parsed again by nlohmann::json for the reason
// (ParseJsonDocument), so every error reads as it always has.

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/time.h"
#include "base/utf8.h"
#include "feed/feed.h"
#include "feed/json_tape.h"
#include "feed/json_util.h"
#include "feed/text.h"

namespace foyer {
namespace {

using feed::LineAndColumn;
using feed::Quote;

using feed::ErrorAt;
using feed::Json;
using feed::JsonTape;
using Value = feed::JsonValue;
using Maybe = std::optional<feed::JsonValue>;

const char* TypeName(const Value& value) {
  switch (value.type()) {
    case Value::Type::kNull:
      return "null";
    case Value::Type::kObject:
      return "an object";
    case Value::Type::kArray:
      return "an array";
    case Value::Type::kString:
      return "a string";
    case Value::Type::kBoolean:
      return "a boolean";
    case Value::Type::kNumber:
      break;
  }
  return "a number";
}

Maybe Member(const Value& object, const char* key) { return object.Member(key); }

// A number as nlohmann::json reads it (integer, unsigned or float): the rare
// path, for numbers other than plain small integers.
Json NumberOf(const Value& value) { return Json::parse(value.raw()); }

// A number's text as nlohmann::json gave it: integers in decimal, floats as dump() writes them.
std::string NumberText(const Value& value) {
  std::string_view raw = value.raw();
  std::string_view digits = raw.substr(raw[0] == '-' ? 1 : 0);
  bool plain = !digits.empty() && digits.size() <= 18 && (digits[0] != '0' || raw.size() == 1) &&
               digits.find_first_not_of("0123456789") == std::string_view::npos;
  if (plain) return std::string(raw);  // what std::to_string of its value writes
  Json number = NumberOf(value);
  if (number.is_number_integer()) return std::to_string(number.get<std::int64_t>());
  if (number.is_number_unsigned()) return std::to_string(number.get<std::uint64_t>());
  return number.dump();
}

// Any JSON value as text: strings as they are, numbers as written, null and
// booleans as nothing, a list of strings joined by ", " (a `language` list),
// an object by its "name". Liberal on purpose: optional fields never fail.
// Returns a view of the text, into the document or `storage`.
std::string_view TextOf(const Maybe& value, std::string& storage) {
  if (!value) return {};
  switch (value->type()) {
    case Value::Type::kString:
      return value->Text(storage);
    case Value::Type::kNumber:
      return storage = NumberText(*value);
    case Value::Type::kArray: {
      std::string joined, item_storage;
      value->ForEachElement([&](const Value& item) {
        std::string_view text = TextOf(item, item_storage);
        if (text.empty()) return;
        if (!joined.empty()) joined += ", ";
        joined += text;
      });
      return storage = std::move(joined);
    }
    case Value::Type::kObject:
      return TextOf(Member(*value, "name"), storage);
    default:
      return {};
  }
}

// One-line text for a screen: whitespace collapsed, C0 controls dropped, trimmed.
std::string LineOf(const Maybe& value) {
  std::string storage;
  return CollapseWhitespace(TextOf(value, storage));
}

std::string ParagraphsOf(const Maybe& value) {
  std::string storage;
  return feed::Paragraphs(TextOf(value, storage));
}
std::string ColorOf(const Maybe& value) { return feed::NormalizeColor(LineOf(value)); }

// A duration in seconds from every shape real feeds use: "01:30", "1:30",
// "6:59", "00:00", "01:30:00", a number of minutes (90 or "90"), or ISO 8601
// "PT1H30M".
Result<std::int64_t> ParseDuration(const Value& value) {
  if (value.is_number()) {
    Json number = NumberOf(value);
    double minutes = number.get<double>();
    if (!(minutes >= 0 && minutes < 1e7))
      return Status::Error("not a duration: " + number.dump() + " (expected minutes >= 0)");
    return static_cast<std::int64_t>(std::llround(minutes * 60));
  }
  std::string storage;
  const std::string_view written = value.Text(storage);
  auto bad = Status::Error("not a duration (expected \"HH:MM\", \"HH:MM:SS\" or minutes): " +
                           (value.is_string() ? Quote(written) : std::string(TypeName(value))));
  if (!value.is_string()) return bad;
  std::string text = CollapseWhitespace(written);
  if (auto iso = feed::ParseIsoDuration(text); iso && *iso >= 0) return *iso;  // "PT1H30M"
  if (auto clock = feed::ParseClock(text, true)) return *clock;  // "01:30", or "90" minutes
  return bad;
}

// Reads schedule.conference into a Schedule, keeping the track colors and the
// room index it needs on the way. Every `path` argument names the JSON value read.
class Reader {
 public:
  Reader(Schedule& schedule, const FeedOptions& options) : schedule_(schedule), options_(options) {}

  Status ReadConference(const Value& conference, const std::string& path) {
    schedule_.title = LineOf(Member(conference, "title"));
    schedule_.acronym = LineOf(Member(conference, "acronym"));
    schedule_.time_zone_name = LineOf(Member(conference, "time_zone_name"));

    if (Maybe tracks = Member(conference, "tracks"); tracks && tracks->is_array()) {
      tracks->ForEachElement([&](const Value& track) {
        std::string name = LineOf(Member(track, "name"));
        std::string color = ColorOf(Member(track, "color"));
        if (!name.empty() && !color.empty()) track_colors_.emplace(name, color);
      });
    }
    if (Maybe rooms = Member(conference, "rooms"); rooms && rooms->is_array()) {
      rooms->ForEachElement([&](const Value& room) {
        if (room.is_string()) {
          rooms_.Add(LineOf(room), "");
        } else {
          rooms_.Add(LineOf(Member(room, "name")), LineOf(Member(room, "slug")));
        }
      });
    }

    Maybe days = Member(conference, "days");
    std::string days_path = path + ".days";
    if (!days) return ErrorAt(days_path, "missing: a schedule.json lists its sessions here");
    if (!days->is_array())
      return ErrorAt(days_path, std::string("not a list of days (it is ") + TypeName(*days) + ")");
    size_t d = 0;
    days->ForEachElement([&](const Value& day) {
      problems_.Add(ReadDay(day, days_path + "[" + std::to_string(d++) + "]"));
    });
    return problems_.ToStatus();
  }

 private:
  Status ReadDay(const Value& day, const std::string& path) {
    if (!day.is_object())
      return ErrorAt(path, std::string("not a day (it is ") + TypeName(day) + ", not an object)");
    Maybe rooms = Member(day, "rooms");
    if (!rooms || rooms->is_null()) return Status::Ok();
    if (!rooms->is_object())
      return ErrorAt(path + ".rooms",
                     std::string("not an object of rooms (it is ") + TypeName(*rooms) + ")");
    // For events without a "date" of their own (frab's exports of 2013): the
    // day's date, and its start, before which a time belongs to the next day.
    DayContext context;
    if (auto date = ParseIsoDate(LineOf(Member(day, "date"))); date.ok()) context.date = *date;
    if (auto start = ParseIsoInstant(LineOf(Member(day, "day_start"))); start.ok()) {
      UnixSeconds local = start->utc + (start->has_offset ? start->offset_seconds : 0);
      context.start_second = ((local % 86400) + 86400) % 86400;
      if (start->has_offset) context.offset = start->offset_seconds;
    }
    rooms->ForEachMember([&](const std::string& key, const Value& entries) {
      std::string room_path = path + ".rooms[" + Quote(key) + "]";
      std::string room = CollapseWhitespace(key);
      rooms_.Add(room, "");
      if (entries.is_null()) return;
      if (!entries.is_array()) {
        problems_.Add(ErrorAt(
            room_path, std::string("not a list of events (it is ") + TypeName(entries) + ")"));
        return;
      }
      size_t i = 0;
      entries.ForEachElement([&](const Value& event) {
        problems_.Add(ReadEvent(event, room, context, room_path + "[" + std::to_string(i++) + "]"),
                      kSetClockTimezone);
      });
    });
    return Status::Ok();
  }

  struct DayContext {
    std::optional<CivilDate> date;
    UnixSeconds start_second = 0;  // the day's start as a time of day
    std::optional<int> offset;     // day_start's UTC offset
  };

  // An event without "date": the day's date and its "start", at the day's
  // offset or in clock.timezone (which wins, as for schedule.xml).
  Result<std::pair<UnixSeconds, int>> PlaceByDay(const Value& event, const DayContext& day,
                                                 const std::string& path) {
    std::string start_text = LineOf(Member(event, "start"));
    UnixSeconds second = 0;
    auto time = ParseIsoInstant("1970-01-01T" + start_text + "Z");
    if (!day.date || start_text.empty() || !time.ok())
      return ErrorAt(path + ".date",
                     "missing: every event needs its date and time with a UTC offset");
    second = time->utc;
    std::int64_t days = DaysFromCivil(*day.date) + (second < day.start_second ? 1 : 0);
    UnixSeconds local = days * 86400 + second;
    if (options_.floating_zone != nullptr) {
      UnixSeconds utc = options_.floating_zone->LocalToUtc(local);
      return std::make_pair(utc, options_.floating_zone->OffsetAt(utc));
    }
    if (day.offset) return std::make_pair(local - *day.offset, *day.offset);
    return ErrorAt(path + ".date", "missing, and the day's date with \"start\" " +
                                       Quote(start_text) +
                                       " has no UTC offset: " + std::string(kSetClockTimezone) +
                                       " to the venue's time zone");
  }

  Status ReadEvent(const Value& event, const std::string& room, const DayContext& day,
                   const std::string& path) {
    if (!event.is_object())
      return ErrorAt(path,
                     std::string("not an event (it is ") + TypeName(event) + ", not an object)");
    Session session;
    session.room = room;
    if (Status start = ReadStart(event, day, path, session); !start.ok()) return start;
    if (Status end = ReadEnd(event, path, session); !end.ok()) return end;

    session.guid = LineOf(Member(event, "guid"));
    session.feed_id = LineOf(Member(event, "id"));
    session.title = LineOf(Member(event, "title"));
    session.subtitle = LineOf(Member(event, "subtitle"));
    session.track = LineOf(Member(event, "track"));
    if (auto it = track_colors_.find(session.track); it != track_colors_.end())
      session.track_color = it->second;
    session.language = LineOf(Member(event, "language"));
    session.type = LineOf(Member(event, "type"));
    session.url = LineOf(Member(event, "url"));
    session.abstract = ParagraphsOf(Member(event, "abstract"));
    if (session.abstract.empty()) session.abstract = ParagraphsOf(Member(event, "description"));
    session.speakers = SpeakersOf(Member(event, "persons"));
    schedule_.sessions.push_back(std::move(session));
    return Status::Ok();
  }

  // The session's start and offset: its "date", or the day's date and its "start".
  Status ReadStart(const Value& event, const DayContext& day, const std::string& path,
                   Session& session) {
    Maybe date = Member(event, "date");
    if (!date || date->is_null()) {
      auto placed = PlaceByDay(event, day, path);
      if (!placed.ok()) return placed.status();
      std::tie(session.start, session.utc_offset) = *placed;
      return Status::Ok();
    }
    if (!date->is_string())
      return ErrorAt(path + ".date",
                     std::string("not a date and time (it is ") + TypeName(*date) + ")");
    const std::string date_text = date->String();
    auto instant = ParseIsoInstant(date_text);
    if (!instant.ok()) return instant.status().WithContext(path + ".date");
    if (!instant->has_offset)
      return ErrorAt(path + ".date", "no UTC offset in " + Quote(date_text) +
                                         ": the session cannot be placed in time");
    session.start = instant->utc;
    session.utc_offset = instant->offset_seconds;
    return Status::Ok();
  }

  // The session's end: its start plus "duration", or an "end" written in full.
  Status ReadEnd(const Value& event, const std::string& path, Session& session) {
    Maybe duration = Member(event, "duration");
    Maybe end = Member(event, "end");
    if ((!duration || duration->is_null()) && end && end->is_string()) {
      // Not in version 1 of the schema, but unambiguous when written in full.
      const std::string end_text = end->String();
      auto end_instant = ParseIsoInstant(end_text);
      if (!end_instant.ok() || !end_instant->has_offset)
        return ErrorAt(path + ".end", "not a date and time with a UTC offset: " + Quote(end_text));
      session.end = end_instant->utc;
      return Status::Ok();
    }
    if (!duration) return ErrorAt(path + ".duration", "missing");
    auto seconds = ParseDuration(*duration);
    if (!seconds.ok()) return seconds.status().WithContext(path + ".duration");
    session.end = session.start + *seconds;
    return Status::Ok();
  }

  // The names in "persons": strings, or objects by public_name, name or
  // full_public_name.
  static std::vector<std::string> SpeakersOf(const Maybe& persons) {
    std::vector<std::string> names;
    if (!persons || !persons->is_array()) return names;
    names.reserve(persons->size());
    persons->ForEachElement([&](const Value& person) {
      std::string name;
      if (person.is_string()) {
        name = LineOf(person);
      } else {
        for (const char* key : {"public_name", "name", "full_public_name"}) {
          name = LineOf(Member(person, key));
          if (!name.empty()) break;
        }
      }
      if (!name.empty()) names.push_back(std::move(name));
    });
    return names;
  }

  Schedule& schedule_;
  const FeedOptions& options_;
  ProblemList problems_;                             // every bad day, room and event
  std::map<std::string, std::string> track_colors_;  // track name → "#rrggbb"
  feed::RoomIndex rooms_{schedule_.rooms};           // rooms in feed order
};

// Why the tape refused a document: nlohmann::json's reason, as before the tape.
Status WhyNotJson(std::string_view bytes, size_t bom) {
  Json ignored;
  Status status = feed::ParseJsonDocument(bytes, bom, ignored);
  return status.ok() ? Status::Error("not valid JSON") : status;  // they never disagree
}

}  // namespace

Result<Schedule> ParseScheduleJson(std::string_view bytes, const FeedOptions& options) {
  size_t bom = bytes.size() - SkipUtf8Bom(bytes).size();
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos)
    return Status::Error("not UTF-8: invalid byte sequence at byte " + std::to_string(bad) + " (" +
                         LineAndColumn(bytes, bad) + ")");

  auto tape = JsonTape::Parse(bytes.substr(bom), feed::kMostNesting);
  if (!tape) return WhyNotJson(bytes, bom);
  // Past a NUL byte the document ends, but the nesting check reads on (as it always has).
  if (tape->ended_at_nul())
    if (Status deep = feed::CheckJsonNesting(bytes); !deep.ok()) return deep;
  const Value root = tape->root();

  if (!root.is_object())
    return Status::Error(std::string("not a schedule.json: the document is ") + TypeName(root) +
                         ", not an object with a \"schedule\"");
  Maybe schedule_json = Member(root, "schedule");
  if (!schedule_json || !schedule_json->is_object())
    return ErrorAt("schedule", schedule_json ? std::string("not an object (it is ") +
                                                   TypeName(*schedule_json) + ")"
                                             : "missing: not a schedule.json");
  Maybe conference = Member(*schedule_json, "conference");
  if (!conference || !conference->is_object())
    return ErrorAt("schedule.conference",
                   conference ? std::string("not an object (it is ") + TypeName(*conference) + ")"
                              : "missing");

  Schedule schedule;
  schedule.version = LineOf(Member(*schedule_json, "version"));
  Reader reader(schedule, options);
  Status status = reader.ReadConference(*conference, "schedule.conference");
  if (!status.ok()) return status;
  return schedule;
}

}  // namespace foyer
