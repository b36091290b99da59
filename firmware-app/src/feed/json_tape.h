// A JSON document read in one pass into a flat "tape" of values that point
// into the document's bytes: strings are unescaped only when read, numbers are
// kept as written, and nothing is allocated per value. schedule.json feeds are
// megabytes of text of which a reader uses a few fields; nlohmann::json's tree
// of voc-36c3's 2.9 MB cost 313 M instructions, the tape 30 M.
//
// The grammar is nlohmann::json's, exactly: RFC 8259 without extensions, a
// NUL byte outside a string ends the input, a leading byte-order mark is
// skipped and a number that overflows a double is refused (as they are
// there). Repeated keys are kept: Member returns the last, ForEachMember
// visits each key once, at its first place, with its last value
// (nlohmann::ordered_json's result). Parse only says whether a document is
// valid; a caller that needs the reason asks nlohmann::json (the rare path).
// Bounded: nesting past `most_nesting` is refused, so recursion is too.
// Thread-compatible: a tape is immutable once parsed; values borrow the tape
// and the document bytes, which must outlive them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foyer::feed {

class JsonTape;

// One value on a tape: a cheap handle, copied by value.
class JsonValue {
 public:
  enum class Type : std::uint8_t { kNull, kBoolean, kNumber, kString, kArray, kObject };

  Type type() const;
  bool is_null() const { return type() == Type::kNull; }
  bool is_string() const { return type() == Type::kString; }
  bool is_number() const { return type() == Type::kNumber; }
  bool is_array() const { return type() == Type::kArray; }
  bool is_object() const { return type() == Type::kObject; }

  // A string's text, unescaped. Empty for other types.
  std::string String() const;
  // A string's text: a view of the document when it has no escapes, else
  // unescaped into `storage`. Empty for other types.
  std::string_view Text(std::string& storage) const;
  // As written in the document: a number's digits, a string between its
  // quotes (escapes and all), "true", "false", "null".
  std::string_view raw() const;

  // Elements of an array, members of an object (duplicate keys counted).
  std::size_t size() const;
  // The member `key` of an object (the last, when repeated); nullopt when
  // absent or when this is not an object.
  std::optional<JsonValue> Member(std::string_view key) const;

  // Calls visit(element) for each element of an array, in order.
  template <typename Visit>
  void ForEachElement(Visit&& visit) const {
    if (!is_array()) return;
    for (std::uint32_t at = index_ + 1, n = 0; n < Count(); ++n, at = Next(at))
      visit(JsonValue(tape_, at));
  }
  // Calls visit(key, value) for each distinct key of an object, in the order
  // of their first appearance, with the value written last.
  template <typename Visit>
  void ForEachMember(Visit&& visit) const {
    if (!is_object()) return;
    std::string key_storage;
    for (std::uint32_t at = index_ + 1, n = 0; n < Count(); ++n, at = Next(Next(at))) {
      JsonValue key(tape_, at);
      if (SeenBefore(key)) continue;
      visit(std::string(key.Text(key_storage)), *LastWithKey(key));
    }
  }

 private:
  friend class JsonTape;
  JsonValue(const JsonTape* tape, std::uint32_t index) : tape_(tape), index_(index) {}
  std::uint32_t Count() const;
  std::uint32_t Next(std::uint32_t at) const;
  bool KeyIs(std::uint32_t at, std::string_view key) const;
  bool SeenBefore(JsonValue key) const;
  std::optional<JsonValue> LastWithKey(JsonValue key) const;

  const JsonTape* tape_;
  std::uint32_t index_;
};

class JsonTape {
 public:
  // Parses `text`, refusing documents nested deeper than `most_nesting`.
  // REQUIRES: `text` is valid UTF-8 (a caller checks it first, to name the byte).
  // Returns nullopt when `text` is not valid JSON or is nested too deep.
  static std::optional<JsonTape> Parse(std::string_view text, std::size_t most_nesting);

  JsonValue root() const { return JsonValue(this, 0); }
  // True when a NUL byte ended the input before its last byte.
  bool ended_at_nul() const { return ended_at_nul_; }

 private:
  friend class JsonValue;
  friend class JsonTapeParser;
  struct Entry {
    JsonValue::Type type;
    bool escaped = false;     // a string with a backslash in it
    std::uint32_t begin = 0;  // the raw text: document offset…
    std::uint32_t length = 0;
    std::uint32_t count = 0;  // elements, or members (key and value pairs)
    std::uint32_t next = 0;   // the entry after this value and all it holds
  };
  std::string_view text_;
  std::vector<Entry> entries_;
  bool ended_at_nul_ = false;
};

// Unescapes the raw text of a JSON string that the tape accepted.
std::string UnescapeJsonString(std::string_view raw);

}  // namespace foyer::feed
