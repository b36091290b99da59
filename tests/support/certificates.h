// Certificates made at test time by the openssl command: a venue CA and
// server certificates signed by it: "server" for 127.0.0.1 and localhost,
// "wrong-name" for another host name, "future" not valid yet. Each is
// NAME.pem with its key NAME.key in the folder given; the CA is ca.pem.
#pragma once

#include <cstdlib>
#include <string>

#include "support/files.h"
#include "support/process.h"

namespace foyer::testing {

// Runs a shell command, its output going to `log`; true when it succeeded.
inline bool Shell(const std::string& command, const std::string& log) {
  return std::system((command + " >>" + ShellQuote(log) + " 2>&1").c_str()) == 0;
}

// A venue CA and server certificates signed by it, made with the openssl CLI.
class Certificates {
 public:
  explicit Certificates(const TempDir& dir) : dir_(dir) {
    WriteFile(File("ca.cnf"),
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
    WriteFile(File("index.txt"), "");
    WriteFile(File("serial"), "1000\n");
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
  std::string Q(const std::string& name) const { return ShellQuote(File(name)); }

  // name.key and name.pem: a server certificate for `alt_names`, valid from
  // `start` (YYYYMMDDHHMMSSZ) or from now.
  bool Issue(const std::string& name, const std::string& alt_names, const std::string& start = "") {
    WriteFile(File(name + ".ext"),
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

  const TempDir& dir_;
  bool ok_ = false;
  int serial_ = 100;
};

}  // namespace foyer::testing
