// foyer-feed screens: every screen's retained status, problems first.
#pragma once

#include "fleet_options.h"

namespace foyer {

// Prints the table (or --json array); 0 when every screen is online and
// fresh, 1 otherwise or when none has reported.
int Screens(const FleetCommand& command);

}  // namespace foyer
