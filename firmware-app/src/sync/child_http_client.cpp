#include "sync/child_http_client.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <set>

#include "base/log.h"
#include "sync/fetch_protocol.h"

extern char** environ;

namespace foyer {
namespace {

// Room in an answer for what is not the body: validators, content type, hash.
constexpr std::size_t kMostAnswerOverheadBytes = 1 << 20;
// posix_spawn's child ends with this when the exec itself failed.
constexpr int kExecFailed = 127;

// A started helper: its process and our end of the socket that is its stdin
// and stdout. The socket (not pipes) lets us write with MSG_NOSIGNAL: a helper
// that died early costs an error, not SIGPIPE.
struct Helper {
  pid_t pid = -1;
  int socket = -1;
  int error = 0;  // errno when it could not be started
};

// Starts `command` with stdin and stdout on one end of a new socket pair,
// stderr shared (the journal), every other file closed, and every signal at
// its default. On failure, error holds errno.
Helper Start(const std::vector<std::string>& command) {
  Helper helper;
  int ends[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
    helper.error = errno;
    return helper;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, ends[1], 0);
  posix_spawn_file_actions_adddup2(&actions, ends[1], 1);
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&attributes, &signals);
  sigfillset(&signals);
  posix_spawnattr_setsigdefault(&attributes, &signals);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<char*> argv;
  for (const std::string& word : command) argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  int error = posix_spawn(&helper.pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  close(ends[1]);
  if (error != 0) {
    close(ends[0]);
    helper.error = error;
    return helper;
  }
  helper.socket = ends[0];
  return helper;
}

bool SendAll(int socket, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t done = send(socket, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return false;
    sent += static_cast<std::size_t>(done);
  }
  return true;
}

// How reading the helper's answer ended.
enum class Read { kAll, kTooLate, kTooLarge, kBroken };

// Reads until the helper closes its end, `seconds` pass or `most` bytes come.
Read ReadAnswer(int socket, int seconds, std::size_t most, std::string& answer) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  char buffer[1 << 16];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Read::kTooLate;
    pollfd ready{socket, POLLIN, 0};
    int polled = poll(&ready, 1, static_cast<int>(left.count()));
    if (polled < 0 && errno == EINTR) continue;
    if (polled < 0) return Read::kBroken;
    if (polled == 0) return Read::kTooLate;
    ssize_t got = read(socket, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Read::kBroken;
    if (got == 0) return Read::kAll;
    if (answer.size() + static_cast<std::size_t>(got) > most) return Read::kTooLarge;
    answer.append(buffer, static_cast<std::size_t>(got));
  }
}

std::string HowItEnded(int status) {
  if (WIFSIGNALED(status)) return "ended with signal " + std::to_string(WTERMSIG(status));
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  return "ended";
}

class ChildHttpClient : public HttpClient {
 public:
  ChildHttpClient(std::vector<std::string> command, int grace_seconds)
      : command_(std::move(command)), helper_(command_.back()), grace_seconds_(grace_seconds) {}

