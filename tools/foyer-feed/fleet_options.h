// The broker options every fleet verb of foyer-feed takes:
//   --broker URL --topic T [--username U --password-file F --ca-file C]
// read into a BrokerLogin and the topics. The password is read from its file
// (bounded, fleet/broker.h) and never printed.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fleet/broker.h"

namespace foyer {

struct FleetCommand {
  BrokerLogin login;
  FleetTopics topics;
  std::vector<std::string> operands;          // what is not a broker option, in order
  std::string output;                         // -o FILE
  bool json = false;                          // --json
  bool help = false;                          // --help
  bool once = false;                          // --once (relay)
  std::map<std::string, std::string> values;  // the verb's own options (`own`), by name
  bool has_broker() const { return !login.broker.host.empty(); }
};

// Reads the words after the verb; on a usage problem, sets `problem`. `own`:
// the verb's own options that take a value; the broker is required unless
// `broker_optional`.
FleetCommand ReadFleetCommand(const std::vector<std::string>& args, std::string& problem,
                              const std::set<std::string>& own = {}, bool broker_optional = false);

// The broker options' help, for each verb's usage.
extern const char kBrokerOptionsHelp[];

}  // namespace foyer
