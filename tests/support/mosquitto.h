// A real mosquitto on loopback for the fleet's integration tests: a free port,
// no anonymous access, a password file and an ACL as docs/FLEET.md sets them
// up. Accounts: "screens" (password "screen-secret") may publish only under
// screens/<its client id>/ and read feed and its own requests; "organizer"
// (password "organizer-secret") may publish feed and requests and read every
// status. Started per test; Kill() ends it mid-test; killed on exit. Given a
// certificate (support/certificates.h: CERT.pem, CERT.key and ca.pem in a
// folder), it speaks TLS only, at mqtts://localhost:PORT.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/files.h"
#include "support/nginx.h"

namespace foyer::testing {

inline constexpr char kFleetTopic[] = "foyer/test";

class Mosquitto {
 public:
  // certificates: the folder of a Certificates; certificate: which one (e.g. "server").
  explicit Mosquitto(std::string certificates = "", std::string certificate = "")
      : certificates_(std::move(certificates)), certificate_(std::move(certificate)) {
    WriteAccounts();
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) Start(FreeLoopbackPort());
    if (pid_ <= 0) throw std::runtime_error("mosquitto did not start: " + Log());
  }
  ~Mosquitto() { Kill(); }

  int port() const { return port_; }
  std::string Url() const {
    return (certificate_.empty() ? "mqtt://127.0.0.1:" : "mqtts://localhost:") +
           std::to_string(port_);
  }
  // A file holding `password`, for password_file settings.
  std::string PasswordFile(const std::string& name, const std::string& password) const {
    WriteFile(dir_.File(name), password + "\n");
    return dir_.File(name);
  }
  // foyer-feed's broker options as the organizer.
  std::vector<std::string> OrganizerOptions() const {
    std::vector<std::string> options = {"--broker",  Url(),        "--topic",
                                        kFleetTopic, "--username", "organizer"};
    options.push_back("--password-file");
    options.push_back(PasswordFile("organizer.password", "organizer-secret"));
    if (!certificate_.empty()) options.insert(options.end(), {"--ca-file", CaFile()});
    return options;
  }
  // The CA that signed a TLS broker's certificate.
  std::string CaFile() const { return certificates_ + "/ca.pem"; }
  // A [fleet] section for screen `id`.
  std::string FleetSection(const std::string& id, const std::string& password = "screen-secret") {
    return "[fleet]\nbroker = \"" + Url() + "\"\ntopic = \"" + kFleetTopic + "\"\nscreen_id = \"" +
           id + "\"\nusername = \"screens\"\npassword_file = \"" +
           PasswordFile(id + ".password", password) + "\"\n";
  }
  // Ends the broker at once (SIGKILL): no goodbye to anyone.
  void Kill() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  std::string Log() const {
    try {
      return ReadFile(dir_.File("mosquitto.log"));
    } catch (...) {
      return "(no log)";
    }
  }

 private:
  void WriteAccounts() {
    const std::string passwd = dir_.File("passwd");
    std::string command = "mosquitto_passwd -b -c " + passwd + " screens screen-secret && " +
                          "mosquitto_passwd -b " + passwd + " organizer organizer-secret";
    if (std::system(command.c_str()) != 0)
      throw std::runtime_error("mosquitto_passwd failed (tools/deps --test installs mosquitto)");
    const std::string t = kFleetTopic;
    WriteFile(dir_.File("acl"),
              "user organizer\ntopic write " + t + "/feed\ntopic write " + t +
                  "/screens/+/screenshot/request\ntopic read " + t +
                  "/screens/#\n\npattern write " + t + "/screens/%c/status\npattern write " + t +
                  "/screens/%c/screenshot\npattern read " + t + "/feed\npattern read " + t +
                  "/screens/%c/screenshot/request\n");
  }

  void Start(int port) {
    port_ = port;
    WriteFile(dir_.File("mosquitto.conf"),
              "user root\npersistence false\nallow_anonymous false\nlistener " +
                  std::to_string(port) + " 127.0.0.1\npassword_file " + dir_.File("passwd") +
                  "\nacl_file " + dir_.File("acl") + "\nlog_dest file " +
                  dir_.File("mosquitto.log") +
                  "\nlog_type error\nlog_type warning\n"
                  "log_type notice\nlog_type information\nlog_type subscribe\n" +
                  TlsLines());
    pid_t pid = fork();
    if (pid == 0) {
      int null = open("/dev/null", O_RDWR);
      dup2(null, 0), dup2(null, 1), dup2(null, 2);
      execl("/usr/sbin/mosquitto", "mosquitto", "-c", dir_.File("mosquitto.conf").c_str(), nullptr);
      _exit(127);
    }
    for (int i = 0; i < 500; ++i) {
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

  std::string TlsLines() const {
    if (certificate_.empty()) return "";
    const std::string folder = certificates_ + "/";
    return "cafile " + folder + "ca.pem\ncertfile " + folder + certificate_ + ".pem\nkeyfile " +
           folder + certificate_ + ".key\n";
  }

  std::string certificates_, certificate_;
  TempDir dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace foyer::testing