  Result<HttpResponse> Fetch(const HttpRequest& request) override {
    if (stopped_) return Status::Error(kFetchStopped);
    if (HttpClient* in_process = InProcess()) return in_process->Fetch(request);
    Helper helper = Start(command_);
    if (helper.error == ENOEXEC)  // built for another machine: it never will start
      return FetchInProcess(request, std::strerror(helper.error));
    if (helper.error != 0)  // missing a moment (an upgrade), or no processes left: next poll
      return Status::Error("cannot start the fetch helper " + helper_ + ": " +
                           std::strerror(helper.error));
    Track(helper.pid);
    std::string answer;
    Read read = Read::kBroken;
    if (SendAll(helper.socket, EncodeRequest(request))) {
      shutdown(helper.socket, SHUT_WR);
      const long timeout = std::max(request.timeout_seconds, 1L);
      read = ReadAnswer(helper.socket, static_cast<int>(timeout) + grace_seconds_,
                        request.max_bytes + kMostAnswerOverheadBytes, answer);
    }
    close(helper.socket);
    Untrack(helper.pid);
    if (read != Read::kAll) kill(helper.pid, SIGKILL);
    int status = 0;
    while (waitpid(helper.pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (stopped_) return Status::Error(kFetchStopped);
    return Answer(request, read, status, answer);
  }

  void Stop() override {
    stopped_ = true;
    std::lock_guard<std::mutex> lock(mutex_);
    for (pid_t pid : running_) kill(pid, SIGKILL);
    if (in_process_) in_process_->Stop();
  }

 private:
  // The helper's answer, or why there is none.
  Result<HttpResponse> Answer(const HttpRequest& request, Read read, int status,
                              const std::string& answer) {
    const long timeout = std::max(request.timeout_seconds, 1L);
    switch (read) {
      case Read::kTooLate:
        return Status::Error("the fetch helper gave no answer within feed.timeout (" +
                             std::to_string(timeout) + " s) and " + std::to_string(grace_seconds_) +
                             " s more");
      case Read::kTooLarge:
        return Status::Error("the fetch helper's answer is larger than feed.max_bytes (" +
                             std::to_string(request.max_bytes) + " bytes)");
      case Read::kAll:
      case Read::kBroken:
        break;
    }
    // Under an emulator the exec fails in the child, after the request was
    // sent or while it was: no answer, and status 127.
    if (WIFEXITED(status) && WEXITSTATUS(status) == kExecFailed && answer.empty())
      return FetchInProcess(request, "it exited with status 127 before answering");
    if (read == Read::kAll && WIFEXITED(status) && WEXITSTATUS(status) == 0)
      return DecodeResult(answer);
    return Status::Error("the fetch helper " + helper_ + " " + HowItEnded(status) +
                         " before answering");
  }

  // The in-process client, once the helper could not be started; else null.
  HttpClient* InProcess() {
    std::lock_guard<std::mutex> lock(mutex_);
    return in_process_.get();
  }

  Result<HttpResponse> FetchInProcess(const HttpRequest& request, const std::string& why) {
    HttpClient* in_process = nullptr;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!in_process_) {
        LogWarning("sync: cannot start the fetch helper " + helper_ + " (" + why +
                   "); fetching in this process instead, which keeps libcurl's ~8 MiB loaded");
        in_process_ = NewCurlHttpClient();
        if (stopped_) in_process_->Stop();
      }
      in_process = in_process_.get();
    }
    return in_process->Fetch(request);
  }

  void Track(pid_t pid) {
    std::lock_guard<std::mutex> lock(mutex_);
    running_.insert(pid);
    if (stopped_) kill(pid, SIGKILL);  // Stop() came between the check and the start
  }

  // Before waitpid: once reaped, the pid may name another process.
  void Untrack(pid_t pid) {
    std::lock_guard<std::mutex> lock(mutex_);
    running_.erase(pid);
  }

  const std::vector<std::string> command_;
  const std::string helper_;  // for messages
  const int grace_seconds_;
  std::atomic<bool> stopped_{false};
  std::mutex mutex_;
  std::set<pid_t> running_;                 // helpers Stop() must kill
  std::unique_ptr<HttpClient> in_process_;  // set once the helper could not start
};

bool IsExecutable(const std::string& path) { return access(path.c_str(), X_OK) == 0; }

// The folder of the running executable, with its trailing slash; empty when unknown.
std::string ExecutableFolder() {
  char path[4096];
  ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
  if (length <= 0) return "";
  std::string folder(path, static_cast<std::size_t>(length));
  return folder.substr(0, folder.rfind('/') + 1);
}

}  // namespace

std::unique_ptr<HttpClient> NewChildHttpClient(std::vector<std::string> command,
                                               int grace_seconds) {
  return std::make_unique<ChildHttpClient>(std::move(command), grace_seconds);
}

std::string FetchHelperPath() {
  if (std::string folder = ExecutableFolder(); !folder.empty()) {
    std::string beside = folder + kFetchHelperName;
    if (IsExecutable(beside)) return beside;
  }
  std::string packaged = PackagedFetchHelperPath();
  return IsExecutable(packaged) ? packaged : "";
}

std::string PackagedFetchHelperPath() {
  return std::string(FOYER_LIBEXEC_DIR) + "/" + kFetchHelperName;
}

}  // namespace foyer
