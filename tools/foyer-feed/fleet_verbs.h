// foyer-feed's fleet verbs: notify, screens, screenshot and relay, each with
// the broker options (docs/CONTRACTS.md, "MQTT topics"; docs/FLEET.md).
#pragma once

#include <string>
#include <vector>

namespace foyer {

// The verb's exit code, or -1 when `verb` is not a fleet verb.
int RunFleetVerb(const std::string& verb, const std::vector<std::string>& args);

// The usage text of a fleet verb, or null when `verb` is not one.
const char* FleetVerbUsage(const std::string& verb);

}  // namespace foyer
