// Schedule → frab/pretalx schedule.json that validates against the c3voc
// schema (tests/data/feeds/c3voc-schedule-schema.json, version 1). Pure;
// thread-safe.
//
// What the schema requires and a Schedule may not hold is derived, stably, so
// converting the same input twice gives the same bytes:
//   - conference.acronym: the schedule's own when it fits the schema's
//     lower-case pattern, else one made from the title ("Astana Think Tank
//     Forum 2025" → "attf2025");
//   - event guid: the feed's own when it is a UUID, else a name-based UUID
//     (version 5, URL namespace) of the session's title, room and start;
//     room guids likewise from the room's name;
//   - event id: the feed's own when it is a positive integer not used before,
//     else the next free number;
//   - slugs from the acronym, id and title;
//   - event url: the session's, when it is absolute (characters a URI cannot
//     hold percent-encoded), else "urn:uuid:" and the event's guid: the schema
//     wants an absolute URI, and an empty or relative url is neither.
// Days are conference days in `zone`, running 04:00–03:59 like pretalx's;
// every room is listed on every day. Each event's `date` is written in `zone`.
// ParseScheduleJson(WriteScheduleJson(s, zone)) gives back every session's
// title, room, start, end, speakers, track, language and abstract, and its
// url when that is an absolute URI (see above).
#pragma once

#include <string>
#include <string_view>

#include "base/time.h"
#include "model/schedule.h"

namespace foyer {

std::string WriteScheduleJson(const Schedule& schedule, const Zone& zone);

// The zone to write a schedule in when none is given (docs/CONTRACTS.md, "Time"): the
// feed's time_zone_name when it agrees with the offsets most sessions carry,
// else the offset most sessions carry.
Zone DefaultZoneFor(const Schedule& schedule);

// A name-based UUID (RFC 4122 version 5, SHA-1) in the URL namespace,
// lower case: the same as Python's uuid.uuid5(uuid.NAMESPACE_URL, name).
std::string NameBasedUuid(std::string_view name);

// True for "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" with hex digits x.
bool IsUuid(std::string_view text);

}  // namespace foyer
