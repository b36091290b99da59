// Sessions a feed gives no end: they last kOpenEndedLength, or until the next
// session in their room starts if that is sooner. Shared by the readers
// (iCalendar without DTEND, schedule.xml and schedule.json without a duration).
#pragma once

#include <vector>

#include "base/time.h"
#include "model/schedule.h"

namespace foyer::feed {

constexpr UnixSeconds kOpenEndedLength = 3600;

// Sets the end of every session i with open_ended[i] (sizes match).
void EndOpenEndedSessions(std::vector<Session>& sessions, const std::vector<bool>& open_ended);

}  // namespace foyer::feed
