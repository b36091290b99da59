// Indico's HTTP API export (/export/event/N.json?detail=contributions) → Schedule.
//
// The walk: check the bytes are UTF-8, parse the JSON, then read
// results[].contributions[] — one Session per scheduled contribution, in feed
// order. A contribution's instants are its startDate and endDate objects
// {date, time, tz}, the wall-clock time read in the IANA zone `tz` (the
// event's `timezone` when tz is missing); with no endDate, the end is start
// plus `duration` minutes. Errors name their place as a path, e.g.
//   results[0].contributions[3].startDate.tz: unknown time zone "Mars/Olympus"
//
// Choices where Indico leaves something open:
//   - Unscheduled contributions (startDate null: not on the timetable) are
//     skipped: they have no time to be shown at.
//   - Room: the contribution's `room`, else its `roomFullname`; else the title
//     of its `session` — virtual and small events leave every room empty
//     (XDC 2021), and there a session (Main Track, Workshop, Demos / Lightning
//     talks I) is a parallel stream that overlaps the others, which is what a
//     room is to a screen; else the event's own room; else "Main".
//   - Speakers: `speakers`, else `primaryauthors` (XDC 2021 lists people only
//     there), each as "first_name last_name" (what a screen shows), else
//     `fullName` ("Peres, Martin"), else `name`. Names are kept as written.
//   - `track` and `type` are kept as the session's track and type; `id` as its
//     feed_id. Indico has no guid.
// nlohmann::json throws on syntax errors; that is caught here and never leaves.

#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <string>
#include <string_view>

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

constexpr const char* kDefaultRoom = "Main";

// Any JSON value as text: strings as they are, numbers as written, null and
// booleans as nothing, an object by its "title" (Indico's session and track
// objects) or "name". Liberal on purpose: optional fields never fail.
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
    case Json::value_t::object: {
      std::string title = TextOf(Member(*value, "title"));
      return title.empty() ? TextOf(Member(*value, "name")) : title;
    }
    default:
      return "";
  }
}

std::string LineOf(const Json* value) { return CollapseWhitespace(TextOf(value)); }

// Multi-line text (descriptions): CRLF and CR become LF, other C0 controls and
// DEL are dropped (tabs become spaces), and the ends are trimmed.
std::string ParagraphsOf(const Json* value) { return feed::Paragraphs(TextOf(value)); }

// A person's name as a screen shows it.
std::string PersonName(const Json& person) {
  if (person.is_string()) return LineOf(&person);
  std::string name = CollapseWhitespace(TextOf(Member(person, "first_name")) + " " +
                                        TextOf(Member(person, "last_name")));
  if (name.empty()) name = LineOf(Member(person, "fullName"));
  if (name.empty()) name = LineOf(Member(person, "name"));
  return name;
}

struct Instant {
  UnixSeconds utc = 0;
  int offset = 0;
};

class Reader {
 public:
  explicit Reader(Schedule& schedule) : schedule_(schedule) {}

  Status ReadEvent(const Json& event, const std::string& path) {
    if (!event.is_object())
      return ErrorAt(path, std::string("not an event (it is ") + TypeName(event) + ")");
    if (schedule_.title.empty()) schedule_.title = LineOf(Member(event, "title"));
    std::string zone_name = LineOf(Member(event, "timezone"));
    if (schedule_.time_zone_name.empty()) schedule_.time_zone_name = zone_name;
    std::string event_room = LineOf(Member(event, "room"));
    if (event_room.empty()) event_room = LineOf(Member(event, "roomFullname"));

    const Json* contributions = Member(event, "contributions");
    std::string list_path = path + ".contributions";
    if (contributions == nullptr)
      return ErrorAt(list_path,
                     "missing: export the event with ?detail=contributions to list its talks");
    if (contributions->is_null()) return Status::Ok();
    if (!contributions->is_array())
      return ErrorAt(list_path, std::string("not a list of contributions (it is ") +
                                    TypeName(*contributions) + ")");
    // A bad contribution does not hide the next: every one is reported.
    ProblemList problems;
    for (size_t i = 0; i < contributions->size(); ++i)
      problems.Add(ReadContribution((*contributions)[i], zone_name, event_room,
                                    list_path + "[" + std::to_string(i) + "]"));
    return problems.ToStatus();
  }

