// UI labels in the languages venue staff choose (display.languages): English,
// Kazakh, Russian and Korean. Pure lookups; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/language.h"

namespace foyer {

enum class Label {
  kNow,
  kNext,
  kBreak,
  kNextAt,  // "Next at" (followed by a time)
  kDayOver,
  kResumes,  // "Resumes" (followed by a day and time)
  kTomorrow,
  kBeforeEvent,  // "Starts" (followed by a day and time)
  kAfterEvent,
  kWaiting,
  kUpdated,      // "Updated" (followed by a time): stale data
  kMinutesLeft,  // "min left" (after a number)
  kNothingNow,
  kRoom,
  kEnds,          // "until" (before an end time)
  kWaitingClock,  // the system clock cannot be trusted yet
  kCancelled,
  kMovedFrom,  // "moved from" (before the previous time or room)
  kNowIn,      // "now in" (before the room a session moved to)
  kFull,       // "Full": a room that takes no more people (hallway boards)
  kRoomFull,   // "Room full — please choose another session" (its door screen)
};

// The label in one language.
const std::string& LabelText(Label label, Language language);
// The label in every language given, joined by " · " (first is primary).
std::string LabelTexts(Label label, const std::vector<Language>& languages);

}  // namespace foyer
