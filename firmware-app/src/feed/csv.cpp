// CSV schedule → Schedule.
//
// The walk: check the bytes are UTF-8, pick the separator from the header line
// (whichever of ',', ';' and tab it holds most of, outside quotes), split the
// text into rows with a small RFC 4180 state machine that remembers the line
// each row starts on, map the header's names to columns, then read one Session
// per non-blank row. Problems in rows are collected (up to kMaxProblems) so an
// organizer sees every bad row at once, one per line of the message.

#include "feed/csv.h"

#include "feed/text.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/text.h"
#include "base/utf8.h"

namespace foyer {
namespace {

using feed::Paragraphs;

constexpr size_t kMaxProblems = 20;
// What is trimmed from a field: spaces, tabs and line breaks.
constexpr std::string_view kBlanks = " \t\r\n";

struct Row {
  size_t line = 0;  // the physical line (from 1) the row starts on
  std::vector<std::string> fields;
};

// The separator the header line (the first that is not empty) uses most: ',',
// ';' or tab (',' on a tie).
char DetectSeparator(std::string_view text) {
  size_t header = text.find_first_not_of("\r\n");
  text.remove_prefix(header == std::string_view::npos ? text.size() : header);
  size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

// Splits RFC 4180 text into rows. A quoted field may hold separators, line
// breaks and doubled quotes; text after a closing quote is kept (spreadsheets
// never write it, hand edits do). CRLF, LF and lone CR all end a row. When a
// quoted field never closes, `unclosed_quote_line` is the line it opens on (else 0).
std::vector<Row> SplitRows(std::string_view text, char separator, size_t& unclosed_quote_line) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  size_t line = 1;
  row.line = 1;
  bool quoted = false, row_has_content = false;
  size_t quote_line = 0;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_row = [&] {
    end_field();
    rows.push_back(std::move(row));
    row = Row{};
    row_has_content = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
        field += c;
      }
      continue;
    }
    if (!row_has_content) {
      row.line = line;
      row_has_content = true;
    }
    if (c == '"' && Trim(field, kBlanks).empty()) {
      field.clear();  // spaces before an opening quote are not part of the field
      quoted = true;
      quote_line = line;
    } else if (c == separator) {
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
    } else {
      field += c;
    }
  }
  unclosed_quote_line = quoted ? quote_line : 0;
  if (row_has_content) end_row();
  return rows;
}

// Spreadsheet column letters: 0 → "A", 26 → "AA".
std::string ColumnLetters(size_t index) {
  std::string letters;
  ++index;
  while (index > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (index - 1) % 26));
    index = (index - 1) / 26;
  }
  return letters;
}

bool ReadDigits(std::string_view text, size_t& pos, size_t min, size_t max, int& out) {
  size_t begin = pos;
  out = 0;
  while (pos < text.size() && pos - begin < max && text[pos] >= '0' && text[pos] <= '9')
    out = out * 10 + (text[pos++] - '0');
  return pos - begin >= min;
}

// "10:40" or "9:05:30" → seconds since midnight.
std::optional<int> ParseTimeOfDay(std::string_view text) {
  size_t pos = 0;
  int hour = 0, minute = 0, second = 0;
  if (!ReadDigits(text, pos, 1, 2, hour) || pos >= text.size() || text[pos++] != ':' ||
      !ReadDigits(text, pos, 2, 2, minute))
    return std::nullopt;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!ReadDigits(text, pos, 2, 2, second)) return std::nullopt;
  }
  if (pos != text.size() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return hour * 3600 + minute * 60 + second;
}

// "2025-10-15" or "15.10.2025".
std::optional<CivilDate> ParseDate(std::string_view text) {
  if (auto iso = ParseIsoDate(text); iso.ok()) return *iso;
  size_t pos = 0;
  CivilDate date;
  if (!ReadDigits(text, pos, 1, 2, date.day) || pos >= text.size() || text[pos++] != '.' ||
      !ReadDigits(text, pos, 1, 2, date.month) || pos >= text.size() || text[pos++] != '.' ||
      !ReadDigits(text, pos, 4, 4, date.year) || pos != text.size())
    return std::nullopt;
  if (date.month < 1 || date.month > 12 || date.day < 1) return std::nullopt;
  if (CivilFromDays(DaysFromCivil(date)) != date) return std::nullopt;
  return date;
}

// A cell's time as written: maybe a date, a time of day, maybe an offset.
struct CellTime {
  std::optional<CivilDate> date;
  int seconds_of_day = 0;
  std::optional<int> offset;  // seconds east of UTC
};

