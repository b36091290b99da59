// How deeply a feed may nest (internal to feed/). A hostile or broken feed
// nested 100 000 levels deep ("logo": [[[[…]]]]) would run a reader out of
// stack: nlohmann's DOM copies and frees a tree recursively, the xCal walker
// recurses into components. Real feeds nest about ten levels, so each reader
// refuses more than kMostNesting before it builds a tree (JSON) or walks one
// (XML: pugixml parses without recursing, and the check walks the tree with a
// loop). Pure; thread-safe.
#pragma once

#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "base/status.h"

namespace foyer::feed {

// Far above any real feed (schedule.json reaches about eight levels:
// schedule.conference.days[].rooms{}[].persons[]{}), far below what exhausts
// a thread's stack.
inline constexpr size_t kMostNesting = 64;

// The error for a feed nested past kMostNesting at `where` ("byte 70 (line 1,
// column 71)", "line 12, column 3, element <x>").
Status TooDeep(const std::string& where);

// Ok when the JSON text's arrays and objects nest at most `most` levels;
// else the error names the byte where the next level opens. Brackets inside
// strings do not count. A cheap scan, meant to run before the text is parsed.
Status CheckJsonNesting(std::string_view text, size_t most = kMostNesting);

// The first element (in document order) that lies more than `most` elements
// deep under `root` (a document or a node), or an empty node when none does.
// Walks with a loop, never recursion.
pugi::xml_node FirstElementDeeperThan(const pugi::xml_node& root, size_t most = kMostNesting);

}  // namespace foyer::feed
