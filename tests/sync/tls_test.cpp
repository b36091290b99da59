// The real HTTP client against a real nginx serving https on loopback, with
// certificates made at test time by the openssl command: a venue CA, a server
// certificate for 127.0.0.1 and localhost, one for another host name, and one
// that is not valid yet. TLS is always verified; feed.ca_file adds a CA.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <string>
#include <thread>

#include "support/certificates.h"
#include "support/fault_server.h"
#include "support/files.h"
#include "support/nginx.h"
#include "support/process.h"
#include "sync/http_client.h"

#include "sync/client_under_test.h"

namespace foyer {
namespace {

const char* kFeed = R"({"schedule": {"version": "tls", "conference": {"title": "Astana"}}})";

using testing::Certificates;

// nginx serving https on loopback: one port per server certificate.
class HttpsNginx {
 public:
  HttpsNginx() : certificates_(dir_) {
    REQUIRE_MESSAGE(certificates_.ok(), testing::ReadFile(certificates_.log()));
    std::filesystem::create_directories(dir_.File("www"));
    std::filesystem::create_directories(dir_.File("tmp"));
    testing::WriteFile(dir_.File("www/schedule.json"), kFeed);
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) Start();
    REQUIRE_MESSAGE(pid_ > 0, ("nginx did not start: " + ErrorLog()));
  }
  ~HttpsNginx() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }

  // The CA that signed every server certificate, as a PEM file.
  std::string CaFile() const { return certificates_.File("ca.pem"); }
  // The feed over https, from the server whose certificate is `name`
  // ("server", "wrong-name", "future"), at `host`.
  std::string Url(const std::string& name = "server", const std::string& host = "127.0.0.1") const {
    return "https://" + host + ":" + std::to_string(ports_.at(name)) + "/schedule.json";
  }
  std::string ErrorLog() const {
    try {
      return testing::ReadFile(dir_.File("error.log"));
    } catch (...) {
      return "(no error log)";
    }
  }

 private:
  void Start() {
    std::string d = dir_.path();
    std::string servers;
    for (const char* name : {"server", "wrong-name", "future"}) {
      ports_[name] = testing::FreeLoopbackPort();
      servers += "  server { listen 127.0.0.1:" + std::to_string(ports_[name]) + " ssl; root " + d +
                 "/www;\n    ssl_certificate " + certificates_.File(std::string(name) + ".pem") +
                 "; ssl_certificate_key " + certificates_.File(std::string(name) + ".key") +
                 "; }\n";
    }
    testing::WriteFile(dir_.File("nginx.conf"),
                       "daemon off; master_process off; worker_processes 1;\n"
                       "error_log " +
                           d + "/error.log; pid " + d +
                           "/nginx.pid;\n"
                           "events { worker_connections 64; }\n"
                           "http {\n  access_log off;\n"
                           "  client_body_temp_path " +
                           d + "/tmp; proxy_temp_path " + d +
                           "/tmp;\n"
                           "  fastcgi_temp_path " +
                           d + "/tmp; uwsgi_temp_path " + d +
                           "/tmp;\n"
                           "  scgi_temp_path " +
                           d +
                           "/tmp;\n"
                           "  types { application/json json; }\n" +
                           servers + "}\n");
    pid_t pid = fork();
    if (pid == 0) {
      std::string binary = testing::NginxBinary();
      execl(binary.c_str(), "nginx", "-p", d.c_str(), "-c", (d + "/nginx.conf").c_str(), nullptr);
      _exit(127);
    }
    for (int i = 0; i < 200; ++i) {
      bool all = true;
      for (const auto& [name, port] : ports_) all = all && testing::CanConnect(port);
      if (all) {
        pid_ = pid;
        return;
      }
      if (waitpid(pid, nullptr, WNOHANG) == pid) return;  // exited: a port taken, or broken
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }

  testing::TempDir dir_;
  Certificates certificates_;
  std::map<std::string, int> ports_;
  pid_t pid_ = -1;
};

HttpRequest RequestFor(const std::string& url, const std::string& ca_file = "") {
  HttpRequest request;
  request.url = url;
  request.timeout_seconds = 5;
  request.ca_file = ca_file;
  return request;
}

std::string ErrorOf(const Result<HttpResponse>& result) {
  return result.ok() ? std::string("(no error)") : result.status().message();
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE(CLIENT_TEST_PREFIX
          "an https feed from a private CA is refused without feed.ca_file, which it suggests") {
  HttpsNginx nginx;
  auto response = NewClientUnderTest()->Fetch(RequestFor(nginx.Url()));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "TLS certificate was not accepted"));
  CHECK(Contains(error, "certificate"));
  CHECK(Contains(error, "feed.ca_file"));
}

