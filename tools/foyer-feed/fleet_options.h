// The broker options every fleet verb of foyer-feed takes:
//   --broker URL --topic T [--username U --password-file F --ca-file C]
// read into a BrokerLogin and the topics. The password is read from its file
// (bounded, fleet/broker.h) and never printed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fleet/broker.h"

namespace foyer {

struct FleetCommand {
  BrokerLogin login;
  FleetTopics topics;
  std::vector<std::string> operands;  // what is not a broker option, in order
  std::string output;                 // -o FILE
  bool json = false;                  // --json
  bool help = false;                  // --help
};

// Reads the words after the verb; on a usage problem, sets `problem`.
FleetCommand ReadFleetCommand(const std::vector<std::string>& args, std::string& problem);

// The broker options' help, for each verb's usage.
extern const char kBrokerOptionsHelp[];

}  // namespace foyer
