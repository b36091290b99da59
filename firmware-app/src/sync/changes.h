// Change marks: when a feed update moves, retimes or retitles a session, the
// screens keep its previous values until it ends ("moved from 13:00", "now in
// Hall B"); a session that disappears stays, marked cancelled, and screens
// list it until its time passes. Pure; thread-safe.
#pragma once

#include "base/env.h"
#include "model/schedule.h"

namespace foyer {

// Returns `fresh` with Session::previous and cancelled sessions filled in from
// `cached` (the schedule on screen until now, with its own marks). Sessions are
// matched by guid (else feed id), taken with their start when a key repeats.
// When most cached sessions find no match the feed was regenerated (iCalendar
// exporters that renew every UID) rather than edited, and nothing is marked.
Schedule MarkChanges(const Schedule& cached, Schedule fresh);

}  // namespace foyer
