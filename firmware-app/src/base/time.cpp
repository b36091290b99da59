#include "base/time.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <optional>

#include "base/files.h"

namespace foyer {
namespace {

// A TZif file is a few KiB (the largest in tzdata ~4 KiB); far more is not one.
constexpr std::size_t kMostZoneFileBytes = 1 << 20;

bool ReadDigits(std::string_view text, size_t& pos, int count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (int i = 0; i < count; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += count;
  out = value;
  return true;
}

Status Bad(std::string_view what, std::string_view text) {
  return Status::Error("not " + std::string(what) + ": \"" + std::string(text) + "\"");
}

std::int64_t ReadBigEndian(const unsigned char* p, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | p[i];
  if (bytes == 4) return static_cast<std::int32_t>(value);
  return static_cast<std::int64_t>(value);
}

}  // namespace

std::int64_t DaysFromCivil(CivilDate date) {
  // Howard Hinnant's days_from_civil.
  int y = date.year - (date.month <= 2);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  CivilDate date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (date.month <= 2));
  return date;
}

int Weekday(CivilDate date) {
  std::int64_t days = DaysFromCivil(date);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

namespace {

// "Z", "+HH", "+HHMM" or "+HH:MM" (or '-') as hours and minutes, before any
// range check; false for anything else.
bool ReadOffsetParts(std::string_view text, int& hours, int& minutes) {
  size_t pos = 1;
  hours = minutes = 0;
  if (text == "Z" || text == "z") return true;
  if (text.empty() || (text[0] != '+' && text[0] != '-')) return false;
  if (!ReadDigits(text, pos, 2, hours)) return false;
  if (pos < text.size() && text[pos] == ':') ++pos;
  if (pos < text.size() && !ReadDigits(text, pos, 2, minutes)) return false;
  return pos == text.size();
}

}  // namespace

Result<int> ParseUtcOffset(std::string_view text) {
  int hours = 0, minutes = 0;
  if (!ReadOffsetParts(text, hours, minutes)) return Bad("a UTC offset", text);
  if (hours > 18 || minutes > 59)
    return Status::Error("the UTC offset \"" + std::string(text) +
                         "\" is out of range: offsets run from -18:00 to +18:00 (those in use "
                         "from -12:00 to +14:00)");
  int seconds = hours * 3600 + minutes * 60;
  return text[0] == '-' ? -seconds : seconds;
}

Result<CivilDate> ParseIsoDate(std::string_view text) {
  size_t pos = 0;
  CivilDate date;
  if (!ReadDigits(text, pos, 4, date.year) || pos >= text.size() || text[pos++] != '-' ||
      !ReadDigits(text, pos, 2, date.month) || pos >= text.size() || text[pos++] != '-' ||
      !ReadDigits(text, pos, 2, date.day) || pos != text.size())
    return Bad("a date (YYYY-MM-DD)", text);
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)
    return Bad("a date (YYYY-MM-DD)", text);
  if (CivilFromDays(DaysFromCivil(date)) != date) return Bad("a calendar date", text);
  return date;
}

Result<ParsedInstant> ParseIsoInstant(std::string_view text) {
  size_t pos = 0;
  CivilTime t;
  if (text.size() < 16) return Bad("a date and time (YYYY-MM-DDTHH:MM…)", text);
  auto date = ParseIsoDate(text.substr(0, 10));
  if (!date.ok()) return Bad("a date and time (YYYY-MM-DDTHH:MM…)", text);
  t.date = *date;
  pos = 10;
  if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')
    return Bad("a date and time (YYYY-MM-DDTHH:MM…)", text);
  ++pos;
  if (!ReadDigits(text, pos, 2, t.hour) || pos >= text.size() || text[pos++] != ':' ||
      !ReadDigits(text, pos, 2, t.minute))
    return Bad("a date and time (YYYY-MM-DDTHH:MM…)", text);
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!ReadDigits(text, pos, 2, t.second)) return Bad("a date and time", text);
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
  }
  if (t.hour > 24 || t.minute > 59 || t.second > 60) return Bad("a time of day", text);
  ParsedInstant result;
  result.utc = DaysFromCivil(t.date) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
  if (pos < text.size()) {
    auto offset = ParseUtcOffset(text.substr(pos));
    int hours, minutes;  // an offset written right but out of range says so
    if (!offset.ok() && ReadOffsetParts(text.substr(pos), hours, minutes)) return offset.status();
    if (!offset.ok()) return Bad("a date and time with a UTC offset", text);
    result.offset_seconds = *offset;
    result.has_offset = true;
    result.utc -= *offset;
  }
  return result;
}

std::string FormatDate(CivilDate date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string FormatOffset(int offset_seconds) {
  if (offset_seconds == 0) return "+00:00";
  char buffer[16];
  int magnitude = std::abs(offset_seconds) / 60;
  std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset_seconds < 0 ? '-' : '+',
                magnitude / 60, magnitude % 60);
  return buffer;
}

std::string FormatHourMinute(int hour, int minute) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", hour, minute);
  return buffer;
}