std::optional<CellTime> ParseCellTime(const std::string& text) {
  CellTime cell;
  if (auto instant = ParseIsoInstant(text); instant.ok()) {
    UnixSeconds local = instant->utc + (instant->has_offset ? instant->offset_seconds : 0);
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    cell.date = CivilFromDays(days);
    cell.seconds_of_day = static_cast<int>(local - days * 86400);
    if (instant->has_offset) cell.offset = instant->offset_seconds;
    return cell;
  }
  size_t split = text.find_first_of(" T");
  if (split == std::string::npos) {
    auto time = ParseTimeOfDay(text);
    if (!time) return std::nullopt;
    cell.seconds_of_day = *time;
    return cell;
  }
  auto date = ParseDate(std::string_view(text).substr(0, split));
  auto time = ParseTimeOfDay(Trim(std::string_view(text).substr(split + 1), kBlanks));
  if (!date || !time) return std::nullopt;
  cell.date = date;
  cell.seconds_of_day = *time;
  return cell;
}

// The columns the reader knows, by the names a header may give them.
enum class Column {
  kRoom,
  kTitle,
  kStart,
  kEnd,
  kDate,
  kSpeakers,
  kTrack,
  kLanguage,
  kUrl,
  kAbstract,
  kType,
  kSubtitle,
  kId,
  kGuid
};

std::optional<Column> ColumnNamed(const std::string& name) {
  static const std::map<std::string, Column> kNames = {
      {"room", Column::kRoom},
      {"location", Column::kRoom},
      {"title", Column::kTitle},
      {"start", Column::kStart},
      {"end", Column::kEnd},
      {"date", Column::kDate},
      {"speakers", Column::kSpeakers},
      {"speaker", Column::kSpeakers},
      {"persons", Column::kSpeakers},
      {"track", Column::kTrack},
      {"language", Column::kLanguage},
      {"lang", Column::kLanguage},
      {"url", Column::kUrl},
      {"link", Column::kUrl},
      {"abstract", Column::kAbstract},
      {"description", Column::kAbstract},
      {"type", Column::kType},
      {"subtitle", Column::kSubtitle},
      {"id", Column::kId},
      {"guid", Column::kGuid},
  };
  auto it = kNames.find(ToLowerAscii(CollapseWhitespace(name)));
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

const char* ColumnName(Column column) {
  switch (column) {
    case Column::kRoom:
      return "room";
    case Column::kTitle:
      return "title";
    case Column::kStart:
      return "start";
    case Column::kEnd:
      return "end";
    default:
      return "";
  }
}

std::vector<std::string> SplitSpeakers(const std::string& text, char separator) {
  std::string delimiters = separator == ';' ? ",|" : ";|";
  std::vector<std::string> names;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find_first_of(delimiters, begin);
    if (end == std::string::npos) end = text.size();
    std::string name = CollapseWhitespace(std::string_view(text).substr(begin, end - begin));
    if (!name.empty()) names.push_back(std::move(name));
    begin = end + 1;
  }
  return names;
}

std::string Quote(const std::string& text) { return "\"" + text + "\""; }

class Reader {
 public:
  Reader(const Zone* zone, std::string_view source_name, char separator)
      : zone_(zone), source_name_(source_name), separator_(separator) {}

  std::string Where(size_t line) const {
    return source_name_.empty() ? "line " + std::to_string(line)
                                : std::string(source_name_) + ":" + std::to_string(line);
  }

  void Report(size_t line, const std::string& message) { problems_.Add({Where(line), message}); }

  // Maps the header's names to columns; false (with problems) when a required one is missing.
  bool ReadHeader(const Row& header) {
    for (size_t i = 0; i < header.fields.size(); ++i) {
      auto column = ColumnNamed(header.fields[i]);
      if (column) columns_.emplace(*column, i);  // the first of two same-named columns wins
    }
    bool complete = true;
    for (Column required : {Column::kRoom, Column::kTitle, Column::kStart, Column::kEnd}) {
      if (columns_.count(required)) continue;
      Report(header.line, "missing column " + Quote(ColumnName(required)) +
                              " (the header row needs room, title, start and end)");
      complete = false;
    }
    return complete;
  }

