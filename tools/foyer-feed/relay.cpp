#include "relay.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <thread>

#include "feed/feed.h"
#include "feed/validate.h"
#include "fleet/organizer.h"
#include "fleet_options.h"
#include "sync/http_client.h"

namespace foyer {

const char kRelayUsage[] =
    "usage: foyer-feed relay SOURCE_URL --out DIR [--every SECONDS] [--sign KEYFILE] [--once]\n"
    "                        [--broker URL --topic T [--username U --password-file F\n"
    "                        --ca-file C]]\n"
    "\n"
    "Polls SOURCE_URL (e.g. pretalx's schedule.json) every SECONDS (default 30, at least\n"
    "5) with conditional GETs. Each new version is checked as 'foyer-feed validate'\n"
    "checks a file; a broken one is refused and reported, and DIR keeps the last good\n"
    "one. An accepted version is written atomically to DIR/NAME (NAME: the URL's last\n"
    "path segment, else schedule.json) for nginx or a CDN to serve; with --sign, also\n"
    "DIR/NAME.minisig (minisign -S with KEYFILE, a key made with 'minisign -G -W').\n"
    "With a broker, the screens are told (T/feed) each time the content changed.\n"
    "--once polls once and exits: 0 accepted or unchanged, 1 fetch or write failed,\n"
    "2 refused.\n"
    "\n";

namespace {

enum class RelayOutcome { kAccepted, kUnchanged, kFailed, kRefused };

struct RelayState {
  std::string etag, last_modified, body;  // of the last accepted version
};

std::string OutputName(const std::string& url) {
  std::string path = url.substr(0, url.find_first_of("?#"));
  std::string name = path.substr(path.rfind('/') + 1);
  return name.empty() || name.find("://") != std::string::npos ? "schedule.json" : name;
}

// Writes path.tmp and syncs it; true when all of it was written.
bool WriteSynced(const std::string& path, const std::string& bytes) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  ok = fsync(fd) == 0 && ok;
  return close(fd) == 0 && ok;
}

// Replaces path (and, with a key, path.minisig) atomically: each is written
// beside it, the signature made from the written copy, then each renamed over.
Status Publish(const std::string& path, const std::string& bytes, const std::string& key) {
  const std::string staged = path + ".tmp", signature = path + ".minisig";
  if (!WriteSynced(staged, bytes)) return Status::Error("cannot write " + staged);
  if (!key.empty()) {
    const std::string command = "minisign -S -s '" + key + "' -m '" + staged + "' -x '" +
                                signature + ".tmp' </dev/null >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0 ||
        std::rename((signature + ".tmp").c_str(), signature.c_str()) != 0) {
      std::remove(staged.c_str());
      return Status::Error("minisign could not sign with " + key +
                           " (a key without a password: minisign -G -W)");
    }
  }
  if (std::rename(staged.c_str(), path.c_str()) != 0) return Status::Error("cannot write " + path);
  return Status::Ok();
}

// The problems that would make screens refuse or show the body wrongly ("" when none).
std::string Problems(const std::string& body) {
  auto schedule = ParseFeed(body);
  if (!schedule.ok()) return schedule.status().message() + "\n";
  std::string problems;
  for (const ScheduleProblem& found : ReviewSchedule(*schedule))
    if (!found.warning) problems += found.problem.ToString() + "\n";
  if (schedule->sessions.empty() && problems.empty()) problems = "the schedule has no sessions";
  return problems;
}

void Notify(const FleetCommand& command) {
  auto session = OrganizerSession::Open(command.login, 10'000);
  Status sent = session.ok() ? (*session)->Publish(command.topics.Feed(), "changed", false, 10'000)
                             : session.status();
  if (sent.ok())
    std::cerr << "relay: told the screens (" << command.topics.Feed() << ")\n";
  else
    std::cerr << "relay: could not tell the screens: " << sent.message() << "\n";
}

// One poll of the source: fetched, checked, published when new and good.
RelayOutcome PollOnce(HttpClient& http, const FleetCommand& command, const std::string& source,
                      RelayState& state) {
  HttpRequest request{source, state.etag, state.last_modified};
  auto response = http.Fetch(request);
  if (!response.ok() || (response->status != 200 && response->status != 304)) {
    std::cerr << "relay: " << source << ": "
              << (response.ok() ? "HTTP " + std::to_string(response->status)
                                : response.status().message())
              << "; the screens keep the last good version\n";
    return RelayOutcome::kFailed;
  }
  if (response->status == 304 || response->body == state.body) return RelayOutcome::kUnchanged;
  if (std::string problems = Problems(response->body); !problems.empty()) {
    std::cerr << "relay: refused the new version of " << source << ":\n"
              << problems << "the screens keep the last good version\n";
    return RelayOutcome::kRefused;
  }
  const std::string path = command.values.at("--out") + "/" + OutputName(source);
  const auto key = command.values.find("--sign");
  Status published = Publish(path, response->body, key == command.values.end() ? "" : key->second);
  if (!published.ok()) {
    std::cerr << "relay: " << published.message() << "\n";
    return RelayOutcome::kFailed;
  }
  state = {response->etag, response->last_modified, std::move(response->body)};
  std::cerr << "relay: accepted a new version of " << source << " into " << path << "\n";
  if (command.has_broker()) Notify(command);
  return RelayOutcome::kAccepted;
}

int ExitCode(RelayOutcome outcome) {
  if (outcome == RelayOutcome::kFailed) return 1;
  return outcome == RelayOutcome::kRefused ? 2 : 0;
}

}  // namespace

int Relay(const std::vector<std::string>& args) {
  std::string problem;
  FleetCommand command = ReadFleetCommand(args, problem, {"--out", "--every", "--sign"}, true);
  if (command.help) return std::cout << kRelayUsage << kBrokerOptionsHelp, 0;
  const std::string every = command.values.count("--every") ? command.values["--every"] : "30";
  const int seconds = std::atoi(every.c_str());
  if (problem.empty() && command.operands.size() != 1) problem = "give one SOURCE_URL";
  if (problem.empty() && !command.values.count("--out")) problem = "--out DIR is required";
  if (problem.empty() && (seconds < 5 || seconds > 86400)) problem = "--every takes 5 to 86400";
  if (!problem.empty()) {
    std::cerr << "foyer-feed relay: " << problem << "\n\n" << kRelayUsage << kBrokerOptionsHelp;
    return 64;
  }
  auto http = NewCurlHttpClient();
  RelayState state;
  // What DIR already serves counts as accepted: a restarted relay publishes
  // and notifies only when the source's content differs from it.
  std::ifstream served(command.values["--out"] + "/" + OutputName(command.operands[0]),
                       std::ios::binary);
  state.body.assign(std::istreambuf_iterator<char>(served), std::istreambuf_iterator<char>());
  for (;;) {
    RelayOutcome outcome = PollOnce(*http, command, command.operands[0], state);
    if (command.once) return ExitCode(outcome);
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
  }
}

}  // namespace foyer
