#include "fleet_screens.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "base/time.h"
#include "fleet/organizer.h"

namespace foyer {
namespace {

using nlohmann::json;

constexpr std::int64_t kAnswerMillis = 10'000;
// Retained statuses arrive right after the subscription; this long without
// one more means all have come.
constexpr std::int64_t kQuietMillis = 700;

// The screen's id in "<prefix>/screens/<id>/status".
std::string IdOf(const std::string& topic, const FleetTopics& topics) {
  const std::string head = topics.prefix + "/screens/";
  if (topic.rfind(head, 0) != 0) return "";
  const std::string rest = topic.substr(head.size());
  return rest.substr(0, rest.find('/'));
}

bool HasProblem(const json& status) {
  return !status.value("online", false) || status.value("stale", true) || status.contains("error");
}

// Every screen's latest retained status, by id.
Result<std::map<std::string, json>> Collect(const FleetCommand& command) {
  auto session = OrganizerSession::Open(command.login, kAnswerMillis);
  if (!session.ok()) return session.status();
  OrganizerSession& s = **session;
  if (Status status = s.Subscribe(command.topics.AllStatus(), kAnswerMillis); !status.ok())
    return status;
  const std::int64_t subscribed = MonotonicMillis();
  s.RunUntil(
      [&] {
        const std::int64_t last = std::max(subscribed, s.last_message_millis());
        return MonotonicMillis() - last >= kQuietMillis;
      },
      kAnswerMillis);
  std::map<std::string, json> screens;
  for (const MqttMessage& message : s.TakeMessages()) {
    const std::string id = IdOf(message.topic, command.topics);
    if (id.empty() || message.payload.empty()) continue;
    json status = json::parse(message.payload, nullptr, false);
    if (!status.is_object()) status = {{"id", id}, {"error", "the status is not a JSON object"}};
    status["id"] = id;  // the topic says who it is
    screens[id] = std::move(status);
  }
  return screens;
}

std::string Text(const json& status, const char* key, const char* none = "-") {
  if (!status.contains(key) || status[key].is_null()) return none;
  if (status[key].is_string()) return status[key].get<std::string>();
  if (status[key].is_boolean()) return status[key].get<bool>() ? "yes" : "no";
  return status[key].dump();
}

// The screen's clock minus this machine's, as "+3s", or "-".
std::string ClockOffset(const json& status) {
  if (!status.value("online", false) || !status["clock"].is_string()) return "-";
  auto clock = ParseIsoInstant(status["clock"].get<std::string>());
  if (!clock.ok()) return "?";
  const std::int64_t offset = clock->utc - Env::Default()->Now();
  return (offset >= 0 ? "+" : "") + std::to_string(offset) + "s";
}

void PrintTable(const std::vector<json>& screens) {
  std::printf("%-20s %-16s %-12s %-7s %-6s %-21s %-7s %-8s %s\n", "ID", "ROOM", "STATE", "ONLINE",
              "STALE", "LAST SYNC", "CLOCK", "VERSION", "NOW");
  for (const json& s : screens) {
    std::string room = s.contains("rooms") ? "(hallway)" : Text(s, "room");
    std::printf("%-20s %-16s %-12s %-7s %-6s %-21s %-7s %-8s %s\n", Text(s, "id").c_str(),
                room.c_str(), Text(s, "state").c_str(), Text(s, "online", "no").c_str(),
                Text(s, "stale").c_str(), Text(s, "last_sync").c_str(), ClockOffset(s).c_str(),
                Text(s, "version").c_str(),
                s.contains("error") ? Text(s, "error").c_str() : Text(s, "now").c_str());
  }
}

}  // namespace

int Screens(const FleetCommand& command) {
  auto collected = Collect(command);
  if (!collected.ok()) {
    std::cerr << "foyer-feed screens: " << collected.status().message() << "\n";
    return 1;
  }
  std::vector<json> screens;
  for (auto& [id, status] : *collected) screens.push_back(std::move(status));
  std::stable_sort(screens.begin(), screens.end(),
                   [](const json& a, const json& b) { return HasProblem(a) && !HasProblem(b); });
  if (command.json)
    std::cout << json(screens).dump() << "\n";
  else
    PrintTable(screens);
  if (screens.empty()) std::cerr << "foyer-feed screens: no screen has reported\n";
  const bool all_well =
      !screens.empty() && std::none_of(screens.begin(), screens.end(), HasProblem);
  return all_well ? 0 : 1;
}

}  // namespace foyer