Zone Zone::Fixed(int offset_seconds) {
  Zone zone;
  zone.name_ = FormatOffset(offset_seconds);
  zone.initial_offset_ = offset_seconds;
  return zone;
}

// Reads the 64-bit body of a TZif (v2+) file: transition times, their local
// time types, and the types' UT offsets. Rules after the last transition (the
// POSIX footer) are not evaluated: the last offset stays in force, which holds
// for zones without daylight saving and for events within the published table.
Result<Zone> Zone::Load(const std::string& iana_name) {
  if (iana_name.empty() || iana_name.find("..") != std::string::npos || iana_name[0] == '/')
    return Status::Error("unknown time zone \"" + iana_name + "\"");
  const char* dir = std::getenv("TZDIR");
  std::string path = std::string(dir ? dir : "/usr/share/zoneinfo") + "/" + iana_name;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    return Status::Error("unknown time zone \"" + iana_name + "\" (no " + path + ")");
  // Read whole, not through std::ifstream, which would set up C++ locales
  // (~1.4 MiB of libstdc++ mapped into the kiosk) for one binary file.
  auto read = ReadSmallFile(path, kMostZoneFileBytes);
  if (!read.ok())
    return Status::Error("unknown time zone \"" + iana_name + "\" (" + path + " " +
                         read.status().message() + ")");
  const std::string& data = *read;
  auto bad = Status::Error("time zone file " + path + " is not TZif");
  auto bytes = reinterpret_cast<const unsigned char*>(data.data());
  if (data.size() < 44 || data.compare(0, 4, "TZif") != 0) return bad;

  auto header = [&](size_t at, std::int64_t counts[6]) {
    for (int i = 0; i < 6; ++i) counts[i] = ReadBigEndian(bytes + at + 20 + 4 * i, 4);
  };
  std::int64_t c[6];  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  header(0, c);
  size_t at = 44;
  int time_size = 4;
  if (data[4] >= '2') {
    at += c[3] * 4 + c[3] + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0];
    if (at + 44 > data.size()) return bad;
    header(at, c);
    at += 44;
    time_size = 8;
  }
  std::int64_t timecnt = c[3], typecnt = c[4];
  if (typecnt < 1 || at + timecnt * (time_size + 1) + typecnt * 6 > data.size()) return bad;
  std::vector<int> offsets(typecnt);
  const unsigned char* types = bytes + at + timecnt * time_size + timecnt;
  for (std::int64_t i = 0; i < typecnt; ++i)
    offsets[i] = static_cast<int>(ReadBigEndian(types + i * 6, 4));
  Zone zone;
  zone.name_ = iana_name;
  zone.initial_offset_ = offsets[0];
  for (std::int64_t i = 0; i < timecnt; ++i) {
    UnixSeconds when = ReadBigEndian(bytes + at + i * time_size, time_size);
    int type = bytes[at + timecnt * time_size + i];
    if (type >= typecnt) return bad;
    zone.transitions_.push_back({when, offsets[type]});
  }
  return zone;
}

int Zone::OffsetAt(UnixSeconds utc) const {
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc,
                             [](UnixSeconds t, const Transition& tr) { return t < tr.at; });
  if (it == transitions_.begin()) return initial_offset_;
  return std::prev(it)->offset;
}

UnixSeconds Zone::LocalToUtc(UnixSeconds local) const {
  // The offsets in force a day either side cover any single transition.
  const int before = OffsetAt(local - 86400), after = OffsetAt(local + 86400);
  std::optional<UnixSeconds> best;
  for (int offset : {before, after}) {
    UnixSeconds candidate = local - offset;
    if (OffsetAt(candidate) == offset && (!best || candidate < *best)) best = candidate;
  }
  // In a gap no instant shows this wall time: read it with the offset before the
  // jump, which lands as far past the gap as the time was into it.
  return best ? *best : local - before;
}

CivilTime Zone::ToCivil(UnixSeconds utc) const {
  UnixSeconds local = utc + OffsetAt(utc);
  std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  std::int64_t rest = local - days * 86400;
  CivilTime t;
  t.date = CivilFromDays(days);
  t.hour = static_cast<int>(rest / 3600);
  t.minute = static_cast<int>(rest / 60 % 60);
  t.second = static_cast<int>(rest % 60);
  return t;
}

std::string Zone::FormatIso(UnixSeconds utc) const {
  CivilTime t = ToCivil(utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d%s", FormatDate(t.date).c_str(), t.hour,
                t.minute, t.second, FormatOffset(OffsetAt(utc)).c_str());
  return buffer;
}

std::string FormatUtcIso(UnixSeconds utc) {
  std::string local = Zone::Fixed(0).FormatIso(utc);
  return local.substr(0, 19) + "Z";
}

CivilDate ConferenceDay(const Zone& zone, UnixSeconds at) {
  CivilTime local = zone.ToCivil(at);
  if (local.hour >= kDayStartHour) return local.date;
  return CivilFromDays(DaysFromCivil(local.date) - 1);
}

}  // namespace foyer
