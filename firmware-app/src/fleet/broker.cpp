#include "fleet/broker.h"

#include <algorithm>
#include <cctype>

#include "base/files.h"

namespace foyer {
namespace {

bool AllDigits(const std::string& text) {
  return !text.empty() && text.size() <= 5 &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(uint8_t(c)); });
}

// Splits "host:port", "[v6]:port", "host" into address.host and .port.
Status ReadHostPort(const std::string& rest, BrokerAddress& address) {
  std::string host = rest, port;
  if (!rest.empty() && rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string::npos) return Status::Error("has an unclosed '[' in its host");
    host = rest.substr(1, close - 1);
    if (close + 1 < rest.size() && rest[close + 1] != ':')
      return Status::Error("has text after its IPv6 host");
    if (close + 1 < rest.size()) port = rest.substr(close + 2);
  } else if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
    if (port.empty()) return Status::Error("has a ':' but no port");
  }
  if (host.empty()) return Status::Error("has no host");
  if (!port.empty() && (!AllDigits(port) || std::stoi(port) < 1 || std::stoi(port) > 65535))
    return Status::Error("has port \"" + port + "\"; use 1 to 65535");
  address.host = host;
  if (!port.empty()) address.port = std::stoi(port);
  return Status::Ok();
}

}  // namespace

Result<BrokerAddress> ParseBrokerUrl(const std::string& url) {
  const auto scheme_end = url.find("://");
  const auto scheme = kBrokerSchemeNames.Parse(scheme_end == std::string::npos
                                                   ? std::string_view()
                                                   : std::string_view(url).substr(0, scheme_end));
  if (!scheme) return Status::Error("must start with mqtts:// (TLS) or mqtt:// (LAN, loopback)");
  BrokerAddress address;
  address.scheme = *scheme;
  address.port = *scheme == BrokerScheme::kMqtts ? 8883 : 1883;
  std::string rest = url.substr(scheme_end + 3);
  if (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.find_first_of("/?#@ ") != std::string::npos)
    return Status::Error("must be only scheme://host[:port], with no path, user or spaces");
  if (Status status = ReadHostPort(rest, address); !status.ok()) return status;
  return address;
}

Result<std::string> ReadPasswordFile(const std::string& path) {
  auto bytes = ReadSmallFile(path, kMostPasswordBytes);
  if (!bytes.ok()) return bytes.status();
  std::string password = bytes->substr(0, bytes->find_first_of("\r\n"));
  if (password.empty()) return Status::Error("is empty; put the password on its first line");
  return password;
}

std::string TopicProblem(const std::string& topic) {
  if (topic.empty()) return "is empty; give the event's prefix, e.g. \"foyer/astana2025\"";
  if (topic.find_first_of("+#") != std::string::npos) return "must not hold '+' or '#'";
  if (topic.front() == '/' || topic.back() == '/') return "must not start or end with '/'";
  if (topic.find('\0') != std::string::npos || topic.size() > 200) return "is not a usable topic";
  return "";
}

std::string ScreenIdProblem(const std::string& id) {
  if (id.empty()) return "is empty";
  if (id.find_first_of("/+#") != std::string::npos || id.find('\0') != std::string::npos)
    return "must not hold '/', '+' or '#'";
  if (id.size() > 100) return "is longer than 100 bytes";
  return "";
}

}  // namespace foyer
