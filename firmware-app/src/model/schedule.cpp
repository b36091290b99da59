#include "model/schedule.h"

#include <algorithm>
#include <cctype>

namespace foyer {
namespace {

bool EqualsIgnoringAsciiCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

const Room* Schedule::FindRoom(const std::string& name_or_slug) const {
  for (const Room& room : rooms)
    if (room.name == name_or_slug) return &room;
  for (const Room& room : rooms)
    if (EqualsIgnoringAsciiCase(room.name, name_or_slug) ||
        (!room.slug.empty() && EqualsIgnoringAsciiCase(room.slug, name_or_slug)))
      return &room;
  return nullptr;
}

}  // namespace foyer