 private:
  Status ReadContribution(const Json& contribution, const std::string& event_zone,
                          const std::string& event_room, const std::string& path) {
    if (!contribution.is_object())
      return ErrorAt(path,
                     std::string("not a contribution (it is ") + TypeName(contribution) + ")");
    const Json* start_date = Member(contribution, "startDate");
    if (start_date == nullptr)
      return ErrorAt(path + ".startDate", "missing: every contribution needs its start");
    if (start_date->is_null()) return Status::Ok();  // unscheduled: not on the timetable

    Session session;
    auto start = ReadInstant(*start_date, event_zone, path + ".startDate");
    if (!start.ok()) return start.status();
    session.start = start->utc;
    session.utc_offset = start->offset;
    // Indico writes every time in UTC; the event's own zone is where it is shown.
    if (auto zone = Zone::Load(event_zone); zone.ok())
      session.utc_offset = zone->OffsetAt(session.start);

    const Json* end_date = Member(contribution, "endDate");
    const Json* duration = Member(contribution, "duration");
    if (end_date != nullptr && !end_date->is_null()) {
      auto end = ReadInstant(*end_date, event_zone, path + ".endDate");
      if (!end.ok()) return end.status();
      session.end = end->utc;
    } else if (duration != nullptr && duration->is_number()) {
      double minutes = duration->get<double>();
      if (!(minutes >= 0 && minutes < 1e7))
        return ErrorAt(path + ".duration", "not a duration in minutes: " + duration->dump());
      session.end = session.start + static_cast<UnixSeconds>(minutes * 60);
    } else {
      return ErrorAt(path + ".endDate", "missing, and no duration in minutes either");
    }

    session.feed_id = LineOf(Member(contribution, "id"));
    session.title = LineOf(Member(contribution, "title"));
    session.track = LineOf(Member(contribution, "track"));
    session.type = LineOf(Member(contribution, "type"));
    session.url = LineOf(Member(contribution, "url"));
    session.abstract = ParagraphsOf(Member(contribution, "description"));

    for (const char* key : {"room", "roomFullname", "session"}) {
      session.room = LineOf(Member(contribution, key));
      if (!session.room.empty()) break;
    }
    if (session.room.empty()) session.room = event_room.empty() ? kDefaultRoom : event_room;
    rooms_.Add(session.room, "");

    for (const char* key : {"speakers", "primaryauthors"}) {
      const Json* people = Member(contribution, key);
      if (people == nullptr || !people->is_array()) continue;
      for (const Json& person : *people) {
        std::string name = PersonName(person);
        if (!name.empty()) session.speakers.push_back(std::move(name));
      }
      if (!session.speakers.empty()) break;
    }
    schedule_.sessions.push_back(std::move(session));
    return Status::Ok();
  }

  // {date: "2021-09-17", time: "14:10:00", tz: "UTC"}: a wall-clock time in a zone.
  Result<Instant> ReadInstant(const Json& value, const std::string& event_zone,
                              const std::string& path) {
    if (!value.is_object())
      return ErrorAt(path,
                     std::string("not a {date, time, tz} object (it is ") + TypeName(value) + ")");
    std::string date = LineOf(Member(value, "date"));
    std::string time = LineOf(Member(value, "time"));
    if (date.empty()) return ErrorAt(path + ".date", "missing");
    if (time.empty()) return ErrorAt(path + ".time", "missing");
    auto local = ParseIsoInstant(date + "T" + time);
    if (!local.ok() || local->has_offset || date.size() != 10)
      return ErrorAt(path, "not a date and time: " + Quote(date) + ", " + Quote(time) +
                               " (expected \"YYYY-MM-DD\" and \"HH:MM:SS\")");
    std::string zone_name = LineOf(Member(value, "tz"));
    std::string zone_path = path + ".tz";
    if (zone_name.empty()) {
      zone_name = event_zone;
      zone_path = path + ".tz (missing, so the event's timezone)";
    }
    if (zone_name.empty())
      return ErrorAt(path + ".tz", "missing, and the event names no timezone either");
    auto zone = ZoneOf(zone_name);
    if (!zone.ok()) return zone.status().WithContext(zone_path);
    Instant instant;
    instant.utc = (*zone)->LocalToUtc(local->utc);
    instant.offset = (*zone)->OffsetAt(instant.utc);
    return instant;
  }

  Result<const Zone*> ZoneOf(const std::string& name) {
    auto it = zones_.find(name);
    if (it == zones_.end()) {
      auto zone = Zone::Load(name);
      if (!zone.ok()) return zone.status();
      it = zones_.emplace(name, std::make_unique<Zone>(std::move(zone).value())).first;
    }
    return it->second.get();
  }

  Schedule& schedule_;
  std::map<std::string, std::unique_ptr<Zone>> zones_;  // by IANA name
  feed::RoomIndex rooms_{schedule_.rooms};              // rooms in feed order
};

}  // namespace

Result<Schedule> ParseIndicoJson(std::string_view bytes) {
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos)
    return Status::Error("not UTF-8: invalid byte sequence at byte " + std::to_string(bad) + " (" +
                         LineAndColumn(bytes, bad) + ")");
  size_t bom = bytes.size() - SkipUtf8Bom(bytes).size();

  Json root;
  if (Status status = feed::ParseJsonDocument(bytes, bom, root); !status.ok()) return status;

  if (!root.is_object())
    return Status::Error(std::string("not an Indico export: the document is ") + TypeName(root) +
                         ", not an object with \"results\"");
  const Json* results = Member(root, "results");
  if (results == nullptr) return ErrorAt("results", "missing: not an Indico export");
  if (!results->is_array())
    return ErrorAt("results",
                   std::string("not a list of events (it is ") + TypeName(*results) + ")");

  Schedule schedule;
  Reader reader(schedule);
  for (size_t i = 0; i < results->size(); ++i) {
    Status status = reader.ReadEvent((*results)[i], "results[" + std::to_string(i) + "]");
    if (!status.ok()) return status;
  }
  return schedule;
}

}  // namespace foyer
