// schedule.xml (frab, c3voc hub, and the older pentabarf export) → Schedule.
//
// The walk: copy the bytes into a parse buffer, dropping C0 control characters
// (illegal in XML 1.0, yet real exports contain them) and widening Latin-1 when
// the declaration asks for it, while remembering where bytes moved so that error
// positions point into the original bytes. pugixml parses the buffer in place;
// then <schedule><conference> gives the conference facts and track colours, and
// every <day> is read for <room name=…> wrappers (kept in feed order, empty ones
// too) holding <event>s, or — pentabarf style — for <event>s sitting directly in
// the day, whose room is their own <room> element. One Session per <event>, in
// feed order.
//
// An event's instant is its <date> with its UTC offset. Without one it is a
// floating local time — <date> with no offset, or the day's date plus <start>,
// where a <start> earlier than the day's start belongs to the next calendar day
// (pentabarf days run past midnight) — placed with FeedOptions::floating_zone.
//
// An event without a <duration> (or an empty one) is open-ended (feed/open_ended.h).
// Only an event's direct children are read: in hub exports <link> and
// <attachment> carry their own <title> and <type>, which must never be taken for
// the event's. Errors name their place: the day's date, the room, the event's
// title and the line, e.g.
//   day 2025-10-15, room "Hall A", event "Opening" (line 42): <duration>: …

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "base/text.h"
#include "base/time.h"
#include "base/utf8.h"
#include "feed/feed.h"
#include "feed/nesting.h"
#include "feed/open_ended.h"
#include "feed/text.h"

namespace foyer {
namespace {

using feed::LineAndColumn;
using feed::Quote;
std::string ColorOf(std::string text) { return feed::NormalizeColor(std::move(text)); }

// ---------------------------------------------------------------------------
// The parse buffer: the bytes minus what XML cannot hold, and the way back to
// positions in the original bytes.

class ParseBuffer {
 public:
  // Copies `bytes`, dropping a UTF-8 byte order mark and every C0 control other
  // than tab, CR and LF; with `latin1`, bytes from 0x80 up become UTF-8.
  ParseBuffer(std::string_view bytes, bool latin1) {
    text_.reserve(bytes.size() + 16);
    size_t begin = bytes.size() - SkipUtf8Bom(bytes).size();
    if (begin > 0) moves_.push_back({0, begin});
    for (size_t i = begin; i < bytes.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(bytes[i]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        moves_.push_back({text_.size(), i + 1});
      } else if (latin1 && c >= 0x80) {
        AppendUtf8(text_, c);
        moves_.push_back({text_.size(), i + 1});
      } else {
        text_ += static_cast<char>(c);
      }
    }
  }

  char* data() { return text_.data(); }
  size_t size() const { return text_.size(); }

  // The offset of an element's '<' in this buffer, once parsed in place (its
  // name then points into the buffer).
  std::optional<size_t> OffsetOf(const pugi::xml_node& element) const {
    const char* name = element.name();
    std::less<const char*> before;
    if (!before(text_.data(), name) || !before(name, text_.data() + text_.size()))
      return std::nullopt;
    return static_cast<size_t>(name - text_.data()) - 1;
  }

  // The offset in the original bytes of offset `at` in this buffer.
  size_t OriginalOffset(size_t at) const {
    auto after = std::upper_bound(moves_.begin(), moves_.end(), at,
                                  [](size_t value, const Move& move) { return value < move.text; });
    if (after == moves_.begin()) return at;
    const Move& move = *(after - 1);
    return move.original + (at - move.text);
  }

