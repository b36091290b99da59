#include "feed/nesting.h"

#include "feed/text.h"

namespace foyer::feed {

Status TooDeep(const std::string& where) {
  return Status::Error("nested more than " + std::to_string(kMostNesting) + " levels deep at " +
                       where +
                       ": no feed nests this deep, so it is refused (a broken export, or one "
                       "made to crash screens)");
}

Status CheckJsonNesting(std::string_view text, size_t most) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (in_string) {
      if (c == '\\')
        ++at;  // the escaped character, '"' included
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > most)
        return TooDeep("byte " + std::to_string(at) + " (" + LineAndColumn(text, at) + ")");
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;  // a stray closer is the parser's to report
    }
  }
  return Status::Ok();
}

pugi::xml_node FirstElementDeeperThan(const pugi::xml_node& root, size_t most) {
  // Depth-first in document order: down to the first child, else on to the
  // next sibling, else back up until an ancestor has one. Only elements have
  // children, so a node's distance from root is how deep it is nested.
  size_t depth = 1;
  pugi::xml_node node = root.first_child();
  while (node) {
    if (depth > most && node.type() == pugi::node_element) return node;
    if (pugi::xml_node child = node.first_child()) {
      node = child;
      ++depth;
      continue;
    }
    while (!node.next_sibling()) {
      node = node.parent();
      if (--depth == 0) return pugi::xml_node();  // back at root: done
    }
    node = node.next_sibling();
  }
  return pugi::xml_node();
}

}  // namespace foyer::feed
