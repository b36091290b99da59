// The tape parser: recursive descent, one entry per value, in document order
// (an object's entries are its keys and values, alternating). Each entry
// records where the value after it and all it holds begins, so readers step
// over what they do not need. Strings are scanned eight bytes at a time.

#include "feed/json_tape.h"

#include <locale.h>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "base/utf8.h"

namespace foyer::feed {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The value of the four hex digits at text[at], or -1.
long Hex4(std::string_view text, std::size_t at) {
  if (at + 4 > text.size()) return -1;
  long value = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const char c = text[i];
    int digit = IsDigit(c)               ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

bool IsHighSurrogate(long c) { return c >= 0xD800 && c <= 0xDBFF; }
bool IsLowSurrogate(long c) { return c >= 0xDC00 && c <= 0xDFFF; }

// True when one of the eight bytes in `word` is '"', '\\' or below 0x20.
bool NeedsALook(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  auto has_zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  return has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\')) |
         ((word - kOnes * 0x20) & ~word & kHigh);
}

}  // namespace

class JsonTapeParser {
 public:
  JsonTapeParser(std::string_view text, std::size_t most_nesting, JsonTape& tape)
      : text_(text), most_nesting_(most_nesting), tape_(tape) {}

  bool Run() {
    tape_.text_ = text_;
    tape_.entries_.reserve(text_.size() / 24 + 8);
    if (text_.substr(0, kUtf8Bom.size()) == kUtf8Bom) pos_ = kUtf8Bom.size();  // as nlohmann does
    SkipSpace();
    if (!Value(1)) return false;
    SkipSpace();
    if (pos_ == text_.size()) return true;
    tape_.ended_at_nul_ = text_[pos_] == '\0';
    return tape_.ended_at_nul_;
  }

 private:
  using Type = JsonValue::Type;

  // The byte at pos_; past the end reads as NUL, which ends the input.
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      ++pos_;
    }
  }

  std::uint32_t Push(Type type, std::size_t begin) {
    tape_.entries_.push_back({type, false, static_cast<std::uint32_t>(begin), 0, 0, 0});
    return static_cast<std::uint32_t>(tape_.entries_.size() - 1);
  }

  void Finish(std::uint32_t self, std::size_t begin, std::uint32_t count = 0) {
    JsonTape::Entry& entry = tape_.entries_[self];
    entry.length = static_cast<std::uint32_t>(pos_ - begin);
    entry.count = count;
    entry.next = static_cast<std::uint32_t>(tape_.entries_.size());
  }

  // `depth`: how many arrays and objects a container here would be inside, itself included.
  bool Value(std::size_t depth) {
    switch (Peek()) {
      case '{':
        return Container(depth, Type::kObject, '}');
      case '[':
        return Container(depth, Type::kArray, ']');
      case '"':
        return String();
      case 't':
        return Literal("true", Type::kBoolean);
      case 'f':
        return Literal("false", Type::kBoolean);
      case 'n':
        return Literal("null", Type::kNull);
      default:
        return Number();
    }
  }

  bool Container(std::size_t depth, Type type, char close) {
    if (depth > most_nesting_) return false;
    const std::size_t begin = pos_++;
    const std::uint32_t self = Push(type, begin);
    std::uint32_t count = 0;
    SkipSpace();
    if (Peek() == close) {
      ++pos_;
      Finish(self, begin);
      return true;
    }
    for (;; ++count) {
      if (type == Type::kObject && !Key()) return false;
      if (!Value(depth + 1)) return false;
      SkipSpace();
      const char c = Peek();
      ++pos_;
      if (c == close) break;
      if (c != ',') return false;
      SkipSpace();
    }
    Finish(self, begin, count + 1);
    return true;
  }

  // A key, its colon and the space after it.
  bool Key() {
    if (Peek() != '"' || !String()) return false;
    SkipSpace();
    if (Peek() != ':') return false;
    ++pos_;
    SkipSpace();
    return true;
  }

  bool Literal(std::string_view word, Type type) {
    if (text_.substr(pos_, word.size()) != word) return false;
    const std::uint32_t self = Push(type, pos_);
    const std::size_t begin = pos_;
    pos_ += word.size();
    Finish(self, begin);
    return true;
  }

  void Digits() {
    while (IsDigit(Peek())) ++pos_;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool Number() {
    const std::size_t begin = pos_;
    if (Peek() == '-') ++pos_;
    if (Peek() == '0') {
      ++pos_;
    } else if (IsDigit(Peek())) {
      Digits();
    } else {
      return false;
    }
    if (Peek() == '.') {
      ++pos_;
      if (!IsDigit(Peek())) return false;
      Digits();
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!IsDigit(Peek())) return false;
      Digits();
    }
    if (!Finite(text_.substr(begin, pos_ - begin))) return false;
    Finish(Push(Type::kNumber, begin), begin);
    return true;
  }

  // nlohmann::json refuses a number that overflows a double ("number
  // overflow"): one with a fraction or exponent, or an integer too long for
  // 64 bits, is read as a double (in the C locale, as nlohmann reads it).
  static bool Finite(std::string_view number) {
    if (number.size() <= 20 && number.find_first_of(".eE") == std::string_view::npos) return true;
    static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", nullptr);
    const std::string copy(number);  // strtod needs the terminating NUL
    return std::isfinite(strtod_l(copy.c_str(), nullptr, c_locale));
  }

  // Steps pos_ to the next '"', '\\' or control character (or the end).
  void SkipPlain() {
    std::uint64_t word;
    while (pos_ + 8 <= text_.size()) {
      std::memcpy(&word, text_.data() + pos_, 8);
      if (NeedsALook(word)) break;
      pos_ += 8;
    }
    while (pos_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"' || c == '\\' || c < 0x20) return;
      ++pos_;
    }
  }

  bool String() {
    const std::size_t begin = ++pos_;  // past the opening quote
    bool escaped = false;
    for (;;) {
      SkipPlain();
      if (pos_ >= text_.size()) return false;
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') break;
      if (c < 0x20 || !Escape()) return false;  // controls must be escaped
      escaped = true;
    }
    const std::uint32_t self = Push(Type::kString, begin);
    tape_.entries_[self].escaped = escaped;
    Finish(self, begin);
    ++pos_;  // the closing quote
    return true;
  }

  // The escape at pos_ (a backslash): one of \" \\ \/ \b \f \n \r \t, or \uXXXX,
  // a high surrogate only with its low one.
  bool Escape() {
    const char c = ++pos_ < text_.size() ? text_[pos_] : '\0';
    if (std::strchr("\"\\/bfnrt", c) != nullptr && c != '\0') {
      ++pos_;
      return true;
    }
    if (c != 'u') return false;
    const long unit = Hex4(text_, pos_ + 1);
    pos_ += 5;
    if (unit < 0 || IsLowSurrogate(unit)) return false;
    if (!IsHighSurrogate(unit)) return true;
    if (text_.substr(pos_, 2) != "\\u" || !IsLowSurrogate(Hex4(text_, pos_ + 2))) return false;
    pos_ += 6;
    return true;
  }

  std::string_view text_;
  std::size_t most_nesting_;
  JsonTape& tape_;
  std::size_t pos_ = 0;
};

