#include "fleet_options.h"

namespace foyer {

const char kBrokerOptionsHelp[] =
    "broker options (as the screens' [fleet]):\n"
    "  --broker URL          mqtts://host[:8883] (TLS, verified) or mqtt://host[:1883]\n"
    "  --topic T             the event's prefix, e.g. foyer/astana2025\n"
    "  --username U          the organizers' account\n"
    "  --password-file F     a file holding its password (never printed)\n"
    "  --ca-file C           the broker's CA (PEM); default: the system's CAs\n";

namespace {

// Applies one broker option and its value; false when `name` is not one.
bool ReadBrokerOption(const std::string& name, const std::string& value, FleetCommand& command,
                      std::string& problem) {
  if (name == "--broker") {
    auto broker = ParseBrokerUrl(value);
    if (broker.ok())
      command.login.broker = *broker;
    else
      problem = "--broker " + value + " " + broker.status().message();
  } else if (name == "--topic") {
    command.topics.prefix = value;
    if (std::string why = TopicProblem(value); !why.empty()) problem = "--topic " + why;
  } else if (name == "--username") {
    command.login.username = value;
  } else if (name == "--password-file") {
    auto password = ReadPasswordFile(value);
    if (password.ok())
      command.login.password = *password;
    else
      problem = "--password-file " + value + " " + password.status().message();
  } else if (name == "--ca-file") {
    command.login.ca_file = value;
  } else {
    return false;
  }
  return true;
}

}  // namespace

FleetCommand ReadFleetCommand(const std::vector<std::string>& args, std::string& problem,
                              const std::set<std::string>& own, bool broker_optional) {
  FleetCommand command;
  for (size_t i = 0; i < args.size() && problem.empty(); ++i) {
    std::string name = args[i], value;
    const bool has_equals = name.rfind("--", 0) == 0 && name.find('=') != std::string::npos;
    if (has_equals) value = name.substr(name.find('=') + 1), name = name.substr(0, name.find('='));
    if (name == "--help" || name == "-h") {
      command.help = true;
    } else if (name == "--json") {
      command.json = true;
    } else if (name == "--once") {
      command.once = true;
    } else if (name.size() > 1 && name[0] == '-') {
      if (!has_equals && i + 1 >= args.size()) {
        problem = name + " needs a value";
        break;
      }
      if (!has_equals) value = args[++i];
      if (name == "-o" || name == "--output")
        command.output = value;
      else if (own.count(name))
        command.values[name] = value;
      else if (!ReadBrokerOption(name, value, command, problem))
        problem = "unknown option " + name;
    } else {
      command.operands.push_back(name);
    }
  }
  const bool needs_broker = !broker_optional || !command.topics.prefix.empty();
  if (problem.empty() && !command.help && needs_broker && !command.has_broker())
    problem = "--broker URL is required, e.g. --broker mqtts://mqtt.venue.example:8883";
  else if (problem.empty() && !command.help && command.has_broker() &&
           command.topics.prefix.empty())
    problem = "--topic T is required, e.g. --topic foyer/astana2025";
  return command;
}

}  // namespace foyer
