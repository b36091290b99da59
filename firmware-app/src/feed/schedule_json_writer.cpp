// Schedule → schedule.json (c3voc schema, version 1).
//
// The walk: pick the ids, guids and person ids every event needs (stable:
// derived from the feed's own values or the session's content, never random),
// group the sessions by conference day in the zone (a day runs 04:00–03:59),
// then write conference → days → rooms → events with nlohmann::ordered_json so
// keys come out in the order frab and pretalx write them.

#include "feed/schedule_json_writer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace foyer {
namespace {

using Json = nlohmann::ordered_json;

// SHA-1 (FIPS 180-4), for name-based UUIDs only: not for anything secret.
std::array<std::uint8_t, 20> Sha1(std::string_view data) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string message(data);
  std::uint64_t bit_length = static_cast<std::uint64_t>(data.size()) * 8;
  message += static_cast<char>(0x80);
  while (message.size() % 64 != 56) message += '\0';
  for (int i = 7; i >= 0; --i) message += static_cast<char>((bit_length >> (i * 8)) & 0xFF);
  auto rotl = [](std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); };
  for (size_t block = 0; block < message.size(); block += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int j = 0; j < 4; ++j)
        w[i] = (w[i] << 8) | static_cast<std::uint8_t>(message[block + i * 4 + j]);
    }
    for (int i = 16; i < 80; ++i) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d), k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d, k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d, k = 0xCA62C1D6;
      }
      std::uint32_t temp = rotl(a, 5) + f + e + k + w[i];
      e = d, d = c, c = rotl(b, 30), b = a, a = temp;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
  }
  std::array<std::uint8_t, 20> digest;
  for (int i = 0; i < 20; ++i)
    digest[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
  return digest;
}

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// "Hall A" → "hall-a"; letters outside ASCII are dropped. Matches the
// schema's slug pattern ^[a-z0-9_-]+[a-z0-9]$ unless empty.
std::string Slugify(std::string_view text, size_t max_length = 60) {
  std::string slug;
  for (char c : text) {
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (IsLowerAlnum(lower)) {
      slug += lower;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() >= max_length) break;
  }
  while (!slug.empty() && !IsLowerAlnum(slug.back())) slug.pop_back();
  return slug.size() >= 2 ? slug : "";
}

bool IsSlug(std::string_view text) {
  if (text.size() < 2 || !IsLowerAlnum(text.back())) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return IsLowerAlnum(c) || c == '_' || c == '-'; });
}

// The schema's ^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$, without the optional suffix.
bool IsAcronym(std::string_view text) {
  if (text.size() < 4) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return IsLowerAlnum(c) || c == '_'; });
}

