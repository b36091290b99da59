// foyer-feed: the organizers' command for what they publish to foyer screens:
// checking a schedule feed, converting what their tools export into
// schedule.json, and posting announcements; and, with a fleet's MQTT broker,
// telling screens the feed changed and seeing every screen (fleet_verbs.h),
// and relaying a schedule (relay.h). Those are its only network use; it links
// the feed, fleet and sync (for its HTTP client) modules.
//
//   foyer-feed validate [--timezone ZONE] FILE...
//   foyer-feed convert INPUT -o OUT.json [--timezone ZONE] [--title TITLE] [--base-url URL]
//   foyer-feed announce --text T --level L --from TIME --until TIME [--rooms R,…]
//                       [--id ID] -o FILE
//   foyer-feed announce --list FILE
//   foyer-feed announce --remove ID -o FILE
//   foyer-feed notify | screens [--json] | screenshot ID -o FILE.png  + broker options
//   foyer-feed relay SOURCE_URL --out DIR [--every S] [--sign KEY] [--once] [broker options]
//   foyer-feed --help | --version | VERB --help
//
// Exit status: 0 ok, 2 invalid input (each problem on its own line on standard
// error, naming where it is), 64 usage error (sysexits EX_USAGE).
// Files are replaced atomically: written beside the target, synced, renamed.

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/env.h"
#include "base/status.h"
#include "base/text.h"
#include "base/time.h"
#include "base/utf8.h"
#include "feed/announcements.h"
#include "feed/csv.h"
#include "feed/feed.h"
#include "feed/schedule_json_writer.h"
#include "feed/validate.h"
#include "fleet_verbs.h"

#ifndef FOYER_VERSION
#define FOYER_VERSION "unknown"
#endif