std::optional<JsonTape> JsonTape::Parse(std::string_view text, std::size_t most_nesting) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
  JsonTape tape;
  if (!JsonTapeParser(text, most_nesting, tape).Run()) return std::nullopt;
  return tape;
}

std::string UnescapeJsonString(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t at = 0; at < raw.size();) {
    const std::size_t backslash = raw.find('\\', at);
    out.append(raw.substr(at, backslash - at));
    if (backslash == std::string_view::npos) break;
    const char c = raw[backslash + 1];
    at = backslash + 2;
    switch (c) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        long code = Hex4(raw, at);
        at += 4;
        if (IsHighSurrogate(code)) {
          code = 0x10000 + ((code - 0xD800) << 10) + (Hex4(raw, at + 2) - 0xDC00);
          at += 6;
        }
        AppendUtf8(out, static_cast<char32_t>(code));
        break;
      }
      default:  // '"', '\\', '/'
        out += c;
    }
  }
  return out;
}

JsonValue::Type JsonValue::type() const { return tape_->entries_[index_].type; }

std::string_view JsonValue::raw() const {
  const JsonTape::Entry& entry = tape_->entries_[index_];
  return tape_->text_.substr(entry.begin, entry.length);
}

std::string JsonValue::String() const {
  std::string storage;
  std::string_view text = Text(storage);
  return storage.empty() ? std::string(text) : storage;
}

std::string_view JsonValue::Text(std::string& storage) const {
  if (!is_string()) return {};
  if (!tape_->entries_[index_].escaped) return raw();
  storage = UnescapeJsonString(raw());
  return storage;
}

std::size_t JsonValue::size() const { return is_array() || is_object() ? Count() : 0; }

std::uint32_t JsonValue::Count() const { return tape_->entries_[index_].count; }

std::uint32_t JsonValue::Next(std::uint32_t at) const { return tape_->entries_[at].next; }

bool JsonValue::KeyIs(std::uint32_t at, std::string_view key) const {
  const JsonTape::Entry& entry = tape_->entries_[at];
  const std::string_view raw = tape_->text_.substr(entry.begin, entry.length);
  if (entry.escaped) return UnescapeJsonString(raw) == key;
  return raw.size() == key.size() && (key.empty() || (raw[0] == key[0] && raw == key));
}

std::optional<JsonValue> JsonValue::Member(std::string_view key) const {
  if (!is_object()) return std::nullopt;
  // The loop a reader spends its time in: most keys differ in length.
  const std::vector<JsonTape::Entry>& entries = tape_->entries_;
  std::optional<JsonValue> found;
  for (std::uint32_t at = index_ + 1, n = Count(); n > 0; --n, at = entries[at + 1].next) {
    const JsonTape::Entry& entry = entries[at];  // a key; its value is the next entry
    if ((entry.length == key.size() || entry.escaped) && KeyIs(at, key))
      found = JsonValue(tape_, at + 1);
  }
  return found;
}

bool JsonValue::SeenBefore(JsonValue key) const {
  std::string storage;
  const std::string_view text = key.Text(storage);
  for (std::uint32_t at = index_ + 1; at < key.index_; at = Next(Next(at)))
    if (KeyIs(at, text)) return true;
  return false;
}

std::optional<JsonValue> JsonValue::LastWithKey(JsonValue key) const {
  std::string storage;
  return Member(key.Text(storage));
}

}  // namespace foyer::feed
