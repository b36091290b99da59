// schedule.json (frab / pretalx / c3voc, version 1 of the c3voc schema) → Schedule.
//
// The walk: check the bytes are UTF-8, parse them into an order-preserving JSON
// tree, then read schedule.conference.days[].rooms[KEY][] — one Session per
// entry, in feed order, the room being the KEY it is listed under. Each
// session's instant comes from its own `date` (which must carry a UTC offset);
// its end is that plus `duration`. Real feeds break the schema in many small
// ways (see tests/data/feeds/SOURCES.md), so optional text fields accept
// any JSON type; only what places a session in time or space is required, and
// every error names its place as a path, e.g.
//   schedule.conference.days[1].rooms["Hall A"][3].date: not a date and time …
// nlohmann::json throws on syntax errors; that is caught here and never leaves.

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
#include "feed/json_util.h"
#include "feed/text.h"

namespace foyer {
namespace {

using feed::LineAndColumn;
using feed::Quote;

using feed::ErrorAt;
using feed::Json;
using feed::Member;
using feed::TypeName;

// Any JSON value as text: strings as they are, numbers as written, null and
// booleans as nothing, a list of strings joined by ", " (a `language` list),
// an object by its "name". Liberal on purpose: optional fields never fail.
std::string TextOf(const Json* value) {
  if (value == nullptr) return "";
  switch (value->type()) {
    case Json::value_t::string:
      return value->get_ref<const std::string&>();
    case Json::value_t::number_integer:
      return std::to_string(value->get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return std::to_string(value->get<std::uint64_t>());
    case Json::value_t::number_float:
      return value->dump();
    case Json::value_t::array: {
      std::string joined;
      for (const Json& item : *value) {
        std::string text = TextOf(&item);
        if (text.empty()) continue;
        if (!joined.empty()) joined += ", ";
        joined += text;
      }
      return joined;
    }
    case Json::value_t::object:
      return TextOf(Member(*value, "name"));
    default:
      return "";
  }
}

// One-line text for a screen: whitespace collapsed, C0 controls dropped, trimmed.
std::string LineOf(const Json* value) { return CollapseWhitespace(TextOf(value)); }

std::string ParagraphsOf(const Json* value) { return feed::Paragraphs(TextOf(value)); }
std::string ColorOf(const Json* value) { return feed::NormalizeColor(LineOf(value)); }

// A duration in seconds from every shape real feeds use: "01:30", "1:30",
// "6:59", "00:00", "01:30:00", a number of minutes (90 or "90"), or ISO 8601
// "PT1H30M".
Result<std::int64_t> ParseDuration(const Json& value) {
  if (value.is_number()) {
    double minutes = value.get<double>();
    if (!(minutes >= 0 && minutes < 1e7))
      return Status::Error("not a duration: " + value.dump() + " (expected minutes >= 0)");
    return static_cast<std::int64_t>(std::llround(minutes * 60));
  }
  auto bad = Status::Error("not a duration (expected \"HH:MM\", \"HH:MM:SS\" or minutes): " +
                           (value.is_string() ? Quote(value.get_ref<const std::string&>())
                                              : std::string(TypeName(value))));
  if (!value.is_string()) return bad;
  std::string text = CollapseWhitespace(value.get_ref<const std::string&>());
  if (auto iso = feed::ParseIsoDuration(text); iso && *iso >= 0) return *iso;  // "PT1H30M"
  if (auto clock = feed::ParseClock(text, true)) return *clock;  // "01:30", or "90" minutes
  return bad;
}

// Reads schedule.conference into a Schedule, keeping the track colors and the
// room index it needs on the way. Every `path` argument names the JSON value read.
class Reader {
 public:
  Reader(Schedule& schedule, const FeedOptions& options) : schedule_(schedule), options_(options) {}

  Status ReadConference(const Json& conference, const std::string& path) {
    schedule_.title = LineOf(Member(conference, "title"));
    schedule_.acronym = LineOf(Member(conference, "acronym"));
    schedule_.time_zone_name = LineOf(Member(conference, "time_zone_name"));

    if (const Json* tracks = Member(conference, "tracks"); tracks && tracks->is_array()) {
      for (const Json& track : *tracks) {
        std::string name = LineOf(Member(track, "name"));
        std::string color = ColorOf(Member(track, "color"));
        if (!name.empty() && !color.empty()) track_colors_.emplace(name, color);
      }
    }
    if (const Json* rooms = Member(conference, "rooms"); rooms && rooms->is_array()) {
      for (const Json& room : *rooms) {
        if (room.is_string()) {
          rooms_.Add(LineOf(&room), "");
        } else {
          rooms_.Add(LineOf(Member(room, "name")), LineOf(Member(room, "slug")));
        }
      }
    }

    const Json* days = Member(conference, "days");
    std::string days_path = path + ".days";
    if (days == nullptr)
      return ErrorAt(days_path, "missing: a schedule.json lists its sessions here");
    if (!days->is_array())
      return ErrorAt(days_path, std::string("not a list of days (it is ") + TypeName(*days) + ")");
    for (size_t d = 0; d < days->size(); ++d)
      problems_.Add(ReadDay((*days)[d], days_path + "[" + std::to_string(d) + "]"));
    return problems_.ToStatus();
  }

 private:
  Status ReadDay(const Json& day, const std::string& path) {
    if (!day.is_object())
      return ErrorAt(path, std::string("not a day (it is ") + TypeName(day) + ", not an object)");
    const Json* rooms = Member(day, "rooms");
    if (rooms == nullptr || rooms->is_null()) return Status::Ok();
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
    for (const auto& [key, entries] : rooms->items()) {
      std::string room_path = path + ".rooms[" + Quote(key) + "]";
      std::string room = CollapseWhitespace(key);
      rooms_.Add(room, "");
      if (entries.is_null()) continue;
      if (!entries.is_array()) {
        problems_.Add(ErrorAt(
            room_path, std::string("not a list of events (it is ") + TypeName(entries) + ")"));
        continue;
      }
      for (size_t i = 0; i < entries.size(); ++i)
        problems_.Add(
            ReadEvent(entries[i], room, context, room_path + "[" + std::to_string(i) + "]"),
            kSetClockTimezone);
    }
    return Status::Ok();
  }

  struct DayContext {
    std::optional<CivilDate> date;
    UnixSeconds start_second = 0;  // the day's start as a time of day
    std::optional<int> offset;     // day_start's UTC offset
  };

  // An event without "date": the day's date and its "start", at the day's
  // offset or in clock.timezone (which wins, as for schedule.xml).
  Result<std::pair<UnixSeconds, int>> PlaceByDay(const Json& event, const DayContext& day,
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

  Status ReadEvent(const Json& event, const std::string& room, const DayContext& day,
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
  Status ReadStart(const Json& event, const DayContext& day, const std::string& path,
                   Session& session) {
    const Json* date = Member(event, "date");
    if (date == nullptr || date->is_null()) {
      auto placed = PlaceByDay(event, day, path);
      if (!placed.ok()) return placed.status();
      std::tie(session.start, session.utc_offset) = *placed;
      return Status::Ok();
    }
    if (!date->is_string())
      return ErrorAt(path + ".date",
                     std::string("not a date and time (it is ") + TypeName(*date) + ")");
    const std::string& date_text = date->get_ref<const std::string&>();
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
  Status ReadEnd(const Json& event, const std::string& path, Session& session) {
    const Json* duration = Member(event, "duration");
    const Json* end = Member(event, "end");
    if ((duration == nullptr || duration->is_null()) && end && end->is_string()) {
      // Not in version 1 of the schema, but unambiguous when written in full.
      auto end_instant = ParseIsoInstant(end->get_ref<const std::string&>());
      if (!end_instant.ok() || !end_instant->has_offset)
        return ErrorAt(path + ".end", "not a date and time with a UTC offset: " +
                                          Quote(end->get_ref<const std::string&>()));
      session.end = end_instant->utc;
      return Status::Ok();
    }
    if (duration == nullptr) return ErrorAt(path + ".duration", "missing");
    auto seconds = ParseDuration(*duration);
    if (!seconds.ok()) return seconds.status().WithContext(path + ".duration");
    session.end = session.start + *seconds;
    return Status::Ok();
  }

  // The names in "persons": strings, or objects by public_name, name or
  // full_public_name.
  static std::vector<std::string> SpeakersOf(const Json* persons) {
    std::vector<std::string> names;
    if (persons == nullptr || !persons->is_array()) return names;
    for (const Json& person : *persons) {
      std::string name;
      if (person.is_string()) {
        name = LineOf(&person);
      } else {
        for (const char* key : {"public_name", "name", "full_public_name"}) {
          name = LineOf(Member(person, key));
          if (!name.empty()) break;
        }
      }
      if (!name.empty()) names.push_back(std::move(name));
    }
    return names;
  }

  Schedule& schedule_;
  const FeedOptions& options_;
  ProblemList problems_;                             // every bad day, room and event
  std::map<std::string, std::string> track_colors_;  // track name → "#rrggbb"
  feed::RoomIndex rooms_{schedule_.rooms};           // rooms in feed order
};

}  // namespace

Result<Schedule> ParseScheduleJson(std::string_view bytes, const FeedOptions& options) {
  size_t bom = bytes.size() - SkipUtf8Bom(bytes).size();
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos)
    return Status::Error("not UTF-8: invalid byte sequence at byte " + std::to_string(bad) + " (" +
                         LineAndColumn(bytes, bad) + ")");

  Json root;
  if (Status status = feed::ParseJsonDocument(bytes, bom, root); !status.ok()) return status;

  if (!root.is_object())
    return Status::Error(std::string("not a schedule.json: the document is ") + TypeName(root) +
                         ", not an object with a \"schedule\"");
  const Json* schedule_json = Member(root, "schedule");
  if (schedule_json == nullptr || !schedule_json->is_object())
    return ErrorAt("schedule", schedule_json ? std::string("not an object (it is ") +
                                                   TypeName(*schedule_json) + ")"
                                             : "missing: not a schedule.json");
  const Json* conference = Member(*schedule_json, "conference");
  if (conference == nullptr || !conference->is_object())
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