// The schedule's own acronym made lower case, else one from the title's
// (ASCII) words: the initials and numbers of three words or more ("Astana
// Think Tank Forum 2025" → "attf2025"), the words of fewer ("Klimacamp 2015"
// → "klimacamp2015"); "schedule" when nothing fits.
std::string AcronymFor(const Schedule& schedule) {
  std::string own;
  for (char c : schedule.acronym) {
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    own += IsLowerAlnum(lower) ? lower : '_';
  }
  if (IsAcronym(own)) return own;

  std::vector<std::string> words;
  std::string word;
  for (char c : schedule.title + " ") {
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (IsLowerAlnum(lower)) {
      word += lower;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  // Three words or more: their initials and numbers; fewer: the words themselves.
  auto is_number = [](const std::string& w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  size_t lettered = std::count_if(words.begin(), words.end(),
                                  [&](const std::string& w) { return !is_number(w); });
  std::string initials, concatenated;
  for (const std::string& w : words) {
    initials += is_number(w) ? w : w.substr(0, 1);
    if (concatenated.size() + w.size() <= 24) concatenated += w;
  }
  if (lettered >= 3 && IsAcronym(initials)) return initials;
  if (lettered < 3 && IsAcronym(concatenated)) return concatenated;
  std::string joined;
  for (const std::string& w : words) {
    if (joined.size() + w.size() > 24) break;
    joined += (joined.empty() ? "" : "_") + w;
  }
  if (IsAcronym(joined)) return joined;
  return "schedule";
}

std::string DurationText(UnixSeconds seconds) {
  UnixSeconds minutes = std::max<UnixSeconds>(0, seconds) / 60;
  std::string hours = std::to_string(minutes / 60);
  if (hours.size() < 2) hours = "0" + hours;
  return hours + ":" + FormatHourMinute(0, static_cast<int>(minutes % 60)).substr(3);
}

// `url` as an absolute URI (RFC 3986): bytes a URI cannot hold (spaces,
// non-ASCII letters of an IRI) percent-encoded. Empty when `url` has no scheme.
std::string AbsoluteUri(const std::string& url) {
  size_t colon = url.find(':');
  if (colon == 0 || colon == std::string::npos || !std::isalpha(static_cast<unsigned char>(url[0])))
    return "";
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "";
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  static constexpr std::string_view kAllowed = "-._~:/?#@!$&'()*+,;=";
  auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string uri;
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x80 && (std::isalnum(byte) || kAllowed.find(c) != std::string_view::npos)) {
      uri += c;
    } else if (c == '%' && i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2])) {
      uri += c;  // already percent-encoded
    } else {
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 0x0F];
    }
  }
  return uri;
}

bool IsPositiveInteger(const std::string& text, std::int64_t& value) {
  if (text.empty() || text.size() > 9 || text[0] == '0') return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

// The instant of a local wall-clock time on `date` in `zone`.
UnixSeconds LocalInstant(const Zone& zone, CivilDate date, int hour, int minute) {
  return zone.LocalToUtc(DaysFromCivil(date) * 86400 + hour * 3600 + minute * 60);
}

// What each session needs that the schedule may not hold, chosen once.
struct Identities {
  std::vector<std::int64_t> ids;   // by session index
  std::vector<std::string> guids;  // by session index
  std::map<std::string, int> person_ids;
};

Identities ChooseIdentities(const Schedule& schedule) {
  Identities identities;
  const size_t count = schedule.sessions.size();
  identities.ids.assign(count, 0);
  std::set<std::int64_t> used;
  for (size_t i = 0; i < count; ++i) {
    std::int64_t id;
    if (IsPositiveInteger(schedule.sessions[i].feed_id, id) && used.insert(id).second)
      identities.ids[i] = id;
  }
  std::int64_t next = used.empty() ? 1 : *used.rbegin() + 1;
  for (std::int64_t& id : identities.ids)
    if (id == 0) id = next++;

  std::set<std::string> names;
  for (const Session& session : schedule.sessions) {
    if (IsUuid(session.guid)) {
      identities.guids.push_back(session.guid);
      continue;
    }
    std::string name =
        "foyer:session:" + session.title + "\n" + session.room + "\n" + FormatUtcIso(session.start);
    std::string unique = name;
    for (int n = 2; !names.insert(unique).second; ++n) unique = name + "\n" + std::to_string(n);
    identities.guids.push_back(NameBasedUuid(unique));
  }

  for (const Session& session : schedule.sessions)
    for (const std::string& speaker : session.speakers)
      identities.person_ids.emplace(speaker, static_cast<int>(identities.person_ids.size()) + 1);
  return identities;
}

// Rooms in the schedule's order, then any a session names that the list lacks.
std::vector<Room> RoomsOf(const Schedule& schedule) {
  std::vector<Room> rooms;
  std::set<std::string> seen;
  for (const Room& room : schedule.rooms)
    if (!room.name.empty() && seen.insert(room.name).second) rooms.push_back(room);
  for (const Session& session : schedule.sessions)
    if (!session.room.empty() && seen.insert(session.room).second)
      rooms.push_back(Room{session.room, ""});
  return rooms;
}

Json EventJson(const Session& session, const Zone& zone, std::int64_t id, const std::string& guid,
               const std::string& acronym, const Identities& identities) {
  CivilTime local = zone.ToCivil(session.start);
  // The schema wants an absolute URI: a session without one is named by its guid.
  std::string url = AbsoluteUri(session.url);
  if (url.empty()) url = "urn:uuid:" + guid;
  std::string slug = acronym + "-" + std::to_string(id);
  if (std::string title = Slugify(session.title, 50); !title.empty()) slug += "-" + title;
  Json persons = Json::array();
  for (const std::string& speaker : session.speakers)
    persons.push_back({{"id", identities.person_ids.at(speaker)}, {"public_name", speaker}});
  auto text_or_null = [](const std::string& text) { return text.empty() ? Json() : Json(text); };
  return Json{
      {"id", id},
      {"guid", guid},
      {"logo", ""},
      {"date", zone.FormatIso(session.start)},
      {"start", FormatHourMinute(local.hour, local.minute)},
      {"duration", DurationText(session.end - session.start)},
      {"room", session.room},
      {"slug", slug},
      {"url", url},
      {"title", session.title},
      {"subtitle", session.subtitle},
      {"track", text_or_null(session.track)},
      {"type", session.type},
      {"language", text_or_null(session.language)},
      {"abstract", session.abstract},
      {"description", ""},
      {"recording_license", ""},
      {"do_not_record", false},
      {"persons", persons},
      {"links", Json::array()},
      {"attachments", Json::array()},
  };
}

}  // namespace

