#include "model/schedule.h"

#include "base/text.h"

namespace foyer {

const Room* Schedule::FindRoom(const std::string& name_or_slug) const {
  for (const Room& room : rooms)
    if (room.name == name_or_slug) return &room;
  for (const Room& room : rooms)
    if (EqualsNoCase(room.name, name_or_slug) ||
        (!room.slug.empty() && EqualsNoCase(room.slug, name_or_slug)))
      return &room;
  return nullptr;
}

}  // namespace foyer
