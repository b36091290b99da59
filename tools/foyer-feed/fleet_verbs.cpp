#include "fleet_verbs.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

#include "fleet/organizer.h"
#include "fleet_options.h"
#include "fleet_screens.h"
#include "relay.h"

namespace foyer {
namespace {

constexpr std::int64_t kAnswerMillis = 10'000;
constexpr std::int64_t kScreenshotMillis = 10'000;

constexpr char kNotifyUsage[] =
    "usage: foyer-feed notify --broker URL --topic T [--username U --password-file F\n"
    "                         --ca-file C]\n"
    "\n"
    "Tells every screen that the feed changed (publishes to T/feed). Each screen then\n"
    "polls the feed within 0-2 s, at most once per 2 s.\n"
    "\n";
constexpr char kScreensUsage[] =
    "usage: foyer-feed screens [--json] --broker URL --topic T [--username U\n"
    "                          --password-file F --ca-file C]\n"
    "\n"
    "Lists every screen that reported to T/screens/+/status: id, room, state, title\n"
    "now, online, stale, last sync, clock offset and version, problems first.\n"
    "--json prints the status objects as one JSON array instead.\n"
    "Exit status 0 when every screen is online and fresh, 1 otherwise (also when no\n"
    "screen has reported), so that a monitoring check can call it.\n"
    "\n";
constexpr char kScreenshotUsage[] =
    "usage: foyer-feed screenshot ID -o FILE.png --broker URL --topic T [--username U\n"
    "                             --password-file F --ca-file C]\n"
    "\n"
    "Asks screen ID for a PNG of what its panel shows now and writes it to FILE.png.\n"
    "Waits up to 10 s.\n"
    "\n";

int Fail(const std::string& verb, const std::string& message) {
  std::cerr << "foyer-feed " << verb << ": " << message << "\n";
  return 1;
}

int Notify(const FleetCommand& command) {
  auto session = OrganizerSession::Open(command.login, kAnswerMillis);
  if (!session.ok()) return Fail("notify", session.status().message());
  Status sent = (*session)->Publish(command.topics.Feed(), "changed", false, kAnswerMillis);
  if (!sent.ok()) return Fail("notify", sent.message());
  return 0;
}

// Writes bytes to path.tmp and renames it over path.
bool WriteWhole(const std::string& path, const std::string& bytes) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return false;
  }
  return std::rename(temporary.c_str(), path.c_str()) == 0;
}

int Screenshot(const FleetCommand& command) {
  const std::string& id = command.operands[0];
  const std::int64_t deadline = MonotonicMillis() + kScreenshotMillis;
  auto session = OrganizerSession::Open(command.login, kScreenshotMillis);
  if (!session.ok()) return Fail("screenshot", session.status().message());
  OrganizerSession& s = **session;
  if (Status status = s.Subscribe(command.topics.Screenshot(id), kScreenshotMillis); !status.ok())
    return Fail("screenshot", status.message());
  if (Status status =
          s.Publish(command.topics.ScreenshotRequest(id), "png", false, kScreenshotMillis);
      !status.ok())
    return Fail("screenshot", status.message());
  std::string png;
  s.RunUntil(
      [&] {
        for (MqttMessage& message : s.TakeMessages())
          if (!message.retained && message.topic == command.topics.Screenshot(id))
            png = std::move(message.payload);
        return !png.empty();
      },
      std::max<std::int64_t>(0, deadline - MonotonicMillis()));
  if (png.empty())
    return Fail("screenshot", "screen " + id +
                                  " sent no screenshot within 10 s (is it online? "
                                  "foyer-feed screens tells)");
  if (!WriteWhole(command.output, png)) return Fail("screenshot", "cannot write " + command.output);
  return 0;
}

}  // namespace

const char* FleetVerbUsage(const std::string& verb) {
  if (verb == "notify") return kNotifyUsage;
  if (verb == "screens") return kScreensUsage;
  if (verb == "screenshot") return kScreenshotUsage;
  if (verb == "relay") return kRelayUsage;
  return nullptr;
}

int RunFleetVerb(const std::string& verb, const std::vector<std::string>& args) {
  const char* usage = FleetVerbUsage(verb);
  if (!usage) return -1;
  if (verb == "relay") return Relay(args);
  std::string problem;
  FleetCommand command = ReadFleetCommand(args, problem);
  if (command.help) {
    std::cout << usage << kBrokerOptionsHelp;
    return 0;
  }
  const size_t operands = verb == "screenshot" ? 1 : 0;
  if (problem.empty() && command.operands.size() != operands)
    problem = operands ? "give one screen ID" : "takes no operands";
  if (problem.empty() && verb == "screenshot" && command.output.empty())
    problem = "-o FILE.png is required";
  if (problem.empty() && command.json && verb != "screens") problem = "--json works with screens";
  if (!problem.empty()) {
    std::cerr << "foyer-feed " << verb << ": " << problem << "\n\n" << usage << kBrokerOptionsHelp;
    return 64;
  }
  if (verb == "notify") return Notify(command);
  if (verb == "screens") return Screens(command);
  return Screenshot(command);
}

}  // namespace foyer