TEST_CASE(CLIENT_TEST_PREFIX
          "feed.ca_file adds the venue's CA and the feed arrives over verified TLS") {
  HttpsNginx nginx;
  for (std::string host : {"127.0.0.1", "localhost"}) {
    CAPTURE(host);
    auto response =
        NewClientUnderTest()->Fetch(RequestFor(nginx.Url("server", host), nginx.CaFile()));
    REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
    CHECK(response->status == 200);
    CHECK(response->body == kFeed);
  }
}

TEST_CASE(CLIENT_TEST_PREFIX "a trusted certificate for another host name is still refused") {
  HttpsNginx nginx;
  auto response = NewClientUnderTest()->Fetch(RequestFor(nginx.Url("wrong-name"), nginx.CaFile()));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "TLS certificate was not accepted"));
  CHECK(Contains(error, "another host name"));
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a trusted certificate that is not valid yet hints at the screen's clock") {
  HttpsNginx nginx;
  auto response = NewClientUnderTest()->Fetch(RequestFor(nginx.Url("future"), nginx.CaFile()));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "not yet valid"));
  CHECK(Contains(error, "is this screen's clock right?"));
}

TEST_CASE(CLIENT_TEST_PREFIX "a missing feed.ca_file fails naming the key and the path") {
  HttpsNginx nginx;
  testing::TempDir dir;
  std::string missing = dir.File("no-such-ca.pem");
  auto response = NewClientUnderTest()->Fetch(RequestFor(nginx.Url(), missing));
  CHECK(ErrorOf(response) ==
        "feed.ca_file " + missing + " cannot be read: No such file or directory");
}

TEST_CASE(CLIENT_TEST_PREFIX "a feed.ca_file that holds no certificate fails naming the path") {
  testing::TempDir dir;
  std::string not_pem = dir.File("ca.pem");
  testing::WriteFile(not_pem, "this is not a certificate\n");
  auto response = NewClientUnderTest()->Fetch(RequestFor("https://127.0.0.1:1/", not_pem));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(Contains(error, "feed.ca_file " + not_pem + " holds no PEM certificate"));
}

TEST_CASE(CLIENT_TEST_PREFIX
          "feed.ca_file adds to the system's trust store instead of replacing it") {
  testing::TempDir dir;
  std::string system = dir.File("system.pem"), extra = dir.File("venue.pem");
  testing::WriteFile(system, "-----BEGIN CERTIFICATE-----\nSYSTEM\n-----END CERTIFICATE-----");
  testing::WriteFile(extra, "-----BEGIN CERTIFICATE-----\nVENUE\n-----END CERTIFICATE-----\n");
  auto both = TrustedCertificatesPem(system, extra);
  REQUIRE_MESSAGE(both.ok(), both.status().ToString());
  CHECK(*both == testing::ReadFile(system) + "\n" + testing::ReadFile(extra) + "\n");
  // Without a system bundle, the venue's CA alone.
  auto alone = TrustedCertificatesPem(dir.File("none.pem"), extra);
  REQUIRE(alone.ok());
  CHECK(*alone == testing::ReadFile(extra) + "\n");
}

TEST_CASE(CLIENT_TEST_PREFIX
          "an https server that never finishes the TLS handshake fails at feed.timeout") {
  testing::FaultServer server;
  server.On("/schedule.json", testing::Hold());
  HttpRequest request =
      RequestFor("https://127.0.0.1:" + std::to_string(server.port()) + "/schedule.json");
  request.timeout_seconds = 2;
  auto response = NewClientUnderTest()->Fetch(request);
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(Contains(error, "no secure connection to 127.0.0.1:" + std::to_string(server.port()) +
                            " within feed.timeout (2 s)"));
}

}  // namespace
}  // namespace foyer