namespace foyer {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 2;
constexpr int kExitUsage = 64;

constexpr char kUsage[] =
    "usage: foyer-feed COMMAND [ARGS]\n"
    "\n"
    "Prepares what organizers publish to foyer screens: the schedule feed and\n"
    "announcements.\n"
    "\n"
    "commands:\n"
    "  validate FILE...            parse each FILE (schedule.json, schedule.xml, iCalendar,\n"
    "                              xCal, Indico JSON or CSV) and report what would show\n"
    "                              wrongly\n"
    "  convert INPUT -o OUT.json   turn any of those into a frab/pretalx schedule.json\n"
    "  announce ... -o FILE        add, update, list or remove announcements\n"
    "  notify --broker URL --topic T   tell every screen the feed changed (MQTT)\n"
    "  screens [--json] ...        every screen's status, problems first\n"
    "  screenshot ID -o FILE.png ...   a PNG of what screen ID shows now\n"
    "  relay SOURCE_URL --out DIR ...  poll, check, publish and notify (the organizers' side)\n"
    "\n"
    "  foyer-feed COMMAND --help   shows the command's options\n"
    "\n"
    "options:\n"
    "  --help            show this text\n"
    "  --version         show the version\n"
    "\n"
    "exit status: 0 ok, 2 invalid input, 64 usage error\n";

constexpr char kValidateUsage[] =
    "usage: foyer-feed validate [--timezone ZONE] FILE...\n"
    "\n"
    "Parses each FILE and checks it. The format is detected from the bytes\n"
    "(schedule.json, schedule.xml, iCalendar, xCal, Indico JSON); a FILE named *.csv,\n"
    "or whose first line is a header naming title and start, is read as CSV\n"
    "(see 'foyer-feed convert --help'). '-' reads standard input.\n"
    "\n"
    "A valid feed prints one line on standard output:\n"
    "  FILE: FORMAT, N sessions in M rooms, FIRST-DAY–LAST-DAY\n"
    "An invalid one prints each problem on standard error:\n"
    "  FILE: where: message\n"
    "What screens show right but looks odd (a session of more than a day) is a\n"
    "warning, printed on standard error; the feed is still valid:\n"
    "  FILE: warning: where: message\n"
    "\n"
    "options:\n"
    "  --timezone ZONE   IANA zone (e.g. Europe/Berlin) for times written without a\n"
    "                    UTC offset (old pentabarf XML, floating iCalendar and xCal\n"
    "                    times, CSV)\n"
    "\n"
    "exit status: 0 all valid, 2 any invalid or unreadable, 64 usage error\n";

constexpr char kConvertUsage[] =
    "usage: foyer-feed convert INPUT -o OUT.json [--timezone ZONE] [--title TITLE]\n"
    "                          [--base-url URL]\n"
    "\n"
    "Converts INPUT (schedule.json, schedule.xml, iCalendar, xCal, Indico JSON or CSV)\n"
    "into a frab/pretalx schedule.json that validates against the c3voc schema. Days\n"
    "run 04:00-03:59 in the zone; every room is listed on every day. Nothing is\n"
    "written when INPUT has problems. '-' reads standard input; '-o -' writes\n"
    "standard output.\n"
    "\n"
    "CSV (INPUT named *.csv, or whose first line is a header row): one session per\n"
    "row; the header names the columns, in any order, case-insensitive:\n"
    "  room,title,start,end      required\n"
    "  speakers                  optional; names separated by ';' (or by ',' when ';'\n"
    "                            separates the fields)\n"
    "  track,language,url,abstract,type,subtitle,id   optional; others are ignored\n"
    "Fields are separated by ',' or ';' (as spreadsheets export), quoted with '\"'.\n"
    "start and end: 2025-10-15T10:40:00+05:00, or local times read in --timezone:\n"
    "2025-10-15 10:40, 2025-10-15T10:40, 15.10.2025 10:40.\n"
    "\n"
    "options:\n"
    "  -o, --output OUT.json  where to write the schedule.json (replaced atomically)\n"
    "  --timezone ZONE        IANA zone (e.g. Asia/Almaty): reads times without an\n"
    "                         offset, and groups the days; default: the feed's own\n"
    "                         zone, or the offset most sessions carry\n"
    "  --title TITLE          the conference's title, when INPUT has none (CSV)\n"
    "  --base-url URL         resolves relative session URLs (frab's .ics writes\n"
    "                         2015/events/70.html); a session left without an absolute\n"
    "                         URL gets urn:uuid:GUID, as the schema wants a URI\n"
    "\n"
    "exit status: 0 written, 2 invalid input (each problem on its own line), 64 usage\n";

constexpr char kAnnounceUsage[] =
    "usage: foyer-feed announce --text TEXT --level LEVEL --from TIME --until TIME\n"
    "                           [--rooms ROOM,...] [--room ROOM]... [--id ID] -o FILE\n"
    "       foyer-feed announce --level full --room ROOM --until TIME -o FILE\n"
    "       foyer-feed announce --list FILE\n"
    "       foyer-feed announce --remove ID -o FILE\n"
    "\n"
    "Adds an announcement to the announcements file FILE (created if missing), or\n"
    "replaces the one with the same id; lists them; or removes one. FILE is the\n"
    "fixed announcements format that screens read from feed.announcements_url:\n"
    "  {\"announcements\": [{\"id\", \"text\", \"level\", \"rooms\", \"starts\", \"ends\"}]}\n"
    "\n"
    "options:\n"
    "  --text TEXT        what the screens show\n"
    "  --level LEVEL      info, warning, emergency (takes the whole screen) or full (the\n"
    "                     rooms take no more people: a band at their doors, marked on\n"
    "                     hallway boards; needs --room; --text and --from are optional)\n"
    "  --from TIME        when it starts: 2025-10-15T10:40:00+05:00 (with an offset), or now\n"
    "                     (the default for full)\n"
    "  --until TIME       when it ends (after --from)\n"
    "  --rooms ROOM,...   the rooms whose screens show it (default: every screen)\n"
    "  --room ROOM        one room, its name as it is (may hold commas); repeatable\n"
    "  --id ID            the announcement's id (default: made from the text)\n"
    "  -o, --output FILE  the announcements file (replaced atomically)\n"
    "  --list FILE        print the announcements in FILE, one per line\n"
    "  --remove ID        remove the announcement ID from the -o FILE\n"
    "\n"
    "exit status: 0 ok, 2 invalid input (each problem on its own line), 64 usage error\n";

int UsageError(const std::string& verb, const std::string& message, const char* usage) {
  std::cerr << "foyer-feed" << (verb.empty() ? "" : " " + verb) << ": " << message << "\n\n"
            << usage;
  return kExitUsage;
}

// Reads a command's words: options (with "--name=value" split in two) and operands.
class Arguments {
 public:
  explicit Arguments(const std::vector<std::string>& args) {
    bool options_done = false;
    for (const std::string& arg : args) {
      if (!options_done && arg == "--") {
        options_done = true;
        continue;
      }
      size_t equals = arg.find('=');
      if (!options_done && arg.rfind("--", 0) == 0 && equals != std::string::npos) {
        words_.push_back({arg.substr(0, equals), true});
        words_.push_back({arg.substr(equals + 1), false});
      } else {
        words_.push_back({arg, !options_done && arg.size() > 1 && arg[0] == '-'});
      }
    }
  }
  bool Done() const { return next_ >= words_.size(); }
  // The next word, and whether it is an option.
  const std::string& Next(bool& is_option) {
    is_option = words_[next_].is_option;
    return words_[next_++].text;
  }
  // The value of the option just read, or nullopt when there is none.
  std::optional<std::string> Value() {
    if (Done()) return std::nullopt;
    return words_[next_++].text;
  }

