#include "feed/text.h"

#include <algorithm>

#include "base/text.h"

namespace foyer::feed {

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string LineAndColumn(std::string_view bytes, size_t offset) {
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1);
}

std::string Paragraphs(std::string_view text) {
  // Kept as they are: line feeds, and all but C0 controls and DEL.
  auto kept = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 ? byte != 0x7F : byte == '\n';
  };
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    size_t run = i;
    while (run < text.size() && kept(text[run])) ++run;
    out.append(text, i, run - i);  // a run at a time: abstracts are long
    if (run == text.size()) break;
    i = run;
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\t') {
      out += ' ';
    }
  }
  std::string_view trimmed = Trim(out, " \n");
  if (trimmed.size() == out.size()) return out;
  return std::string(trimmed);
}

std::string NormalizeColor(std::string text) {
  auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  if (text.size() == 4 && text[0] == '#')
    text = {'#', text[1], text[1], text[2], text[2], text[3], text[3]};
  if (text.size() != 7 || text[0] != '#') return "";
  for (size_t i = 1; i < text.size(); ++i) {
    if (!is_hex(text[i])) return "";
    if (text[i] >= 'A' && text[i] <= 'F') text[i] = static_cast<char>(text[i] - 'A' + 'a');
  }
  return text;
}

namespace {

// The digits at text[pos] (at most nine), read into `out`; false when there are none.
bool ReadNumber(std::string_view text, size_t& pos, std::int64_t& out) {
  size_t begin = pos;
  out = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - begin < 9)
    out = out * 10 + (text[pos++] - '0');
  return pos > begin;
}

}  // namespace

std::optional<std::int64_t> ParseClock(std::string_view text, bool minutes_alone) {
  size_t pos = 0;
  std::int64_t hours = 0, minutes = 0, seconds = 0;
  if (!ReadNumber(text, pos, hours)) return std::nullopt;
  if (pos == text.size()) return minutes_alone ? std::optional(hours * 60) : std::nullopt;
  if (text[pos++] != ':' || !ReadNumber(text, pos, minutes) || minutes > 59) return std::nullopt;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!ReadNumber(text, pos, seconds) || seconds > 59) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return hours * 3600 + minutes * 60 + seconds;
}

std::optional<std::int64_t> ParseIsoDuration(std::string_view text) {
  constexpr std::int64_t kDay = 86400, kLongest = std::int64_t{1} << 40;
  text = Trim(text, " \t");
  int sign = 1;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    sign = text[0] == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  if (text.size() < 3 || (text[0] != 'P' && text[0] != 'p')) return std::nullopt;
  std::int64_t seconds = 0;
  bool in_time = false, any = false;
  for (size_t pos = 1; pos < text.size();) {
    char c = ToUpperAscii(text[pos]);
    if (c == 'T') {
      in_time = true;
      ++pos;
      continue;
    }
    std::int64_t number = 0;
    if (!ReadNumber(text, pos, number) || pos >= text.size()) return std::nullopt;
    char unit = ToUpperAscii(text[pos++]);
    if (!in_time && unit == 'W') {
      seconds += number * 7 * kDay;
    } else if (!in_time && unit == 'D') {
      seconds += number * kDay;
    } else if (in_time && unit == 'H') {
      seconds += number * 3600;
    } else if (in_time && unit == 'M') {
      seconds += number * 60;
    } else if (in_time && unit == 'S') {
      seconds += number;
    } else {
      return std::nullopt;
    }
    any = true;
    if (seconds > kLongest) return std::nullopt;
  }
  if (!any) return std::nullopt;
  return sign * seconds;
}

void RoomIndex::Add(const std::string& name, const std::string& slug) {
  if (name.empty()) return;
  auto [it, inserted] = index_.emplace(name, rooms_.size());
  if (inserted) {
    rooms_.push_back(Room{name, slug});
  } else if (rooms_[it->second].slug.empty()) {
    rooms_[it->second].slug = slug;
  }
}

}  // namespace foyer::feed
