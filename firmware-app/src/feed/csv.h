// A schedule typed into a spreadsheet and exported as CSV → Schedule. Pure
// functions over a buffer (no I/O); thread-safe.
//
// The file is RFC 4180 as spreadsheets write it: quoted fields with doubled
// quotes, commas and line breaks inside quotes, CRLF or LF, an optional UTF-8
// byte order mark, and ';' (or a tab) in place of ',' when the header row uses
// it (LibreOffice and Excel in many locales). The first row names the columns
// (case-insensitive, any order; unknown columns are ignored):
//
//   room, title, start, end       required
//   speakers                      optional; names separated by ';' (or '|'), or
//                                 by ',' or '|' when ';' separates the fields
//   track, language, url,         optional
//   abstract, type, subtitle, id  optional
//
// start and end are ISO 8601 with a UTC offset ("2025-10-15T10:40:00+05:00"),
// or local times read in `zone`: "2025-10-15 10:40", "2025-10-15T10:40",
// "15.10.2025 10:40" (seconds optional); end may also be a bare "11:30" on the
// start's day. Blank rows are skipped.
#pragma once

#include <string_view>

#include "base/status.h"
#include "base/time.h"
#include "model/schedule.h"

namespace foyer {

// Reads a CSV schedule. `zone` reads times written without an offset; when it
// is null such a time is an error that says to pass --timezone. Every problem
// names its line (the physical line its row starts on), one per line of the
// message: "schedule.csv:7: end 09:00 is before start 10:00",
// "schedule.csv:1: missing column \"start\"" — `source_name` being
// "schedule.csv"; without one the lines read "line 7: …".
Result<Schedule> ParseCsv(std::string_view bytes, const Zone* zone,
                          std::string_view source_name = "");

// True when the first line looks like a CSV schedule's header row: it names at
// least the title and start columns, separated by ',', ';' or a tab.
bool LooksLikeCsvSchedule(std::string_view bytes);

}  // namespace foyer