 private:
  struct Move {
    size_t text;      // from this offset in text_ on …
    size_t original;  // … bytes continue from this offset in the original
  };
  std::string text_;
  std::vector<Move> moves_;  // sorted by text
};

size_t LineNumber(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

// The encoding named by the XML declaration, lower case; empty when none is named.
std::string DeclaredEncoding(std::string_view bytes) {
  bytes = SkipUtf8Bom(bytes);
  if (bytes.substr(0, 5) != "<?xml") return "";
  std::string_view declaration = bytes.substr(0, bytes.find("?>"));
  size_t key = declaration.find("encoding");
  if (key == std::string_view::npos) return "";
  size_t quote = declaration.find_first_of("'\"", key);
  if (quote == std::string_view::npos) return "";
  size_t end = declaration.find(declaration[quote], quote + 1);
  if (end == std::string_view::npos) return "";
  return ToLowerAscii(declaration.substr(quote + 1, end - quote - 1));
}

bool IsLatin1(const std::string& encoding) {
  return encoding == "iso-8859-1" || encoding == "iso8859-1" || encoding == "latin1" ||
         encoding == "latin-1" || encoding == "l1";
}

// ---------------------------------------------------------------------------
// Reading text out of elements.

bool Named(const pugi::xml_node& node, const char* name) {
  return std::string_view(node.name()) == name;
}

// All the text inside an element, markup dropped, in document order.
std::string TextOf(const pugi::xml_node& node) {
  if (!node) return "";
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) return node.value();
  std::string text;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    } else if (child.type() == pugi::node_element) {
      text += TextOf(child);
    }
  }
  return text;
}

// One-line text for a screen: whitespace collapsed, C0 controls dropped, trimmed.
std::string LineOf(const pugi::xml_node& node) { return CollapseWhitespace(TextOf(node)); }
std::string LineOf(const pugi::xml_attribute& attribute) {
  return CollapseWhitespace(attribute.value());
}

// Multi-line text (abstracts) as the author wrote it, without the exporter's
// indentation: line ends made LF, tabs spaces, other controls dropped; the
// indentation the lines after the first share is removed (the first line
// follows the opening tag directly), trailing spaces go, and so do blank lines
// at either end.
std::string ParagraphsOf(const pugi::xml_node& node) {
  std::string text = TextOf(node);
  std::vector<std::string> lines(1);
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      lines.emplace_back();
    } else if (c == '\t') {
      lines.back() += ' ';
    } else if (c >= 0x20 && c != 0x7F) {
      lines.back() += static_cast<char>(c);
    }
  }
  size_t indent = std::string::npos;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string& line = lines[i];
    line.erase(line.find_last_not_of(' ') + 1);  // npos + 1 == 0 clears a blank line
    if (i > 0 && !line.empty()) indent = std::min(indent, line.find_first_not_of(' '));
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (i > 0) line.remove_prefix(std::min(indent, line.size()));
    if (i > 0) out += '\n';
    out += line;
  }
  return std::string(Trim(out, " \n"));
}

// A time of day written "HH:MM", "H:MM" or "HH:MM:SS", as seconds after midnight.
bool ParseTimeOfDay(std::string_view text, std::int64_t& seconds) {
  std::optional<std::int64_t> clock = feed::ParseClock(text, false);
  if (!clock || *clock >= 86400) return false;
  seconds = *clock;
  return true;
}

// ---------------------------------------------------------------------------

// The direct children of an <event> that foyer reads, each the first of its name.
struct EventFields {
  pugi::xml_node date, start, duration, room, title, subtitle, track, type, language, url, abstract,
      description, persons;

  explicit EventFields(const pugi::xml_node& event) {
    static constexpr std::pair<std::string_view, pugi::xml_node EventFields::*> kFields[] = {
        {"date", &EventFields::date},         {"start", &EventFields::start},
        {"duration", &EventFields::duration}, {"room", &EventFields::room},
        {"title", &EventFields::title},       {"subtitle", &EventFields::subtitle},
        {"track", &EventFields::track},       {"type", &EventFields::type},
        {"language", &EventFields::language}, {"url", &EventFields::url},
        {"abstract", &EventFields::abstract}, {"description", &EventFields::description},
        {"persons", &EventFields::persons},
    };
    for (pugi::xml_node child = event.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      std::string_view name = child.name();
      for (const auto& [field_name, member] : kFields) {
        if (name != field_name) continue;
        if (!(this->*member)) this->*member = child;
        break;
      }
    }
  }
};

// What an event inherits from the <day> it is listed in.
struct DayContext {
  std::string label;  // "2025-10-15", or "number 2" when the day has no date
  bool has_date = false;
  CivilDate date;
  std::int64_t start_second = 0;  // the day's start as a local time of day
  bool start_known = false;
};

