// Format detection and dispatch. Detection looks only at the bytes: past a
// UTF-8 byte order mark and whitespace, a JSON object is told apart by its
// top-level keys (read with a small scanner, without building a tree), XML by
// its root element, iCalendar by its first line. HTML is recognised too, so a
// captive portal or an error page is named for what it is.

#include "feed/feed.h"

#include "base/text.h"
#include "base/utf8.h"
#include "model/session_fields.h"

#include <algorithm>
#include <string>

namespace foyer {
namespace {

constexpr std::string_view kSpaces = " \t\n\r\f";
bool IsSpace(char c) { return kSpaces.find(c) != std::string_view::npos; }

std::string_view SkipBomAndSpace(std::string_view bytes) {
  return TrimStart(SkipUtf8Bom(bytes), kSpaces);
}

// True when `text` starts with the tag name `name` (case-insensitive) followed
// by the end of the name: whitespace, '>' or '/'.
bool StartsWithTag(std::string_view text, std::string_view name) {
  if (!StartsWithNoCase(text, name)) return false;
  if (text.size() == name.size()) return true;
  char next = text[name.size()];
  return IsSpace(next) || next == '>' || next == '/';
}

// Calls `on_key(raw key)` for each key of the top-level JSON object in `text`
// (which starts with '{') until it returns true. Keys are compared raw, escapes
// and all; the keys looked for have none.
template <typename OnKey>
void ForEachTopLevelKey(std::string_view text, OnKey on_key) {
  int depth = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth <= 0) return;
    } else if (c == '"') {
      size_t begin = ++pos;
      while (pos < text.size() && text[pos] != '"') pos += text[pos] == '\\' ? 2 : 1;
      if (pos >= text.size()) return;
      if (depth != 1) continue;
      size_t after = pos + 1;
      while (after < text.size() && IsSpace(text[after])) ++after;
      if (after < text.size() && text[after] == ':' && on_key(text.substr(begin, pos - begin)))
        return;
    }
  }
}

