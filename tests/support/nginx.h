// A real nginx on loopback for integration tests: serves a folder of the
// test's own, with nginx's ETag/Last-Modified and gzip, and logs each request's
// status so tests can tell a 304 from a 200. Started per test; killed on exit.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/files.h"

namespace foyer::testing {

inline int FreeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

inline bool CanConnect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

inline std::string NginxBinary() {
  for (const char* path : {"/usr/sbin/nginx", "/usr/bin/nginx"})
    if (access(path, X_OK) == 0) return path;
  throw std::runtime_error("nginx is not installed (tools/test installs nginx-light)");
}

class Nginx {
 public:
  // Serves files from www() at BaseUrl().
  Nginx() {
    std::filesystem::create_directories(www());
    std::filesystem::create_directories(dir_.File("tmp"));
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) Start(FreeLoopbackPort());
    if (pid_ <= 0) throw std::runtime_error("nginx did not start: " + Log());
  }
  ~Nginx() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }

  std::string www() const { return dir_.File("www"); }
  std::string BaseUrl() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
  // The access log: one line per request, "STATUS BYTES /path". nginx writes a
  // line just after it answers, so this waits (up to a second) for at least
  // `lines` lines.
  std::string AccessLog(size_t lines = 1) const {
    std::string log;
    for (int i = 0; i < 100; ++i) {
      try {
        log = ReadFile(dir_.File("access.log"));
      } catch (...) {
        log.clear();
      }
      if (static_cast<size_t>(std::count(log.begin(), log.end(), '\n')) >= lines) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return log;
  }
  std::string Log() const {
    try {
      return ReadFile(dir_.File("error.log"));
    } catch (...) {
      return "(no error log)";
    }
  }

 private:
  void Start(int port) {
    port_ = port;
    std::string d = dir_.path();
    WriteFile(dir_.File("nginx.conf"),
              "daemon off; master_process off; worker_processes 1;\n"
              "error_log " +
                  d + "/error.log; pid " + d +
                  "/nginx.pid;\n"
                  "events { worker_connections 64; }\n"
                  "http {\n"
                  "  log_format statuses '$status $body_bytes_sent $request_uri';\n"
                  "  access_log " +
                  d +
                  "/access.log statuses;\n"
                  "  client_body_temp_path " +
                  d + "/tmp; proxy_temp_path " + d +
                  "/tmp;\n"
                  "  fastcgi_temp_path " +
                  d + "/tmp; uwsgi_temp_path " + d +
                  "/tmp;\n"
                  "  scgi_temp_path " +
                  d +
                  "/tmp;\n"
                  "  types { application/json json; text/calendar ics; application/xml xml; }\n"
                  "  gzip on; gzip_types application/json text/calendar application/xml;\n"
                  "  gzip_min_length 256;\n"
                  "  server { listen 127.0.0.1:" +
                  std::to_string(port) + "; root " + d +
                  "/www; }\n"
                  "}\n");
    pid_t pid = fork();
    if (pid == 0) {
      std::string binary = NginxBinary();
      execl(binary.c_str(), "nginx", "-p", d.c_str(), "-c", (d + "/nginx.conf").c_str(), nullptr);
      _exit(127);
    }
    for (int i = 0; i < 200; ++i) {
      if (CanConnect(port)) {
        pid_ = pid;
        return;
      }
      if (waitpid(pid, nullptr, WNOHANG) == pid) return;  // exited: port taken, or broken
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }

  TempDir dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace foyer::testing