class Reader {
 public:
  Reader(Schedule& schedule, const FeedOptions& options, const ParseBuffer& buffer,
         std::string_view bytes)
      : schedule_(schedule), options_(options), buffer_(buffer), bytes_(bytes) {}

  Status ReadSchedule(const pugi::xml_node& root) {
    schedule_.version = LineOf(root.child("version"));
    pugi::xml_node conference = root.child("conference");
    schedule_.title = LineOf(conference.child("title"));
    schedule_.acronym = LineOf(conference.child("acronym"));
    schedule_.time_zone_name = LineOf(conference.child("time_zone_name"));
    for (pugi::xml_node track : conference.children("track")) {
      std::string name = LineOf(track.attribute("name"));
      if (name.empty()) name = LineOf(track);
      std::string color = ColorOf(LineOf(track.attribute("color")));
      if (!name.empty() && !color.empty()) track_colors_.emplace(name, color);
    }
    std::int64_t day_change = 0;
    bool day_change_known = ParseTimeOfDay(LineOf(conference.child("day_change")), day_change);

    size_t day_number = 0;
    for (pugi::xml_node day : root.children("day")) {
      ++day_number;
      ReadDay(day, day_number, day_change_known, day_change);
    }
    feed::EndOpenEndedSessions(schedule_.sessions, open_ended_);
    return problems_.ToStatus();
  }

 private:
  // Reads a day's events; their problems go to problems_.
  void ReadDay(const pugi::xml_node& day, size_t day_number, bool day_change_known,
               std::int64_t day_change) {
    DayContext context;
    std::string date_text = LineOf(day.attribute("date"));
    std::string start_text = LineOf(day.attribute("start"));
    if (auto date = ParseIsoDate(date_text); date.ok()) {
      context.has_date = true;
      context.date = *date;
    } else if (auto date_of_start = ParseIsoDate(std::string_view(start_text).substr(0, 10));
               start_text.size() >= 10 && date_of_start.ok()) {
      context.has_date = true;
      context.date = *date_of_start;
    }
    context.label = context.has_date ? FormatDate(context.date)
                                     : "number " + std::to_string(day_number) +
                                           (date_text.empty() ? "" : " (" + Quote(date_text) + ")");
    if (auto instant = ParseIsoInstant(start_text); instant.ok()) {
      // The day's start as a local time: in the floating zone when both are
      // known, else as written.
      UnixSeconds local = instant->utc + instant->offset_seconds;
      if (instant->has_offset && options_.floating_zone != nullptr)
        local = instant->utc + options_.floating_zone->OffsetAt(instant->utc);
      context.start_second = ((local % 86400) + 86400) % 86400;
      context.start_known = true;
    } else if (ParseTimeOfDay(start_text, context.start_second)) {
      context.start_known = true;
    } else if (day_change_known) {
      context.start_second = day_change;
      context.start_known = true;
    }

    for (pugi::xml_node child = day.first_child(); child; child = child.next_sibling()) {
      if (Named(child, "room")) {
        std::string room = LineOf(child.attribute("name"));
        rooms_.Add(room, LineOf(child.attribute("slug")));
        for (pugi::xml_node event : child.children("event"))
          problems_.Add(ReadEvent(event, context, room), kSetClockTimezone);
      } else if (Named(child, "event")) {
        problems_.Add(ReadEvent(child, context, ""), kSetClockTimezone);
      }
    }
  }

  // `room` is the name of the <room> wrapper the event sits in, or empty.
  Status ReadEvent(const pugi::xml_node& event, const DayContext& day, const std::string& room) {
    EventFields fields(event);
    Session session;
    session.room = room.empty() ? LineOf(fields.room) : room;
    session.title = LineOf(fields.title);
    auto fail = [&](const std::string& message) {
      return Status::ErrorAt(PlaceOf(event, day, session), message);
    };
    if (Status start = ReadStart(fields, day, session); !start.ok()) return fail(start.message());

    // No <duration>, or an empty one (a Jekyll template's open-ended hackathon):
    // open-ended, as an iCalendar event without an end.
    std::string duration_text = LineOf(fields.duration);
    bool open_ended = duration_text.empty();
    std::optional<std::int64_t> seconds = feed::ParseClock(duration_text, true);
    if (!open_ended && !seconds)
      return fail("<duration>: not a duration (expected \"HH:MM\" or \"HH:MM:SS\"): " +
                  Quote(duration_text));
    session.end = session.start + (open_ended ? feed::kOpenEndedLength : *seconds);

    ReadDetails(event, fields, session);
    rooms_.Add(session.room, "");
    schedule_.sessions.push_back(std::move(session));
    open_ended_.push_back(open_ended);
    return Status::Ok();
  }

