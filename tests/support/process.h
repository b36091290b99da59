// Runs a built foyer binary the way a user would, capturing its output.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/files.h"

namespace foyer::testing {

struct Run {
  int exit_code = -1;
  std::string out, err;
};

inline std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// The words that run FOYER_BIN_DIR/binary: under the emulator when the tests
// were cross-built (CMAKE_CROSSCOMPILING_EMULATOR, e.g. qemu-aarch64-static
// for arm64; FOYER_TEST_EMULATOR is its absolute path), else the binary itself.
inline std::vector<std::string> BinaryWords(const std::string& binary) {
  std::vector<std::string> words;
  if (std::strlen(FOYER_TEST_EMULATOR) > 0) words.push_back(FOYER_TEST_EMULATOR);
  words.push_back(std::string(FOYER_BIN_DIR) + "/" + binary);
  return words;
}

// The same, quoted for a shell command line.
inline std::string BinaryCommand(const std::string& binary) {
  std::string command;
  for (const std::string& word : BinaryWords(binary))
    command += (command.empty() ? "" : " ") + ShellQuote(word);
  return command;
}

// Runs FOYER_BIN_DIR/binary with args and `environment` ("NAME=value" words),
// without any display server.
inline Run RunBinary(const std::string& binary, const std::vector<std::string>& args,
                     const std::string& environment = "") {
  TempDir dir;
  std::string command =
      "env -u DISPLAY -u WAYLAND_DISPLAY " + environment + " " + BinaryCommand(binary);
  for (const std::string& arg : args) command += " " + ShellQuote(arg);
  command += " >" + dir.File("out") + " 2>" + dir.File("err") + " </dev/null";
  int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = ReadFile(dir.File("out"));
  run.err = ReadFile(dir.File("err"));
  return run;
}

// Runs a shell command and returns what it printed on standard output.
inline std::string RunCommand(const std::string& command) {
  TempDir dir;
  std::system((command + " >" + dir.File("out") + " 2>/dev/null").c_str());
  return ReadFile(dir.File("out"));
}

inline Run Foyer(const std::vector<std::string>& args, const std::string& environment = "") {
  return RunBinary("foyer", args, environment);
}

// A built binary running in the background, for tests that signal it or run
// it under a resource limit: its output goes to files, read once it exited.
// Without a display server (DISPLAY and WAYLAND_DISPLAY unset). The
// destructor kills and reaps it if it still runs.
class Child {
 public:
  // Starts FOYER_BIN_DIR/binary (or `binary` itself, when it is an absolute
  // path) with `args`, adding `environment` ("NAME=value"
  // words) to this process's; with `file_size_limit` > 0, under that
  // RLIMIT_FSIZE (bytes), as `ulimit -f` sets it.
  Child(const std::string& binary, const std::vector<std::string>& args,
        const std::vector<std::string>& environment = {}, rlim_t file_size_limit = 0) {
    // Everything exec needs is made before fork: the child only calls
    // async-signal-safe functions.
    std::vector<std::string> words =
        binary.front() == '/' ? std::vector<std::string>{binary} : BinaryWords(binary);
    const std::string path = words.front();
    words.insert(words.end(), args.begin(), args.end());
    std::vector<std::string> variables;
    for (char** variable = environ; *variable; ++variable)
      if (std::strncmp(*variable, "DISPLAY=", 8) != 0 &&
          std::strncmp(*variable, "WAYLAND_DISPLAY=", 16) != 0)
        variables.push_back(*variable);
    variables.insert(variables.end(), environment.begin(), environment.end());
    std::vector<char*> argv = Pointers(words), envp = Pointers(variables);
    std::string out = dir_.File("out"), err = dir_.File("err");
    pid_ = fork();
    if (pid_ == 0) {
      int in = open("/dev/null", O_RDONLY);
      int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(in, 0), dup2(out_fd, 1), dup2(err_fd, 2);
      if (file_size_limit > 0) {
        rlimit limit{file_size_limit, file_size_limit};
        setrlimit(RLIMIT_FSIZE, &limit);
      }
      execve(path.c_str(), argv.data(), envp.data());
      _exit(127);
    }
  }
  ~Child() {
    if (!status_ && pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  void Signal(int signal) const { kill(pid_, signal); }
  pid_t pid() const { return pid_; }
  // Waits at most `timeout` for the exit: its exit code (128 + N when signal N
  // ended it), or nullopt while it still runs.
  std::optional<int> WaitFor(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!status_) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_)
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      else if (std::chrono::steady_clock::now() >= deadline)
        break;
      else
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return status_;
  }
  // What it has written so far (nothing before it opened the file).
  std::string out() const { return SoFar(dir_.File("out")); }
  std::string err() const { return SoFar(dir_.File("err")); }

 private:
  static std::string SoFar(const std::string& path) {
    return access(path.c_str(), F_OK) == 0 ? ReadFile(path) : std::string();
  }
  static std::vector<char*> Pointers(std::vector<std::string>& words) {
    std::vector<char*> pointers;
    for (std::string& word : words) pointers.push_back(word.data());
    pointers.push_back(nullptr);
    return pointers;
  }

  TempDir dir_;
  pid_t pid_ = -1;
  std::optional<int> status_;
};

}  // namespace foyer::testing
