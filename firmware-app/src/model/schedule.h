// The schedule as foyer understands it, whatever format it came in: plain
// values with no behaviour beyond small lookups. Instants are UTC; each
// session remembers the UTC offset its feed wrote it in.
// Thread-compatible: share const references freely.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/env.h"
#include "base/names.h"

namespace foyer {

struct Room {
  std::string name;  // as shown on screens, e.g. "Hall A"
  std::string slug;  // optional, e.g. "hall-a"; display.room may name either
  bool operator==(const Room&) const = default;
};

// What a feed update changed about a session: the values it had before, for
// the fields that changed (empty optionals for those that did not).
struct SessionChange {
  std::optional<UnixSeconds> start, end;
  std::optional<std::string> room, title;
  bool any() const { return start || end || room || title; }
  bool operator==(const SessionChange&) const = default;
};

struct Session {
  std::string guid;     // from the feed; not unique (the same guid can repeat at another time)
  std::string feed_id;  // the feed's own id, as text
  std::string room;     // Room::name
  std::string title;
  std::string subtitle;
  UnixSeconds start = 0;  // UTC
  UnixSeconds end = 0;    // UTC, >= start
  int utc_offset = 0;     // seconds east of UTC, as the feed wrote the start
  std::vector<std::string> speakers;
  std::string track;
  std::string track_color;  // "#rrggbb" or empty
  std::string language;     // "en", "kk", … or empty
  std::string type;         // "Talk", "Workshop", … free text
  std::string url;
  std::string abstract;
  // Set by the sync when an update moved, retimed or retitled the session.
  SessionChange previous;
  // Set by the sync for a session that an update removed before it happened;
  // kept until its end so screens can say it was cancelled.
  bool cancelled = false;
  bool operator==(const Session&) const = default;
};

struct Schedule {
  std::string title;  // the conference's title
  std::string acronym;
  std::string version;
  std::string time_zone_name;     // as the feed names it; may disagree with the offsets
  std::vector<Room> rooms;        // in feed order, including rooms with no sessions
  std::vector<Session> sessions;  // in feed order
  bool operator==(const Schedule&) const = default;

  // The room whose name or slug is `name_or_slug` (case-insensitive), or null.
  const Room* FindRoom(const std::string& name_or_slug) const;
};

// How urgent an announcement is, most urgent first (the order screens show them in).
enum class AnnouncementLevel {
  kEmergency,  // takes the whole screen
  kWarning,    // a yellow band
  kInfo,       // a band in the theme's colours
  kFull,       // its rooms take no more people: a red band at their doors, marked on boards
};
// The announcements feed's spelling of each level.
inline constexpr NameTable<AnnouncementLevel, 4> kAnnouncementLevelNames{{{
    {AnnouncementLevel::kInfo, "info"},
    {AnnouncementLevel::kWarning, "warning"},
    {AnnouncementLevel::kEmergency, "emergency"},
    {AnnouncementLevel::kFull, "full"},
}}};

struct Announcement {
  std::string id;
  std::string text;
  AnnouncementLevel level = AnnouncementLevel::kInfo;
  std::vector<std::string> rooms;  // empty: every screen
  UnixSeconds starts = 0;
  UnixSeconds ends = 0;
  bool operator==(const Announcement&) const = default;
};

}  // namespace foyer