  // Sets the session's start and offset: <date> with its offset, else a
  // floating local time read in options_.floating_zone.
  Status ReadStart(const EventFields& fields, const DayContext& day, Session& session) {
    std::string date_text = LineOf(fields.date);
    if (date_text.size() > 10) {
      auto instant = ParseIsoInstant(date_text);
      if (!instant.ok()) return Status::Error("<date>: " + instant.status().message());
      if (instant->has_offset) {
        session.start = instant->utc;
        session.utc_offset = instant->offset_seconds;
        return Status::Ok();
      }
      return PlaceFloating(instant->utc, date_text, session);
    }
    std::string start_text = LineOf(fields.start);
    CivilDate date = day.date;
    bool has_date = day.has_date;
    if (!date_text.empty()) {  // a bare date: the time comes from <start>
      auto parsed = ParseIsoDate(date_text);
      if (!parsed.ok()) return Status::Error("<date>: " + parsed.status().message());
      date = *parsed;
      has_date = true;
    }
    if (start_text.empty())
      return Status::Error(
          "<start> missing: every event needs a <date> with a UTC offset, or a <start> time");
    std::int64_t second = 0;
    if (!ParseTimeOfDay(start_text, second))
      return Status::Error("<start>: not a time of day (expected \"HH:MM\"): " + Quote(start_text));
    if (!has_date)
      return Status::Error(
          "no date: neither the event's <date> nor its <day date=…> gives the day of its "
          "<start>");
    std::int64_t days = DaysFromCivil(date);
    // Pentabarf days run past midnight: 01:00 in a day that starts at 09:00 is
    // the next morning. (A <date> of its own already names the right day.)
    if (date_text.empty() && day.start_known && second < day.start_second) ++days;
    return PlaceFloating(days * 86400 + second, FormatDate(CivilFromDays(days)) + " " + start_text,
                         session);
  }

  // Sets the session's start from a local time (as if UTC seconds) without an
  // offset, written `local_text`, in the floating zone.
  Status PlaceFloating(UnixSeconds local, const std::string& local_text, Session& session) {
    if (options_.floating_zone == nullptr)
      return Status::Error("the feed's times carry no UTC offset (" + Quote(local_text) +
                           "): " + std::string(kSetClockTimezone) +
                           " in the screen's config to the venue's time zone");
    session.start = options_.floating_zone->LocalToUtc(local);
    session.utc_offset = options_.floating_zone->OffsetAt(session.start);
    return Status::Ok();
  }

  // What the screens show of an event besides its time and room.
  void ReadDetails(const pugi::xml_node& event, const EventFields& fields, Session& session) {
    session.guid = LineOf(event.attribute("guid"));
    session.feed_id = LineOf(event.attribute("id"));
    session.subtitle = LineOf(fields.subtitle);
    session.track = LineOf(fields.track);
    if (session.track.empty()) session.track = LineOf(fields.track.attribute("name"));
    session.track_color = ColorOf(LineOf(fields.track.attribute("color")));
    if (session.track_color.empty()) {
      if (auto it = track_colors_.find(session.track); it != track_colors_.end())
        session.track_color = it->second;
    }
    session.language = LineOf(fields.language);
    session.type = LineOf(fields.type);
    session.url = LineOf(fields.url);
    session.abstract = ParagraphsOf(fields.abstract);
    if (session.abstract.empty()) session.abstract = ParagraphsOf(fields.description);
    // <persons><person>…</person></persons>, or <person>s right in the event.
    for (const pugi::xml_node& list : {fields.persons, event}) {
      for (pugi::xml_node person : list.children("person")) {
        std::string name = LineOf(person.child("public_name"));
        if (name.empty()) name = LineOf(person.child("name"));
        if (name.empty()) name = LineOf(person);
        if (!name.empty()) session.speakers.push_back(std::move(name));
      }
    }
  }

