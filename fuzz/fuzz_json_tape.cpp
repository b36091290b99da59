// The JSON tape against nlohmann::ordered_json on any UTF-8 bytes: both take
// the same documents, and read them into the same values, in the same order
// (schedule.json's reader relies on it; tests/feed/json_tape_test.cpp has the cases).
#include <nlohmann/json.hpp>

#include "feed/json_tape.h"
#include "feed/json_tape_tree.h"
#include "feed/nesting.h"
#include "fuzz_common.h"

namespace {

using Json = nlohmann::ordered_json;
using foyer::feed::JsonValue;


}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = foyer::fuzz::AsText(data, size);
  if (!foyer::IsValidUtf8(text)) return 0;  // the tape's precondition
  auto tape = foyer::feed::JsonTape::Parse(text, foyer::feed::kMostNesting);
  // nlohmann::json is asked only about what is not nested too deep for either.
  if (!foyer::feed::CheckJsonNesting(text).ok()) {
    foyer::fuzz::Check(!tape || tape->ended_at_nul(), "the tape refuses what is nested too deep");
    return 0;
  }
  Json expected;
  bool valid = true;
  try {
    expected = Json::parse(text);
  } catch (const Json::exception&) {
    valid = false;
  }
  foyer::fuzz::Check(tape.has_value() == valid, "the tape takes what nlohmann::json takes");
  if (tape && valid)
    foyer::fuzz::Check(foyer::feed::AsJsonTree(tape->root()).dump() == expected.dump(),
                       "the tape reads what nlohmann::json reads");
  return 0;
}
