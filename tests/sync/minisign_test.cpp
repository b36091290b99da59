// Signatures are made by the real `minisign` tool at test time, the way an
// organizer makes them, so these tests check compatibility and not just our own
// idea of the format. Without minisign they fail and say how to install it.
#include "sync/minisign.h"

#include <doctest/doctest.h>

#include <string>

#include "support/files.h"
#include "support/process.h"

namespace foyer {
namespace {

const char* kDemocon = "pretalx-democon-2020.schedule.json";

bool HaveMinisign() { return std::system("command -v minisign >/dev/null 2>&1") == 0; }

// A folder with a real feed, a minisign key pair made for this test, and the
// helpers to sign and read back.
struct Signed {
  testing::TempDir dir;
  std::string feed;

  Signed() {
    REQUIRE_MESSAGE(HaveMinisign(),
                    "minisign is not installed; the signature tests sign feeds with the real "
                    "tool: apt-get install -y minisign");
    feed = testing::ReadFile(testing::RealFeed(kDemocon));
    testing::WriteFile(dir.File("schedule.json"), feed);
    GenerateKey("pub", "sec");
  }

  // Runs a shell command in the folder; REQUIREs success and shows minisign's
  // own output if it fails.
  void Run(const std::string& command) {
    std::string log = dir.File("minisign.log");
    std::string line = "cd " + testing::ShellQuote(dir.path()) + " && " + command +
                       " </dev/null >" + testing::ShellQuote(log) + " 2>&1";
    int status = std::system(line.c_str());
    INFO("command: ", command);
    INFO("output: ", testing::ReadFile(log));
    REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  }

  void GenerateKey(const std::string& pub, const std::string& sec) {
    Run("minisign -G -W -p " + testing::ShellQuote(pub) + " -s " + testing::ShellQuote(sec));
  }

  // Signs schedule.json into `sig` with `extra` flags (e.g. "-l", "-t '…'").
  std::string Sign(const std::string& extra = "", const std::string& sec = "sec",
                   const std::string& sig = "schedule.json.minisig") {
    Run("minisign -S -s " + testing::ShellQuote(sec) + " -m schedule.json -x " +
        testing::ShellQuote(sig) + " " + extra);
    return testing::ReadFile(dir.File(sig));
  }

  std::string PubFile(const std::string& pub = "pub") { return testing::ReadFile(dir.File(pub)); }

  MinisignPublicKey Key(const std::string& pub = "pub") {
    auto key = MinisignPublicKey::Parse(PubFile(pub));
    REQUIRE_MESSAGE(key.ok(), key.status().ToString());
    return *key;
  }

  // The key id minisign itself wrote: "untrusted comment: minisign public key 1A2B…".
  // minisign prints it with "%" PRIX64, so without leading zeros; KeyIdHex()
  // always has 16 digits.
  std::string PrintedKeyId(const std::string& pub = "pub") {
    std::string comment = PubFile(pub);
    comment = comment.substr(0, comment.find_first_of("\r\n"));
    std::string marker = "minisign public key ";
    auto at = comment.find(marker);
    REQUIRE(at != std::string::npos);
    std::string id = comment.substr(at + marker.size());
    REQUIRE(id.size() <= 16);
    return std::string(16 - id.size(), '0') + id;
  }
};

std::string Line(const std::string& text, int index) {
  std::size_t begin = 0;
  for (int i = 0; i < index; ++i) begin = text.find('\n', begin) + 1;
  return text.substr(begin, text.find('\n', begin) - begin);
}

std::string ReplaceLine(const std::string& text, int index, const std::string& replacement) {
  std::size_t begin = 0;
  for (int i = 0; i < index; ++i) begin = text.find('\n', begin) + 1;
  std::size_t end = text.find('\n', begin);
  return text.substr(0, begin) + replacement + text.substr(end);
}

TEST_CASE("a feed signed by minisign's default (prehashed) signature verifies") {
  Signed s;
  std::string signature = s.Sign("-t 'Astana Think Tank Forum, export 7'");
  // "ED" (prehashed) encodes as "RU…", legacy "Ed" as "RW…".
  CHECK(Line(signature, 1).substr(0, 2) == "RU");
  auto verified = VerifyMinisign(s.Key(), s.feed, signature);
  REQUIRE_MESSAGE(verified.ok(), verified.status().ToString());
  CHECK(*verified == "Astana Think Tank Forum, export 7");
}

TEST_CASE("a feed signed with minisign's legacy -l signature verifies too") {
  Signed s;
  std::string signature = s.Sign("-l -t 'legacy export'");
  CHECK(Line(signature, 1).substr(0, 2) == "RW");
  auto verified = VerifyMinisign(s.Key(), s.feed, signature);
  REQUIRE_MESSAGE(verified.ok(), verified.status().ToString());
  CHECK(*verified == "legacy export");
}

TEST_CASE("a signed feed with minisign's own trusted comment returns it unchanged") {
  Signed s;
  std::string signature = s.Sign();
  auto verified = VerifyMinisign(s.Key(), s.feed, signature);
  REQUIRE_MESSAGE(verified.ok(), verified.status().ToString());
  CHECK(verified->starts_with("timestamp:"));
  CHECK(verified->find("file:schedule.json") != std::string::npos);
}

TEST_CASE("a signed feed with one byte changed is refused") {
  Signed s;
  for (std::string flags : {"", "-l"}) {
    CAPTURE(flags);
    std::string signature = s.Sign(flags);
    std::string forged = s.feed;
    forged[forged.size() / 2] ^= 0x01;
    auto verified = VerifyMinisign(s.Key(), forged, signature);
    REQUIRE_FALSE(verified.ok());
    CHECK(verified.status().message() ==
          "signature does not match the feed (forged or changed after signing)");
    CHECK_FALSE(VerifyMinisign(s.Key(), s.feed + "\n", signature).ok());
    CHECK_FALSE(VerifyMinisign(s.Key(), "", signature).ok());
  }
}

TEST_CASE("a signature by another key is refused, naming both key ids") {
  Signed s;
  s.GenerateKey("other.pub", "other.sec");
  std::string signature = s.Sign("", "other.sec");
  auto verified = VerifyMinisign(s.Key(), s.feed, signature);
  REQUIRE_FALSE(verified.ok());
  CHECK(verified.status().message() == "signature made with key " + s.PrintedKeyId("other.pub") +
                                           " but feed.minisign_key is " + s.PrintedKeyId());
}

TEST_CASE("a signature whose trusted comment was changed is refused") {
  Signed s;
  std::string signature = s.Sign("-t 'export 7'");
  std::string changed = ReplaceLine(signature, 2, "trusted comment: export 8");
  auto verified = VerifyMinisign(s.Key(), s.feed, changed);
  REQUIRE_FALSE(verified.ok());
  CHECK(verified.status().message() == "trusted comment was changed after signing");
}

TEST_CASE("a signature whose untrusted comment was edited still verifies") {
  Signed s;
  std::string signature = s.Sign("-t 'export 7'");
  std::string edited = ReplaceLine(signature, 0, "untrusted comment: anyone may write here");
  auto verified = VerifyMinisign(s.Key(), s.feed, edited);
  REQUIRE_MESSAGE(verified.ok(), verified.status().ToString());
  CHECK(*verified == "export 7");
}

TEST_CASE("a prehashed signature relabelled as legacy is refused") {
  Signed s;
  std::string signature = s.Sign();
  // "RU…" is "ED"; "RW…" is "Ed": the same key id and signature bytes follow.
  std::string relabelled = ReplaceLine(signature, 1, "RW" + Line(signature, 1).substr(2));
  CHECK_FALSE(VerifyMinisign(s.Key(), s.feed, relabelled).ok());
}

TEST_CASE("a signature with CRLF line endings or no final newline still verifies") {
  Signed s;
  std::string signature = s.Sign("-t 'export 7'");
  std::string crlf;
  for (char c : signature) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  std::string no_final_newline = signature.substr(0, signature.size() - 1);
  for (const std::string& variant : {crlf, no_final_newline}) {
    auto verified = VerifyMinisign(s.Key(), s.feed, variant);
    REQUIRE_MESSAGE(verified.ok(), verified.status().ToString());
    CHECK(*verified == "export 7");
  }
}

TEST_CASE("garbage, empty or truncated signature text is refused without crashing") {
  Signed s;
  std::string signature = s.Sign("-t 'export 7'");
  MinisignPublicKey key = s.Key();

  auto empty = VerifyMinisign(key, s.feed, "");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message() == "signature file is empty");