  // `day 2025-10-15, room "Hall A", event "Opening" (line 42)`.
  std::string PlaceOf(const pugi::xml_node& event, const DayContext& day,
                      const Session& session) const {
    std::string place = "day " + day.label + ", room " +
                        (session.room.empty() ? std::string("(none)") : Quote(session.room)) +
                        ", event ";
    if (!session.title.empty()) {
      place += Quote(session.title);
    } else if (std::string id = LineOf(event.attribute("id")); !id.empty()) {
      place += "id " + id + " (untitled)";
    } else {
      place += "(untitled)";
    }
    if (std::optional<size_t> offset = buffer_.OffsetOf(event))
      place +=
          " (line " + std::to_string(LineNumber(bytes_, buffer_.OriginalOffset(*offset))) + ")";
    return place;
  }

  Schedule& schedule_;
  const FeedOptions& options_;
  const ParseBuffer& buffer_;
  std::string_view bytes_;
  ProblemList problems_;                             // every bad event
  std::vector<bool> open_ended_;                     // by session: no duration given
  std::map<std::string, std::string> track_colors_;  // track name → "#rrggbb"
  feed::RoomIndex rooms_{schedule_.rooms};           // rooms in feed order
};

}  // namespace

Result<Schedule> ParseScheduleXml(std::string_view bytes, const FeedOptions& options) {
  std::string encoding = DeclaredEncoding(bytes);
  bool latin1 = IsLatin1(encoding);
  if (!latin1) {
    if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos)
      return Status::Error(
          "not UTF-8" +
          (encoding.empty() ? std::string() : " (the XML declares " + encoding + ")") +
          ": invalid byte sequence at byte " + std::to_string(bad) + " (" +
          LineAndColumn(bytes, bad) + ")");
  }

  ParseBuffer buffer(bytes, latin1);
  pugi::xml_document document;
  pugi::xml_parse_result parsed = document.load_buffer_inplace(
      buffer.data(), buffer.size(), pugi::parse_default, pugi::encoding_utf8);
  if (pugi::xml_node deep = feed::FirstElementDeeperThan(document)) {
    size_t offset = buffer.OriginalOffset(buffer.OffsetOf(deep).value_or(0));
    return feed::TooDeep("byte " + std::to_string(offset) + " (" + LineAndColumn(bytes, offset) +
                         "), element <" + deep.name() + ">");
  }

  // A partial tree survives a syntax error: an HTML page is named as such even
  // when it is not well-formed XML.
  pugi::xml_node root = document.document_element();
  if (root && !Named(root, "schedule")) {
    std::string name = root.name();
    std::string lower = ToLowerAscii(name);
    return Status::Error("not a schedule.xml: the root element is <" + name + ">, not <schedule>" +
                         (lower == "html" || lower == "head" || lower == "body"
                              ? " (this is an HTML page: a login page, captive portal or error "
                                "page in place of the feed?)"
                              : ""));
  }
  if (parsed.status == pugi::status_no_document_element)
    return Status::Error("not a schedule.xml: the document has no root element");
  if (!parsed) {
    size_t offset = buffer.OriginalOffset(static_cast<size_t>(std::max<std::ptrdiff_t>(
        0, std::min<std::ptrdiff_t>(parsed.offset, static_cast<std::ptrdiff_t>(buffer.size())))));
    return Status::Error("not well-formed XML at byte " + std::to_string(offset) + " (" +
                         LineAndColumn(bytes, offset) + "): " + parsed.description());
  }
  if (!root) return Status::Error("not a schedule.xml: the document has no root element");

  Schedule schedule;
  Reader reader(schedule, options, buffer, bytes);
  Status status = reader.ReadSchedule(root);
  if (!status.ok()) return status;
  return schedule;
}

}  // namespace foyer
