// A venue for the fleet's integration tests: nginx serving the demo feed, a
// real mosquitto (tests/support/mosquitto.h) and kiosks on SDL's dummy video
// driver, with foyer-feed as the organizer. Waits poll for an outcome with a
// generous deadline; none asserts timing by sleeping.
#pragma once

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/files.h"
#include "support/mosquitto.h"
#include "support/nginx.h"
#include "support/process.h"

namespace foyer::testing {

using nlohmann::json;
using std::chrono::seconds;

// Polls `done` every 200 ms until it holds or `limit` passed.
inline bool Eventually(const std::function<bool()>& done, seconds limit = seconds(60)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return done();
}

inline int Count(const std::string& text, const std::string& part) {
  int count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// A venue in a folder: nginx serving the demo feed, a broker, and screens.
struct Venue {
  TempDir dir;
  Nginx nginx;
  Mosquitto broker;

  // certificates, certificate: a TLS broker (support/mosquitto.h); none: plain.
  explicit Venue(const std::string& certificates = "", const std::string& certificate = "")
      : broker(certificates, certificate) {
    std::filesystem::copy_file(DemoFeed(), nginx.www() + "/schedule.json");
  }
  // A screen's config; `fleet` is its [fleet] section ("" for the usual one).
  std::string Screen(const std::string& id, const std::string& extra_display = "",
                     const std::string& fleet = "", int interval = 3600,
                     const std::string& feed_extra = "") {
    std::string config = dir.File(id + ".toml");
    WriteFile(config, "[feed]\nurl = \"" + nginx.BaseUrl() + "schedule.json\"\ninterval = " +
                          std::to_string(interval) + "\n" + feed_extra +
                          "[display]\nmode = \"room\"\nroom = \"Main Hall\"\nfullscreen = false\n"
                          "size = \"800x480\"\n" +
                          extra_display +
                          "[clock]\nstart = \"2025-10-15T10:40:10+05:00\"\n[cache]\npath = \"" +
                          id + ".db\"\n" + (fleet.empty() ? broker.FleetSection(id) : fleet));
    return config;
  }
  std::unique_ptr<Child> Kiosk(const std::string& config) {
    return std::make_unique<Child>("foyer", std::vector<std::string>{"--config", config},
                                   std::vector<std::string>{"SDL_VIDEODRIVER=dummy"});
  }
  Run FoyerFeed(const std::string& verb, std::vector<std::string> more = {}) {
    std::vector<std::string> args = {verb};
    args.insert(args.end(), more.begin(), more.end());
    for (const std::string& option : broker.OrganizerOptions()) args.push_back(option);
    return RunBinary("foyer-feed", args);
  }
  // The screens' statuses by id, as foyer-feed screens --json gives them.
  json Statuses() {
    Run run = FoyerFeed("screens", {"--json"});
    json list = json::parse(run.out, nullptr, false);
    json by_id = json::object();
    if (list.is_array())
      for (const json& status : list) by_id[status.value("id", "?")] = status;
    return by_id;
  }
  bool Online(const std::string& id) {
    json statuses = Statuses();
    return statuses.contains(id) && statuses[id].value("online", false);
  }
  int FeedRequests() { return Count(nginx.AccessLog(0), "/schedule.json"); }
};

inline std::string PrintField(const std::string& config, const std::string& key) {
  Run run = Foyer({"--config", config, "--print"});
  json printed = json::parse(run.out, nullptr, false);
  return printed.is_object() && printed.contains(key) ? printed[key].dump() : "";
}

}  // namespace foyer::testing