  void ReadRow(const Row& row, Schedule& schedule) {
    Session session;
    session.room = CollapseWhitespace(Cell(row, Column::kRoom));
    session.title = CollapseWhitespace(Cell(row, Column::kTitle));
    bool ok = true;
    for (Column column : {Column::kRoom, Column::kTitle}) {
      if (!CollapseWhitespace(Cell(row, column)).empty()) continue;
      Report(row.line, ColumnLabel(column) + " is empty");
      ok = false;
    }
    std::optional<CivilDate> row_date;
    ok = ReadRowDate(row, row_date) && ok;
    ok = ReadTimes(row, row_date, session) && ok;
    if (!ok) return;

    session.speakers = SplitSpeakers(Cell(row, Column::kSpeakers), separator_);
    session.track = CollapseWhitespace(Cell(row, Column::kTrack));
    session.language = CollapseWhitespace(Cell(row, Column::kLanguage));
    session.url = CollapseWhitespace(Cell(row, Column::kUrl));
    session.abstract = Paragraphs(Cell(row, Column::kAbstract));
    session.type = CollapseWhitespace(Cell(row, Column::kType));
    session.subtitle = CollapseWhitespace(Cell(row, Column::kSubtitle));
    session.feed_id = CollapseWhitespace(Cell(row, Column::kId));
    session.guid = CollapseWhitespace(Cell(row, Column::kGuid));
    if (std::none_of(schedule.rooms.begin(), schedule.rooms.end(),
                     [&](const Room& room) { return room.name == session.room; }))
      schedule.rooms.push_back(Room{session.room, ""});
    schedule.sessions.push_back(std::move(session));
  }

  // Ok, or an error with the problems so far.
  Status Problems() const { return problems_.ToStatus(); }

 private:
  // The row's field in `column`; empty when the header or the row has none.
  std::string Cell(const Row& row, Column column) const {
    auto it = columns_.find(column);
    if (it == columns_.end() || it->second >= row.fields.size()) return "";
    return row.fields[it->second];
  }

  // "start (column C)". REQUIRES: the header names `column`.
  std::string ColumnLabel(Column column) const {
    return std::string(ColumnName(column)) + " (column " + ColumnLetters(columns_.at(column)) + ")";
  }

  // The row's own date column, when the header has one and the row fills it;
  // false after reporting a date that cannot be read.
  bool ReadRowDate(const Row& row, std::optional<CivilDate>& row_date) {
    if (!columns_.count(Column::kDate)) return true;
    std::string text(Trim(Cell(row, Column::kDate), kBlanks));
    if (text.empty()) return true;
    row_date = ParseDate(text);
    if (row_date) return true;
    Report(row.line, "date (column " + ColumnLetters(columns_.at(Column::kDate)) + ") " +
                         Quote(text) + " is not a date (write 2025-10-15 or 15.10.2025)");
    return false;
  }

  // The session's start, offset and end; false after reporting why not.
  bool ReadTimes(const Row& row, std::optional<CivilDate> row_date, Session& session) {
    auto start = ReadTime(row, std::string(Trim(Cell(row, Column::kStart), kBlanks)), row_date,
                          std::nullopt, ColumnLabel(Column::kStart));
    if (!start) return false;
    session.start = start->at;
    session.utc_offset = start->offset;
    // A bare end time falls on the start's local day, and an end without an
    // offset is in the offset the start was written with (before --timezone:
    // "2025-10-15T10:40+05:00" then "11:30" is 50 minutes wherever it is read).
    CivilDate start_day = Zone::Fixed(start->offset).ToCivil(start->at).date;
    std::optional<int> start_offset;
    if (start->offset_written) start_offset = start->offset;
    auto end = ReadTime(row, std::string(Trim(Cell(row, Column::kEnd), kBlanks)),
                        row_date ? row_date : start_day, start_offset, ColumnLabel(Column::kEnd));
    if (!end) return false;
    session.end = end->at;
    if (session.end >= session.start) return true;
    Report(row.line, "end " + Local(session.end, session) + " is before start " +
                         Local(session.start, session));
    return false;
  }

  struct CellInstant {
    UnixSeconds at = 0;
    int offset = 0;               // seconds east of UTC
    bool offset_written = false;  // the cell said it ("+05:00", "Z")
  };