 private:
  struct Word {
    std::string text;
    bool is_option;
  };
  std::vector<Word> words_;
  size_t next_ = 0;
};

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::ostringstream bytes;
    bytes << std::cin.rdbuf();
    return bytes.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::Error(std::string("cannot read: ") + std::strerror(errno));
  return bytes;
}

std::string Errno(const std::string& what) { return what + ": " + std::strerror(errno); }

// Replaces `path` with `bytes` so that a reader (or a power cut) sees the old
// file or the new one, never half of either: write a temporary file in the
// same folder, sync it, rename it over `path`, sync the folder.
Status WriteFileAtomically(const std::string& path, const std::string& bytes) {
  size_t slash = path.rfind('/');
  std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error(Errno("cannot write " + temporary));
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status error = Status::Error(Errno("cannot write " + temporary));
      ::close(fd);
      ::unlink(temporary.c_str());
      return error;
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    Status error = Status::Error(Errno("cannot write " + temporary));
    ::unlink(temporary.c_str());
    return error;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    Status error = Status::Error(Errno("cannot replace " + path));
    ::unlink(temporary.c_str());
    return error;
  }
  if (int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return Status::Ok();
}

// Prints `text` on standard error, each of its lines naming `file` ("FILE: …");
// with `named`, its first line names the file already.
void PrintNamingFile(const std::string& file, const std::string& text, bool named) {
  std::istringstream lines(text);
  bool first = true;
  for (std::string line; std::getline(lines, line); first = false)
    std::cerr << (first && named ? "" : file + ": ") << line << "\n";
}

// Prints each problem on its own line, "FILE: place: message", then how many
// more there are; `hint` ends the last line. With `places_name_file` (a CSV
// file read under its name), a place names the file already: "FILE:7: message".
void PrintProblems(const std::string& file, const ProblemList& problems, bool places_name_file,
                   const std::string& hint) {
  std::vector<Problem> shown = problems.Shown();
  std::vector<std::string> lines = problems.Lines();
  if (!lines.empty()) lines.back() += hint;
  for (size_t i = 0; i < lines.size(); ++i)
    PrintNamingFile(file, lines[i],
                    places_name_file && i < shown.size() && !shown[i].place.empty());
}

struct Loaded {
  Schedule schedule;
  std::string format;  // "schedule.json", "CSV", …
};

// Reads and parses one input. On failure prints each problem naming `path`
// and returns nullopt.
std::optional<Loaded> Load(const std::string& path, const Zone* zone) {
  auto bytes = ReadInput(path);
  if (!bytes.ok()) {
    std::cerr << path << ": " << bytes.status().message() << "\n";
    return std::nullopt;
  }
  FeedFormat format = DetectFeedFormat(*bytes);
  bool csv = EndsWithNoCase(path, ".csv") ||
             (format == FeedFormat::kUnknown && LooksLikeCsvSchedule(*bytes));
  Loaded loaded;
  Result<Schedule> schedule = Status::Error("unread");
  if (csv) {
    loaded.format = "CSV";
    schedule = ParseCsv(*bytes, zone, path);
  } else {
    loaded.format = FeedFormatName(format);
    FeedOptions options;
    options.floating_zone = zone;
    schedule = ParseFeed(*bytes, options);
  }
  if (!schedule.ok()) {
    const ProblemList& problems = schedule.status().problems();
    bool needs_zone = zone == nullptr && problems.Mentions(kSetClockTimezone);
    PrintProblems(path, problems, csv, needs_zone ? " (foyer-feed: pass --timezone ZONE)" : "");
    return std::nullopt;
  }
  loaded.schedule = std::move(schedule).value();
  return loaded;
}

