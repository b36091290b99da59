// Runs a built foyer binary the way a user would, capturing its output.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <string>
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

// Runs FOYER_BIN_DIR/binary with args and `environment` ("NAME=value" words),
// without any display server.
inline Run RunBinary(const std::string& binary, const std::vector<std::string>& args,
                     const std::string& environment = "") {
  TempDir dir;
  std::string command = "env -u DISPLAY -u WAYLAND_DISPLAY " + environment + " " +
                        ShellQuote(std::string(FOYER_BIN_DIR) + "/" + binary);
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

}  // namespace foyer::testing