  auto html = VerifyMinisign(key, s.feed, "<html><body>Not Found</body></html>\n");
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().message().starts_with("not a minisign signature file"));

  std::string binary;
  for (int i = 0; i < 1024; ++i) binary += static_cast<char>((i * 7919) & 0xFF);
  CHECK_FALSE(VerifyMinisign(key, s.feed, binary).ok());
  CHECK_FALSE(VerifyMinisign(key, s.feed, std::string(300, '\n')).ok());
  CHECK_FALSE(VerifyMinisign(key, s.feed, s.PubFile()).ok());

  // Every proper prefix is refused, except the one that only lacks the final newline.
  for (std::size_t length = 0; length + 1 < signature.size(); ++length) {
    CAPTURE(length);
    CHECK_FALSE(VerifyMinisign(key, s.feed, signature.substr(0, length)).ok());
  }
}

TEST_CASE("a minisign public key parses from its key line or the whole minisign.pub file") {
  Signed s;
  std::string pub = s.PubFile();
  std::string key_line = Line(pub, 1);
  REQUIRE(key_line.starts_with("RW"));

  auto from_file = MinisignPublicKey::Parse(pub);
  auto from_line = MinisignPublicKey::Parse(key_line);
  auto from_padded_line = MinisignPublicKey::Parse("  " + key_line + " \r\n");
  REQUIRE_MESSAGE(from_file.ok(), from_file.status().ToString());
  REQUIRE_MESSAGE(from_line.ok(), from_line.status().ToString());
  REQUIRE_MESSAGE(from_padded_line.ok(), from_padded_line.status().ToString());
  CHECK(from_file->key_id == from_line->key_id);
  CHECK(from_file->key == from_line->key);
  CHECK(from_padded_line->key == from_line->key);
  CHECK(from_line->KeyIdHex() == s.PrintedKeyId());
}

TEST_CASE("a minisign public key refuses garbage and a wrong length") {
  Signed s;
  std::string key_line = Line(s.PubFile(), 1);
  for (std::string bad : {std::string(""), std::string("   \n"), std::string("hello world"),
                          std::string("untrusted comment: minisign public key 0000\n"),
                          key_line.substr(0, key_line.size() - 4),  // 39 bytes
                          key_line + "AAAA",                        // 45 bytes
                          key_line.substr(0, key_line.size() - 1),  // bad padding
                          "RU" + key_line.substr(2),                // not "Ed"
                          key_line + "\n" + key_line}) {
    CAPTURE(bad);
    CHECK_FALSE(MinisignPublicKey::Parse(bad).ok());
  }
  // A signature line is not a key.
  CHECK_FALSE(MinisignPublicKey::Parse(Line(s.Sign(), 1)).ok());
}

}  // namespace
}  // namespace foyer