// Prints each problem ReviewSchedule finds, warnings marked as such; true
// when there are none but warnings (screens show the schedule right).
bool ReportProblems(const std::string& path, const Schedule& schedule) {
  bool valid = true;
  for (const ScheduleProblem& found : ReviewSchedule(schedule)) {
    std::cerr << path << ": " << (found.warning ? "warning: " : "") << found.problem.ToString()
              << "\n";
    valid &= found.warning;
  }
  return valid;
}

std::string LocalDate(const Session& session) {
  return FormatDate(Zone::Fixed(session.utc_offset).ToCivil(session.start).date);
}

// "schedule.json, 36 sessions in 2 rooms, 2020-12-14–2020-12-16". Rooms are
// those with at least one session. REQUIRES: !schedule.sessions.empty()
std::string Summary(const std::string& format, const Schedule& schedule) {
  auto by_start = [](const Session& a, const Session& b) { return a.start < b.start; };
  auto [first, last] =
      std::minmax_element(schedule.sessions.begin(), schedule.sessions.end(), by_start);
  std::set<std::string> rooms;
  for (const Session& session : schedule.sessions)
    if (!session.room.empty()) rooms.insert(session.room);
  return format + ", " + std::to_string(schedule.sessions.size()) + " sessions in " +
         std::to_string(rooms.size()) + " rooms, " + LocalDate(*first) + "\xE2\x80\x93" +
         LocalDate(*last);
}

// Loads --timezone's zone; prints why not and returns nullopt when unknown.
std::optional<Zone> LoadZone(const std::string& name) {
  auto zone = Zone::Load(name);
  if (!zone.ok()) {
    std::cerr << "--timezone: " << zone.status().message()
              << " (an IANA name such as Europe/Berlin or Asia/Almaty)\n";
    return std::nullopt;
  }
  return *zone;
}

int Validate(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::optional<std::string> timezone;
  Arguments arguments(args);
  while (!arguments.Done()) {
    bool is_option;
    std::string word = arguments.Next(is_option);
    if (!is_option) {
      files.push_back(word);
    } else if (word == "--help" || word == "-h") {
      std::cout << kValidateUsage;
      return kExitOk;
    } else if (word == "--timezone") {
      timezone = arguments.Value();
      if (!timezone) return UsageError("validate", "--timezone needs a ZONE", kValidateUsage);
    } else {
      return UsageError("validate", "unknown option " + word, kValidateUsage);
    }
  }
  if (files.empty()) return UsageError("validate", "no FILE given", kValidateUsage);
  std::optional<Zone> zone;
  if (timezone && !(zone = LoadZone(*timezone))) return kExitInvalid;

  bool all_valid = true;
  for (const std::string& file : files) {
    auto loaded = Load(file, zone ? &*zone : nullptr);
    if (!loaded || !ReportProblems(file, loaded->schedule)) {
      all_valid = false;
      continue;
    }
    std::cout << file << ": " << Summary(loaded->format, loaded->schedule) << "\n";
  }
  return all_valid ? kExitOk : kExitInvalid;
}

// "schedule" from "path/to/schedule.csv": a title for inputs that carry none.
std::string Stem(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  return name.substr(0, name.rfind('.'));
}