// Skips an XML declaration, comments, processing instructions and a DOCTYPE
// (other than an HTML one); returns the text from the root element's '<' on.
std::string_view SkipXmlProlog(std::string_view text) {
  while (true) {
    text = SkipBomAndSpace(text);
    size_t end = std::string_view::npos;
    if (text.substr(0, 4) == "<!--") {
      end = text.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (text.substr(0, 2) == "<?") {
      end = text.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (StartsWithNoCase(text, "<!DOCTYPE") &&
               !StartsWithTag(SkipBomAndSpace(text.substr(9)), "html")) {
      end = text.find('>');
      if (end != std::string_view::npos) end += 1;
    } else {
      return text;
    }
    if (end == std::string_view::npos) return std::string_view();
    text.remove_prefix(end);
  }
}

// <icalendar …>, <iCalendar …> or a prefixed <xCal:iCalendar …>: xCal's root;
// or a lone <vcalendar>, as some exporters write it.
bool IsXCalendarRoot(std::string_view tag) {
  size_t name_end = tag.find_first_of(" \t\r\n/>");
  std::string_view name = tag.substr(0, name_end);
  size_t colon = name.find(':');
  if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name.size() == 9 &&
         (StartsWithNoCase(name, "icalendar") || StartsWithNoCase(name, "vcalendar"));
}

bool LooksLikeHtml(std::string_view text) {
  std::string_view root = SkipXmlProlog(text);
  if (root.empty() || root.front() != '<') return false;
  root.remove_prefix(1);
  if (StartsWithNoCase(root, "!DOCTYPE")) return true;  // only an HTML DOCTYPE is left unskipped
  return StartsWithTag(root, "html") || StartsWithTag(root, "head") || StartsWithTag(root, "body");
}

// The first bytes, made safe to quote in a one-line message: line breaks as
// spaces, bytes that are not UTF-8 as "\xNN" (the message reaches JSON and logs).
std::string Preview(std::string_view text) {
  size_t length = std::min<size_t>(text.size(), 40);
  while (length > 0 && length < text.size() &&
         (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80)
    --length;  // never cut a UTF-8 sequence in half
  std::string out;
  for (char c : text.substr(0, length)) out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  return "\"" + EscapeUnprintable(out) + (length < text.size() ? "…" : "") + "\"";
}

}  // namespace

FeedFormat DetectFeedFormat(std::string_view bytes) {
  std::string_view text = SkipBomAndSpace(bytes);
  if (text.empty()) return FeedFormat::kUnknown;
  if (text.front() == '{') {
    bool schedule = false, indico = false;
    ForEachTopLevelKey(text, [&](std::string_view key) {
      if (key == "schedule") schedule = true;
      if (key == "_type" || key == "results") indico = true;
      return schedule;
    });
    if (schedule) return FeedFormat::kScheduleJson;
    if (indico) return FeedFormat::kIndicoJson;
    return FeedFormat::kUnknown;
  }
  if (text.front() == '<') {
    std::string_view root = SkipXmlProlog(text);
    if (!root.empty() && StartsWithTag(root.substr(1), "schedule")) return FeedFormat::kScheduleXml;
    if (!root.empty() && IsXCalendarRoot(root.substr(1))) return FeedFormat::kXCalendar;
    return FeedFormat::kUnknown;
  }
  if (StartsWithNoCase(text, "BEGIN:VCALENDAR")) return FeedFormat::kICalendar;
  return FeedFormat::kUnknown;
}

const char* FeedFormatName(FeedFormat format) {
  switch (format) {
    case FeedFormat::kScheduleJson:
      return "schedule.json";
    case FeedFormat::kScheduleXml:
      return "schedule.xml";
    case FeedFormat::kICalendar:
      return "iCalendar";
    case FeedFormat::kXCalendar:
      return "xCal";
    case FeedFormat::kIndicoJson:
      return "Indico JSON";
    case FeedFormat::kUnknown:
      break;
  }
  return "unknown";
}

Result<Schedule> ParseFeed(std::string_view bytes) { return ParseFeed(bytes, FeedOptions{}); }

namespace {

// Whatever a parser let through (character references past U+10FFFF or to
// surrogates decode into bytes that are not UTF-8), screens and --print's JSON
// get UTF-8 only.
Schedule SanitizeTexts(Schedule schedule) {
  for (std::string* text :
       {&schedule.title, &schedule.acronym, &schedule.version, &schedule.time_zone_name})
    *text = SanitizeUtf8(*text);
  for (Room& room : schedule.rooms)
    room.name = SanitizeUtf8(room.name), room.slug = SanitizeUtf8(room.slug);
  for (Session& session : schedule.sessions)
    ForEachFeedText(session, [](std::string& text) { text = SanitizeUtf8(text); });
  return schedule;
}

Result<Schedule> ParseDetected(std::string_view bytes, const FeedOptions& options);

}  // namespace

Result<Schedule> ParseFeed(std::string_view bytes, const FeedOptions& options) {
  auto schedule = ParseDetected(bytes, options);
  if (!schedule.ok()) return schedule;
  return SanitizeTexts(std::move(*schedule));
}

namespace {

Result<Schedule> ParseDetected(std::string_view bytes, const FeedOptions& options) {
  FeedFormat format = DetectFeedFormat(bytes);
  switch (format) {
    case FeedFormat::kScheduleJson:
      return ParseScheduleJson(bytes, options);
    case FeedFormat::kScheduleXml:
      return ParseScheduleXml(bytes, options);
    case FeedFormat::kICalendar:
      return ParseICalendar(bytes, options);
    case FeedFormat::kXCalendar:
      return ParseXCalendar(bytes, options);
    case FeedFormat::kIndicoJson:
      return ParseIndicoJson(bytes);
    case FeedFormat::kUnknown:
      break;
  }
  std::string_view text = SkipBomAndSpace(bytes);
  if (text.empty()) return Status::Error("the feed is empty");
  if (LooksLikeHtml(text))
    return Status::Error(
        "this is an HTML page, not a schedule feed (a login page, captive portal or error page "
        "in place of the feed?)");
  if (text.front() == '{')
    return Status::Error(
        "not a schedule feed: a JSON object without a top-level \"schedule\" (expected "
        "schedule.json)");
  if (text.front() == '<')
    return Status::Error(
        "not a schedule feed: an XML document whose root is neither <schedule> nor <icalendar> "
        "(expected schedule.xml or xCal)");
  return Status::Error(
      "not a schedule feed (expected schedule.json, schedule.xml, iCalendar or xCal); it "
      "begins " +
      Preview(text));
}

}  // namespace

}  // namespace foyer
