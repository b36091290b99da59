// Where a fleet's MQTT broker is and how to reach it: the `[fleet]` settings
// (docs/CONTRACTS.md) as the MQTT client needs them, the topics under the
// event's prefix, and the bounded reading of the password file. Pure values
// and functions; thread-safe.
#pragma once

#include <string>

#include "base/names.h"
#include "base/status.h"

namespace foyer {

// mqtts:// is TLS, always verified; mqtt:// is plain, for a LAN or loopback.
enum class BrokerScheme { kMqtt, kMqtts };
inline constexpr NameTable<BrokerScheme, 2> kBrokerSchemeNames{{{
    {BrokerScheme::kMqtt, "mqtt"},
    {BrokerScheme::kMqtts, "mqtts"},
}}};

struct BrokerAddress {
  BrokerScheme scheme = BrokerScheme::kMqtt;
  std::string host;
  int port = 1883;  // 8883 for mqtts:// unless the URL says
  bool tls() const { return scheme == BrokerScheme::kMqtts; }
};

// "mqtts://host[:port]" or "mqtt://host[:port]" (an IPv6 host in brackets).
// The message says what is wrong, for `--check` and foyer-feed.
Result<BrokerAddress> ParseBrokerUrl(const std::string& url);

// What a client needs to log in: the broker, the account and the CA.
struct BrokerLogin {
  BrokerAddress broker;
  std::string username;  // "" : anonymous
  std::string password;  // from password_file; never logged or printed
  std::string ca_file;   // "" : the system's CAs (mqtts:// only)
};

// The password file's first line, read bounded (base/files.h). The message
// names neither the file nor its content; callers put the setting first.
inline constexpr std::size_t kMostPasswordBytes = 4096;
Result<std::string> ReadPasswordFile(const std::string& path);

// A topic prefix is one or more levels, without wildcards or a leading or
// trailing '/'. Returns why not, or "" when fine.
std::string TopicProblem(const std::string& topic);
// A screen id is one topic level: no '/', '+', '#', not empty.
std::string ScreenIdProblem(const std::string& id);

// The topics under an event's prefix (docs/CONTRACTS.md, "MQTT topics").
struct FleetTopics {
  std::string prefix;
  std::string Feed() const { return prefix + "/feed"; }
  std::string AllStatus() const { return prefix + "/screens/+/status"; }
  std::string Status(const std::string& id) const { return Screen(id) + "/status"; }
  std::string ScreenshotRequest(const std::string& id) const {
    return Screen(id) + "/screenshot/request";
  }
  std::string Screenshot(const std::string& id) const { return Screen(id) + "/screenshot"; }
  std::string Screen(const std::string& id) const { return prefix + "/screens/" + id; }
};

}  // namespace foyer