  // The instant and its offset of a start or end cell, or nullopt after reporting why not.
  // `day` is used when the cell holds only a time; a cell without an offset is read
  // in `written_offset` when there is one (the start's, for an end), else in --timezone.
  std::optional<CellInstant> ReadTime(const Row& row, const std::string& text,
                                      std::optional<CivilDate> day,
                                      std::optional<int> written_offset, const std::string& label) {
    if (text.empty()) {
      Report(row.line, label + " is empty");
      return std::nullopt;
    }
    auto cell = ParseCellTime(text);
    if (!cell) {
      Report(row.line, label + " " + Quote(text) +
                           " is not a date and time (write 2025-10-15 10:40, 15.10.2025 10:40 "
                           "or 2025-10-15T10:40:00+05:00)");
      return std::nullopt;
    }
    if (!cell->date) cell->date = day;
    if (!cell->date) {
      Report(row.line, label + " " + Quote(text) +
                           " has no date (write 2025-10-15 10:40, or add a date column)");
      return std::nullopt;
    }
    UnixSeconds local = DaysFromCivil(*cell->date) * 86400 + cell->seconds_of_day;
    if (cell->offset) return CellInstant{local - *cell->offset, *cell->offset, true};
    if (written_offset) return CellInstant{local - *written_offset, *written_offset, false};
    if (zone_ != nullptr) {
      UnixSeconds utc = zone_->LocalToUtc(local);
      return CellInstant{utc, zone_->OffsetAt(utc), false};
    }
    if (!reported_missing_zone_) {
      Report(row.line, label + " " + Quote(text) +
                           " has no UTC offset: pass --timezone ZONE (e.g. --timezone "
                           "Asia/Almaty) to read local times, or write "
                           "2025-10-15T10:40:00+05:00");
      reported_missing_zone_ = true;
    } else {
      problems_.CountUnshown();  // counted, not repeated: the fix is the same
    }
    return std::nullopt;
  }

  // "10:00" in the session's offset, or "2025-10-15 10:00" when `at` is on another day.
  std::string Local(UnixSeconds at, const Session& session) const {
    Zone zone = Zone::Fixed(session.utc_offset);
    CivilTime time = zone.ToCivil(at);
    std::string text = FormatHourMinute(time.hour, time.minute);
    if (time.date != zone.ToCivil(session.start).date ||
        time.date != zone.ToCivil(session.end).date)
      text = FormatDate(time.date) + " " + text;
    return text;
  }

  const Zone* zone_;
  std::string_view source_name_;
  char separator_;
  std::map<Column, size_t> columns_;
  ProblemList problems_{kMaxProblems};
  bool reported_missing_zone_ = false;
};

size_t LineOfOffset(std::string_view bytes, size_t offset) {
  return 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

}  // namespace

Result<Schedule> ParseCsv(std::string_view bytes, const Zone* zone, std::string_view source_name) {
  std::string_view text = SkipUtf8Bom(bytes);
  char separator = DetectSeparator(text);
  Reader reader(zone, source_name, separator);
  if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos)
    return Status::ErrorAt(reader.Where(LineOfOffset(text, bad)),
                           "not UTF-8 (save the spreadsheet as \"CSV UTF-8\")");

  size_t unclosed_quote_line = 0;
  std::vector<Row> rows = SplitRows(text, separator, unclosed_quote_line);
  if (unclosed_quote_line != 0)
    return Status::ErrorAt(reader.Where(unclosed_quote_line),
                           "a quoted field starts here and never ends (a missing '\"'?)");

  auto blank = [](const Row& row) {
    return std::all_of(row.fields.begin(), row.fields.end(),
                       [](const std::string& field) { return Trim(field, kBlanks).empty(); });
  };
  auto header = std::find_if_not(rows.begin(), rows.end(), blank);
  if (header == rows.end())
    return Status::ErrorAt(reader.Where(1),
                           "empty: a CSV schedule starts with a header row naming room, title, "
                           "start and end");
  Schedule schedule;
  if (zone != nullptr && !zone->name().empty() && zone->name()[0] != '+' && zone->name()[0] != '-')
    schedule.time_zone_name = zone->name();
  if (!reader.ReadHeader(*header)) return reader.Problems();
  for (auto row = header + 1; row != rows.end(); ++row)
    if (!blank(*row)) reader.ReadRow(*row, schedule);
  if (Status problems = reader.Problems(); !problems.ok()) return problems;
  return schedule;
}

bool LooksLikeCsvSchedule(std::string_view bytes) {
  std::string_view text = SkipUtf8Bom(bytes);
  size_t end = text.find_first_of("\r\n");
  std::string_view line = text.substr(0, end);
  char separator = DetectSeparator(line);
  bool title = false, start = false;
  size_t begin = 0;
  while (begin <= line.size()) {
    size_t stop = line.find(separator, begin);
    if (stop == std::string_view::npos) stop = line.size();
    std::string name(Trim(line.substr(begin, stop - begin), kBlanks));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
      name = name.substr(1, name.size() - 2);
    auto column = ColumnNamed(name);
    title |= column == Column::kTitle;
    start |= column == Column::kStart;
    begin = stop + 1;
  }
  return title && start;
}

}  // namespace foyer