std::string NameBasedUuid(std::string_view name) {
  static constexpr std::uint8_t kUrlNamespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                                     0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                                     0x4f, 0xd4, 0x30, 0xc8};
  std::string data(reinterpret_cast<const char*>(kUrlNamespace), 16);
  data += name;
  std::array<std::uint8_t, 20> hash = Sha1(data);
  hash[6] = static_cast<std::uint8_t>((hash[6] & 0x0F) | 0x50);  // version 5
  hash[8] = static_cast<std::uint8_t>((hash[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string uuid;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) uuid += '-';
    uuid += kHex[hash[i] >> 4];
    uuid += kHex[hash[i] & 0x0F];
  }
  return uuid;
}

bool IsUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

Zone DefaultZoneFor(const Schedule& schedule) {
  std::map<int, size_t> votes;
  for (const Session& session : schedule.sessions) ++votes[session.utc_offset];
  int dominant = 0;
  size_t most = 0;
  for (auto [offset, count] : votes)
    if (count > most) dominant = offset, most = count;
  if (!schedule.time_zone_name.empty()) {
    auto named = Zone::Load(schedule.time_zone_name);
    if (named.ok()) {
      size_t agree = 0;
      for (const Session& session : schedule.sessions)
        agree += named->OffsetAt(session.start) == session.utc_offset;
      if (agree * 2 > schedule.sessions.size()) return *named;
    }
  }
  return Zone::Fixed(dominant);
}

