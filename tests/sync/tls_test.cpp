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

#include "support/fault_server.h"
#include "support/files.h"
#include "support/nginx.h"
#include "support/process.h"
#include "sync/http_client.h"

namespace foyer {
namespace {

const char* kFeed = R"({"schedule": {"version": "tls", "conference": {"title": "Astana"}}})";

// Runs a shell command, its output going to `log`; true when it succeeded.
bool Shell(const std::string& command, const std::string& log) {
  return std::system((command + " >>" + testing::ShellQuote(log) + " 2>&1").c_str()) == 0;
}

// A venue CA and server certificates signed by it, made with the openssl CLI.
class Certificates {
 public:
  explicit Certificates(const testing::TempDir& dir) : dir_(dir) {
    testing::WriteFile(File("ca.cnf"),
                       "[req]\ndistinguished_name = dn\nprompt = no\n"
                       "[dn]\nCN = foyer test venue CA\n"
                       "[ca_ext]\nbasicConstraints = critical,CA:TRUE\n"
                       "keyUsage = critical,keyCertSign,cRLSign\n"
                       "subjectKeyIdentifier = hash\n"
                       // For `openssl ca`, which alone can choose a start date.
                       "[ca]\ndefault_ca = venue\n"
                       "[venue]\ndatabase = " +
                           File("index.txt") + "\nnew_certs_dir = " + dir.path() +
                           "\nserial = " + File("serial") +
                           "\ndefault_md = sha256\npolicy = any\ncopy_extensions = none\n"
                           "[any]\ncommonName = supplied\n");
    testing::WriteFile(File("index.txt"), "");
    testing::WriteFile(File("serial"), "1000\n");
    ok_ = Shell("openssl req -x509 -config " + Q("ca.cnf") +
                    " -extensions ca_ext -newkey ec -pkeyopt ec_paramgen_curve:prime256v1"
                    " -nodes -days 3 -keyout " +
                    Q("ca.key") + " -out " + Q("ca.pem"),
                log());
    ok_ = ok_ && Issue("server", "IP:127.0.0.1,DNS:localhost");
    ok_ = ok_ && Issue("wrong-name", "DNS:feeds.example.org");
    ok_ = ok_ && Issue("future", "IP:127.0.0.1,DNS:localhost", "20990101000000Z");
  }

  bool ok() const { return ok_; }
  std::string log() const { return File("openssl.log"); }
  std::string File(const std::string& name) const { return dir_.File(name); }

 private:
  std::string Q(const std::string& name) const { return testing::ShellQuote(File(name)); }

  // name.key and name.pem: a server certificate for `alt_names`, valid from
  // `start` (YYYYMMDDHHMMSSZ) or from now.
  bool Issue(const std::string& name, const std::string& alt_names, const std::string& start = "") {
    testing::WriteFile(File(name + ".ext"),
                       "basicConstraints = CA:FALSE\nkeyUsage = critical,digitalSignature\n"
                       "extendedKeyUsage = serverAuth\nauthorityKeyIdentifier = keyid\n"
                       "subjectAltName = " +
                           alt_names + "\n");
    if (!Shell("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
               " -subj /CN=" +
                   name + " -keyout " + Q(name + ".key") + " -out " + Q(name + ".csr"),
               log()))
      return false;
    if (start.empty())
      return Shell("openssl x509 -req -in " + Q(name + ".csr") + " -CA " + Q("ca.pem") +
                       " -CAkey " + Q("ca.key") + " -set_serial 0x" + std::to_string(++serial_) +
                       " -days 3 -extfile " + Q(name + ".ext") + " -out " + Q(name + ".pem"),
                   log());
    return Shell("openssl ca -batch -notext -config " + Q("ca.cnf") + " -cert " + Q("ca.pem") +
                     " -keyfile " + Q("ca.key") + " -startdate " + start +
                     " -enddate 21000101000000Z -extfile " + Q(name + ".ext") + " -in " +
                     Q(name + ".csr") + " -out " + Q(name + ".pem"),
                 log());
  }

  const testing::TempDir& dir_;
  bool ok_ = false;
  int serial_ = 100;
};

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

TEST_CASE("an https feed from a private CA is refused without feed.ca_file, which it suggests") {
  HttpsNginx nginx;
  auto response = NewCurlHttpClient()->Fetch(RequestFor(nginx.Url()));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "TLS certificate was not accepted"));
  CHECK(Contains(error, "certificate"));
  CHECK(Contains(error, "feed.ca_file"));
}

TEST_CASE("feed.ca_file adds the venue's CA and the feed arrives over verified TLS") {
  HttpsNginx nginx;
  for (std::string host : {"127.0.0.1", "localhost"}) {
    CAPTURE(host);
    auto response =
        NewCurlHttpClient()->Fetch(RequestFor(nginx.Url("server", host), nginx.CaFile()));
    REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
    CHECK(response->status == 200);
    CHECK(response->body == kFeed);
  }
}

TEST_CASE("a trusted certificate for another host name is still refused") {
  HttpsNginx nginx;
  auto response = NewCurlHttpClient()->Fetch(RequestFor(nginx.Url("wrong-name"), nginx.CaFile()));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "TLS certificate was not accepted"));
  CHECK(Contains(error, "another host name"));
}

TEST_CASE("a trusted certificate that is not valid yet hints at the screen's clock") {
  HttpsNginx nginx;
  auto response = NewCurlHttpClient()->Fetch(RequestFor(nginx.Url("future"), nginx.CaFile()));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "not yet valid"));
  CHECK(Contains(error, "is this screen's clock right?"));
}

TEST_CASE("a missing feed.ca_file fails naming the key and the path") {
  HttpsNginx nginx;
  testing::TempDir dir;
  std::string missing = dir.File("no-such-ca.pem");
  auto response = NewCurlHttpClient()->Fetch(RequestFor(nginx.Url(), missing));
  CHECK(ErrorOf(response) ==
        "feed.ca_file " + missing + " cannot be read: No such file or directory");
}

TEST_CASE("a feed.ca_file that holds no certificate fails naming the path") {
  testing::TempDir dir;
  std::string not_pem = dir.File("ca.pem");
  testing::WriteFile(not_pem, "this is not a certificate\n");
  auto response = NewCurlHttpClient()->Fetch(RequestFor("https://127.0.0.1:1/", not_pem));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(Contains(error, "feed.ca_file " + not_pem + " holds no PEM certificate"));
}

TEST_CASE("feed.ca_file adds to the system's trust store instead of replacing it") {
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

TEST_CASE("an https server that never finishes the TLS handshake fails at feed.timeout") {
  testing::FaultServer server;
  server.On("/schedule.json", testing::Hold());
  HttpRequest request =
      RequestFor("https://127.0.0.1:" + std::to_string(server.port()) + "/schedule.json");
  request.timeout_seconds = 2;
  auto response = NewCurlHttpClient()->Fetch(request);
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(Contains(error, "no secure connection to 127.0.0.1:" + std::to_string(server.port()) +
                            " within feed.timeout (2 s)"));
}

}  // namespace
}  // namespace foyer