// True when `url` starts with a scheme ("https:", "mailto:").
bool HasScheme(const std::string& url) {
  size_t colon = url.find(':');
  if (colon == 0 || colon == std::string::npos || !std::isalpha(static_cast<unsigned char>(url[0])))
    return false;
  return std::all_of(url.begin(), url.begin() + colon, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

// RFC 3986 5.2.4: "/a/b/../c/./d" → "/a/c/d".
std::string RemoveDotSegments(std::string path) {
  std::string out;
  while (!path.empty()) {
    if (path.rfind("../", 0) == 0) {
      path.erase(0, 3);
    } else if (path.rfind("./", 0) == 0 || path.rfind("/./", 0) == 0) {
      path.erase(0, 2);  // "./x" → "x", "/./x" → "/x"
    } else if (path == "/.") {
      path = "/";
    } else if (path.rfind("/../", 0) == 0 || path == "/..") {
      path = path == "/.." ? "/" : path.substr(3);
      size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (path == "." || path == "..") {
      path.clear();
    } else {
      size_t next = path.find('/', 1);
      if (next == std::string::npos) next = path.size();
      out += path.substr(0, next);
      path.erase(0, next);
    }
  }
  return out;
}

// `reference` resolved against the absolute `base` (RFC 3986 5.2, for the
// shapes feeds use: absolute, "//host/…", "/path", "path", "?query", "#frag").
std::string ResolveUrl(const std::string& base, const std::string& reference) {
  if (reference.empty() || HasScheme(reference)) return reference;
  size_t scheme_end = base.find(':');
  std::string scheme = base.substr(0, scheme_end + 1);
  if (reference.rfind("//", 0) == 0) return scheme + reference;
  size_t authority_end = base.size();
  if (base.compare(scheme_end + 1, 2, "//") == 0)
    authority_end = std::min(base.find_first_of("/?#", scheme_end + 3), base.size());
  else
    authority_end = scheme_end + 1;
  std::string origin = base.substr(0, authority_end);
  std::string rest = base.substr(authority_end);
  std::string path = rest.substr(0, rest.find_first_of("?#"));
  if (reference[0] == '#') return base.substr(0, base.find('#')) + reference;
  if (reference[0] == '?') return origin + path + reference;
  if (reference[0] == '/') return origin + RemoveDotSegments(reference);
  std::string folder =
      path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  if (folder.empty()) folder = "/";
  return origin + RemoveDotSegments(folder + reference);
}

// The operands and options of `foyer-feed convert`.
struct ConvertOptions {
  std::vector<std::string> inputs;
  std::optional<std::string> output, timezone, title, base_url;
};

// Reads convert's words into `options`. Returns the exit status when the
// command ends here (--help, a usage error), nullopt when it goes on.
std::optional<int> ReadConvertOptions(const std::vector<std::string>& args,
                                      ConvertOptions& options) {
  Arguments arguments(args);
  while (!arguments.Done()) {
    bool is_option;
    std::string word = arguments.Next(is_option);
    if (!is_option) {
      options.inputs.push_back(word);
    } else if (word == "--help" || word == "-h") {
      std::cout << kConvertUsage;
      return kExitOk;
    } else if (word == "-o" || word == "--output" || word == "--timezone" || word == "--title" ||
               word == "--base-url") {
      auto value = arguments.Value();
      if (!value) return UsageError("convert", word + " needs a value", kConvertUsage);
      if (word == "--timezone") {
        options.timezone = value;
      } else if (word == "--title") {
        options.title = value;
      } else if (word == "--base-url") {
        options.base_url = value;
      } else {
        options.output = value;
      }
    } else {
      return UsageError("convert", "unknown option " + word, kConvertUsage);
    }
  }
  return std::nullopt;
}

int Convert(const std::vector<std::string>& args) {
  ConvertOptions options;
  if (std::optional<int> done = ReadConvertOptions(args, options)) return *done;
  const auto& [inputs, output, timezone, title, base_url] = options;
  if (inputs.size() != 1)
    return UsageError("convert", inputs.empty() ? "no INPUT given" : "give one INPUT",
                      kConvertUsage);
  if (!output) return UsageError("convert", "no -o OUT.json given", kConvertUsage);
  std::optional<Zone> zone;
  if (timezone && !(zone = LoadZone(*timezone))) return kExitInvalid;
  if (base_url && (!HasScheme(*base_url) || base_url->find("//") == std::string::npos)) {
    std::cerr << "--base-url: \"" << *base_url
              << "\" is not an absolute URL (write https://example.org/2015/)\n";
    return kExitInvalid;
  }

  const std::string& input = inputs.front();
  auto loaded = Load(input, zone ? &*zone : nullptr);
  if (!loaded || !ReportProblems(input, loaded->schedule)) return kExitInvalid;
  Schedule& schedule = loaded->schedule;
  if (title) schedule.title = CollapseWhitespace(*title);
  if (schedule.title.empty() && input != "-") schedule.title = Stem(input);
  size_t without_url = 0;
  for (Session& session : schedule.sessions) {
    if (base_url) session.url = ResolveUrl(*base_url, session.url);
    without_url += !HasScheme(session.url);
  }
  Zone write_zone = zone ? *zone : DefaultZoneFor(schedule);
  std::string json = WriteScheduleJson(schedule, write_zone);

  if (*output == "-") {
    std::cout << json;
    return kExitOk;
  }
  if (Status status = WriteFileAtomically(*output, json); !status.ok()) {
    std::cerr << *output << ": " << status.message() << "\n";
    return kExitInvalid;
  }
  std::cout << *output << ": written from " << Summary(loaded->format, schedule) << ", times in "
            << write_zone.name() << "\n";
  if (without_url > 0)
    std::cerr << *output << ": note: " << without_url << " of " << schedule.sessions.size()
              << " sessions have no absolute URL; their url is urn:uuid:GUID"
              << (base_url ? "" : " (--base-url resolves relative ones)") << "\n";
  return kExitOk;
}

// A readable id from the text ("Hall B is closed" → "hall-b-is-closed"), or
// "a-" and a hash of it when the text has too few Latin letters or digits.
std::string DefaultAnnouncementId(const std::string& text) {
  std::string slug;
  for (char c : text) {
    char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      slug += lower;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() >= 40) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() >= 3) return slug;
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (unsigned char c : text) hash = (hash ^ c) * 16777619u;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "a-%08x", hash);
  return buffer;
}

// The announcements in `path`; an empty list when the file does not exist yet.
Result<std::vector<Announcement>> ReadAnnouncements(const std::string& path, bool must_exist) {
  if (!must_exist && ::access(path.c_str(), F_OK) != 0 && errno == ENOENT)
    return std::vector<Announcement>{};
  auto bytes = ReadInput(path);
  if (!bytes.ok()) return bytes.status();
  return ParseAnnouncements(*bytes);
}

Status WriteAnnouncements(const std::string& path, const std::vector<Announcement>& list) {
  std::string bytes = SerializeAnnouncements(list);
  // What is written must be what screens read: check it the way they do.
  if (auto check = ParseAnnouncements(bytes); !check.ok() || *check != list)
    return Status::Error("internal error: the announcements would not read back (" +
                         check.status().ToString() + "); nothing written");
  return WriteFileAtomically(path, bytes);
}

std::string ListLine(const Announcement& a) {
  std::string rooms = "all rooms";
  if (!a.rooms.empty()) {
    rooms.clear();
    for (const std::string& room : a.rooms) rooms += (rooms.empty() ? "" : ", ") + room;
  }
  return a.id + "\t" + kAnnouncementLevelNames.Name(a.level) + "\t" + FormatUtcIso(a.starts) +
         "\xE2\x80\x93" + FormatUtcIso(a.ends) + "\t" + rooms + "\t" + a.text;
}

// The options of `foyer-feed announce`, each given or not.
struct AnnounceOptions {
  std::optional<std::string> text, level, rooms, from, until, id, output, list, remove;
  std::vector<std::string> room;  // --room, each a whole name
};

// Reads announce's options into `options`. Returns the exit status when the
// command ends here (--help, a usage error), nullopt when it goes on.
std::optional<int> ReadAnnounceOptions(const std::vector<std::string>& args,
                                       AnnounceOptions& options) {
  Arguments arguments(args);
  while (!arguments.Done()) {
    bool is_option;
    std::string word = arguments.Next(is_option);
    if (word == "--help" || word == "-h") {
      std::cout << kAnnounceUsage;
      return kExitOk;
    }
    std::optional<std::string>* target = nullptr;
    if (word == "--text") target = &options.text;
    if (word == "--level") target = &options.level;
    if (word == "--rooms") target = &options.rooms;
    if (word == "--from") target = &options.from;
    if (word == "--until") target = &options.until;
    if (word == "--id") target = &options.id;
    if (word == "-o" || word == "--output") target = &options.output;
    if (word == "--list") target = &options.list;
    if (word == "--remove") target = &options.remove;
    std::optional<std::string> room;
    if (word == "--room") target = &room;
    if (!is_option || target == nullptr)
      return UsageError("announce", (is_option ? "unknown option " : "unexpected argument ") + word,
                        kAnnounceUsage);
    *target = arguments.Value();
    if (!*target) return UsageError("announce", word + " needs a value", kAnnounceUsage);
    if (room) options.room.push_back(*room);
  }
  return std::nullopt;
}

// announce --list FILE: one line per announcement.
int ListAnnouncements(const AnnounceOptions& o) {
  if (o.text || o.level || o.rooms || o.from || o.until || o.id || o.output || o.remove ||
      !o.room.empty())
    return UsageError("announce", "--list takes only the FILE", kAnnounceUsage);
  auto announcements = ReadAnnouncements(*o.list, true);
  if (!announcements.ok()) {
    std::cerr << *o.list << ": " << announcements.status().message() << "\n";
    return kExitInvalid;
  }
  for (const Announcement& a : *announcements) std::cout << ListLine(a) << "\n";
  return kExitOk;
}

// announce --remove ID -o FILE.
int RemoveAnnouncement(const AnnounceOptions& o) {
  if (o.text || o.level || o.rooms || o.from || o.until || o.id || !o.room.empty())
    return UsageError("announce", "--remove takes only the ID and -o FILE", kAnnounceUsage);
  auto announcements = ReadAnnouncements(*o.output, true);
  if (!announcements.ok()) {
    std::cerr << *o.output << ": " << announcements.status().message() << "\n";
    return kExitInvalid;
  }
  auto it = std::find_if(announcements->begin(), announcements->end(),
                         [&](const Announcement& a) { return a.id == *o.remove; });
  if (it == announcements->end()) {
    std::cerr << *o.output << ": no announcement with id \"" << *o.remove << "\"\n";
    return kExitInvalid;
  }
  announcements->erase(it);
  if (Status status = WriteAnnouncements(*o.output, *announcements); !status.ok()) {
    std::cerr << *o.output << ": " << status.message() << "\n";
    return kExitInvalid;
  }
  std::cout << *o.output << ": removed \"" << *o.remove << "\"; " << announcements->size()
            << " left\n";
  return kExitOk;
}

// --from or --until's instant: a date and time with a UTC offset, or (--from
// only) "now". False after adding why not to `problems`.
bool ReadAnnouncementTime(const std::string& option, const std::string& value, UnixSeconds& out,
                          std::vector<std::string>& problems) {
  if (option == "--from" && value == "now") {
    out = Env::Default()->Now();
    return true;
  }
  auto instant = ParseIsoInstant(value);
  if (!instant.ok() || !instant->has_offset) {
    problems.push_back(option + ": \"" + value +
                       "\" is not a date and time with a UTC offset (write "
                       "2025-10-15T10:40:00+05:00" +
                       (option == "--from" ? std::string(", or now)") : std::string(")")));
    return false;
  }
  out = instant->utc;
  return true;
}

// The announcement the options describe, and every problem with it, each on
// its own line naming its option. REQUIRES: text, level, from and until given.
Announcement AnnouncementOf(const AnnounceOptions& o, std::vector<std::string>& problems) {
  Announcement announcement;
  announcement.text = CollapseWhitespace(*o.text);
  if (announcement.text.empty()) problems.push_back("--text: empty");
  if (auto known = kAnnouncementLevelNames.Parse(*o.level))
    announcement.level = *known;
  else
    problems.push_back("--level: \"" + *o.level + "\" is not " +
                       kAnnouncementLevelNames.Choices(""));
  bool times_read = ReadAnnouncementTime("--from", *o.from, announcement.starts, problems);
  times_read = ReadAnnouncementTime("--until", *o.until, announcement.ends, problems) && times_read;
  if (times_read && announcement.ends <= announcement.starts)
    problems.push_back("--until: " + *o.until + " is not after --from " + *o.from);
  if (o.rooms) {
    std::string room;
    std::istringstream names(*o.rooms);
    while (std::getline(names, room, ','))
      if (std::string name = CollapseWhitespace(room); !name.empty())
        announcement.rooms.push_back(name);
  }
  for (const std::string& room : o.room)
    if (std::string name = CollapseWhitespace(room); !name.empty())
      announcement.rooms.push_back(name);
  if (announcement.level == AnnouncementLevel::kFull && announcement.rooms.empty())
    problems.push_back("--level full: name the room with --room \"Hall A\"");
  announcement.id = o.id ? CollapseWhitespace(*o.id) : DefaultAnnouncementId(announcement.text);
  if (announcement.id.empty()) problems.push_back("--id: empty");
  return announcement;
}

// announce --text … -o FILE: adds the announcement, or replaces the one with its id.
int AddAnnouncement(AnnounceOptions o) {
  // A full room needs only the room and when it ends: the screens word it themselves.
  if (o.level && *o.level == "full") {
    if (!o.text) o.text = "Room full";
    if (!o.from) o.from = "now";
  }
  for (auto [value, name] : {std::pair{&o.text, "--text"},
                             {&o.level, "--level"},
                             {&o.from, "--from"},
                             {&o.until, "--until"}})
    if (!*value)
      return UsageError("announce", std::string("no ") + name + " given", kAnnounceUsage);
  std::vector<std::string> problems;
  Announcement announcement = AnnouncementOf(o, problems);
  if (!problems.empty()) {
    for (const std::string& problem : problems) std::cerr << problem << "\n";
    return kExitInvalid;
  }

  auto announcements = ReadAnnouncements(*o.output, false);
  if (!announcements.ok()) {
    std::cerr << *o.output << ": " << announcements.status().message()
              << " (fix or remove the file; nothing written)\n";
    return kExitInvalid;
  }
  auto it = std::find_if(announcements->begin(), announcements->end(),
                         [&](const Announcement& a) { return a.id == announcement.id; });
  bool updated = it != announcements->end();
  if (updated) {
    *it = announcement;
  } else {
    announcements->push_back(announcement);
  }
  if (Status status = WriteAnnouncements(*o.output, *announcements); !status.ok()) {
    std::cerr << *o.output << ": " << status.message() << "\n";
    return kExitInvalid;
  }
  std::cout << *o.output << ": " << (updated ? "updated" : "added") << " \"" << announcement.id
            << "\"; " << announcements->size() << " in the file\n";
  return kExitOk;
}

int Announce(const std::vector<std::string>& args) {
  AnnounceOptions options;
  if (std::optional<int> done = ReadAnnounceOptions(args, options)) return *done;
  if (options.list) return ListAnnouncements(options);
  if (!options.output) return UsageError("announce", "no -o FILE given", kAnnounceUsage);
  if (options.remove) return RemoveAnnouncement(options);
  return AddAnnouncement(options);
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string& verb = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (verb == "--help" || verb == "-h" || verb == "help") {
    // "help VERB" is "VERB --help".
    const char* usage = kUsage;
    if (verb == "help" && rest.size() == 1 && rest[0] == "validate") usage = kValidateUsage;
    if (verb == "help" && rest.size() == 1 && rest[0] == "convert") usage = kConvertUsage;
    if (verb == "help" && rest.size() == 1 && rest[0] == "announce") usage = kAnnounceUsage;
    if (verb == "help" && rest.size() == 1 && FleetVerbUsage(rest[0]))
      usage = FleetVerbUsage(rest[0]);
    std::cout << usage;
    return kExitOk;
  }
  if (verb == "--version") {
    std::cout << "foyer-feed " << FOYER_VERSION << "\n";
    return kExitOk;
  }
  if (verb == "validate") return Validate(rest);
  if (verb == "convert") return Convert(rest);
  if (verb == "announce") return Announce(rest);
  if (int code = RunFleetVerb(verb, rest); code >= 0) return code;
  return UsageError("", "unknown command \"" + verb + "\"", kUsage);
}

}  // namespace
}  // namespace foyer

int main(int argc, char** argv) { return foyer::Main(argc, argv); }