namespace {

// Session indexes by conference day, each day's in start order (feed order on a tie).
using SessionsByDay = std::map<CivilDate, std::vector<size_t>>;

SessionsByDay SessionsByConferenceDay(const Schedule& schedule, const Zone& zone) {
  SessionsByDay days;
  for (size_t i = 0; i < schedule.sessions.size(); ++i)
    days[ConferenceDay(zone, schedule.sessions[i].start)].push_back(i);
  for (auto& [date, indexes] : days)
    std::stable_sort(indexes.begin(), indexes.end(), [&](size_t a, size_t b) {
      return schedule.sessions[a].start < schedule.sessions[b].start;
    });
  return days;
}

// conference.days: every room listed on every day.
Json DaysJson(const Schedule& schedule, const Zone& zone, const SessionsByDay& days,
              const std::vector<Room>& rooms, const std::string& acronym) {
  const Identities identities = ChooseIdentities(schedule);
  bool unnamed_room = std::any_of(schedule.sessions.begin(), schedule.sessions.end(),
                                  [](const Session& session) { return session.room.empty(); });
  Json days_json = Json::array();
  int index = 0;
  for (const auto& [date, indexes] : days) {
    Json rooms_json = Json::object();
    for (const Room& room : rooms) rooms_json[room.name] = Json::array();
    if (unnamed_room) rooms_json[""] = Json::array();
    for (size_t i : indexes) {
      const Session& session = schedule.sessions[i];
      rooms_json[session.room].push_back(
          EventJson(session, zone, identities.ids[i], identities.guids[i], acronym, identities));
    }
    CivilDate next_day = CivilFromDays(DaysFromCivil(date) + 1);
    days_json.push_back(
        {{"index", ++index},
         {"date", FormatDate(date)},
         {"day_start", zone.FormatIso(LocalInstant(zone, date, kDayStartHour, 0))},
         {"day_end", zone.FormatIso(LocalInstant(zone, next_day, kDayStartHour - 1, 59))},
         {"rooms", std::move(rooms_json)}});
  }
  return days_json;
}

// conference.rooms: name, slug and a guid made from the name.
Json RoomsJson(const std::vector<Room>& rooms) {
  Json rooms_list = Json::array();
  for (const Room& room : rooms) {
    Json entry = {{"name", room.name}};
    std::string slug = IsSlug(room.slug) ? room.slug : Slugify(room.name);
    if (!slug.empty()) entry["slug"] = slug;
    entry["guid"] = NameBasedUuid("foyer:room:" + room.name);
    rooms_list.push_back(std::move(entry));
  }
  return rooms_list;
}

// conference.tracks, in the order sessions first name them.
Json TracksJson(const Schedule& schedule) {
  Json tracks = Json::array();
  std::set<std::string> seen_tracks;
  for (const Session& session : schedule.sessions) {
    if (session.track.empty() || !seen_tracks.insert(session.track).second) continue;
    Json track = {{"name", session.track}};
    if (std::string slug = Slugify(session.track); !slug.empty()) track["slug"] = slug;
    if (!session.track_color.empty()) track["color"] = session.track_color;
    tracks.push_back(std::move(track));
  }
  return tracks;
}

}  // namespace

std::string WriteScheduleJson(const Schedule& schedule, const Zone& zone) {
  const std::string acronym = AcronymFor(schedule);
  const std::vector<Room> rooms = RoomsOf(schedule);
  const SessionsByDay days = SessionsByConferenceDay(schedule, zone);
  Json tracks = TracksJson(schedule);

  Json conference = {{"acronym", acronym},
                     {"title", schedule.title.empty() ? std::string("Schedule") : schedule.title}};
  conference["start"] = days.empty() ? "" : FormatDate(days.begin()->first);
  conference["end"] = days.empty() ? "" : FormatDate(days.rbegin()->first);
  conference["daysCount"] = days.size();
  conference["timeslot_duration"] = "00:05";
  // The schema's own pattern: an IANA name like "Europe/Berlin", or UTC. A
  // fixed offset has no such name, and is told by every event's date instead.
  static const std::regex kZoneName("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$");
  if (std::regex_search(zone.name(), kZoneName)) conference["time_zone_name"] = zone.name();
  if (!tracks.empty()) conference["tracks"] = std::move(tracks);
  conference["rooms"] = RoomsJson(rooms);
  conference["days"] = DaysJson(schedule, zone, days, rooms, acronym);

  Json root = {{"$schema", "https://c3voc.de/schedule/schema.json"},
               {"generator", {{"name", "foyer-feed"}}},
               {"schedule",
                {{"version", schedule.version.empty() ? std::string("1.0") : schedule.version},
                 {"conference", std::move(conference)}}}};
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace foyer
