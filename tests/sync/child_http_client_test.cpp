// The fetch helper (foyer-fetch, run by sync/child_http_client.h): every test
// of the real client again through it, since it must answer every fault with
// the same response and the same words; then what only the helper can get
// wrong: a helper that is missing, dies, garbles its answer or hangs.
#include "sync/child_http_client.h"

#include <cstring>
#include <filesystem>

#include "support/process.h"
#include "sync/fetch_protocol.h"
#include "sync/sha256.h"

#define FOYER_THROUGH_FETCH_HELPER
#include "sync/http_client_test.cpp"  // NOLINT: the same tests, through the helper

namespace foyer {
namespace {

// A "helper" that is a shell script, to fail in ways foyer-fetch does not.
std::unique_ptr<HttpClient> ScriptClient(const std::string& script, int grace_seconds = 1) {
  return NewChildHttpClient({"/bin/sh", "-c", script}, grace_seconds);
}

TEST_CASE("the helper hashes what it fetched, as the cache keeps it") {
  FaultServer server;
  server.On("/schedule.json", testing::Answer(200, kFeed));
  auto response = NewClientUnderTest()->Fetch(RequestFor(server.Url("/schedule.json")));
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->body_sha256 == Sha256Hex(kFeed));
}

TEST_CASE("a missing helper fails the fetch, saying so, and is tried again the next time") {
  if (std::strlen(FOYER_TEST_EMULATOR) > 0) {
    // An emulated exec that fails looks like a helper for another machine.
    MESSAGE("left out under an emulator");
    return;
  }
  FaultServer server;
  server.On("/schedule.json", testing::Answer(200, kFeed));
  testing::TempDir dir;
  const std::string helper = dir.File(kFetchHelperName);
  auto client = NewChildHttpClient({helper});
  CHECK(ErrorOf(client->Fetch(RequestFor(server.Url("/schedule.json")))) ==
        "cannot start the fetch helper " + helper + ": No such file or directory");
  CHECK(server.RequestsFor("/schedule.json").empty());
  std::filesystem::copy_file(std::string(FOYER_BIN_DIR) + "/" + kFetchHelperName, helper);
  auto response = client->Fetch(RequestFor(server.Url("/schedule.json")));
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->body == kFeed);
}

TEST_CASE("a helper built for another machine gives way to a fetch in this process") {
  FaultServer server;
  server.On("/schedule.json", testing::Answer(200, kFeed));
  testing::TempDir dir;
  const std::string helper = dir.File(kFetchHelperName);
  testing::WriteFile(helper, std::string("\x7f"
                                         "ELF\x02\x01\x01",
                                         7) +
                                 std::string(120, '\0'));
  std::filesystem::permissions(helper, std::filesystem::perms::owner_all);
  auto client = NewChildHttpClient({helper});
  for (int i = 0; i < 2; ++i) {  // and stays given way
    auto response = client->Fetch(RequestFor(server.Url("/schedule.json")));
    REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
    CHECK(response->body == kFeed);
  }
  CHECK(server.RequestsFor("/schedule.json").size() == 2);
}

TEST_CASE("a helper whose exec fails in the child (127, as under qemu) gives way too") {
  FaultServer server;
  server.On("/schedule.json", testing::Answer(200, kFeed));
  auto client = ScriptClient("exit 127");  // before reading the request, as an exec that failed
  auto response = client->Fetch(RequestFor(server.Url("/schedule.json")));
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->body == kFeed);
}

TEST_CASE("a helper that dies before answering is named, with the signal") {
  auto response = ScriptClient("kill -9 $$")->Fetch(RequestFor("http://127.0.0.1:1/"));
  CHECK(ErrorOf(response) == "the fetch helper kill -9 $$ ended with signal 9 before answering");
}

TEST_CASE("a helper that exits without answering is named, with its status") {
  auto response = ScriptClient("cat >/dev/null; exit 3")->Fetch(RequestFor("http://127.0.0.1:1/"));
  CHECK(ErrorOf(response) ==
        "the fetch helper cat >/dev/null; exit 3 exited with status 3 before answering");
}

TEST_CASE("a garbled answer is an error, not a response") {
  auto response = ScriptClient("cat >/dev/null; echo garbage")->Fetch(RequestFor("http://x/"));
  CHECK(ErrorOf(response) ==
        "the fetch helper's answer cannot be read: a field without its \"NAME LENGTH\" line");
}

TEST_CASE("a helper that hangs is killed after feed.timeout and the grace") {
  HttpRequest request = RequestFor("http://127.0.0.1:1/");
  request.timeout_seconds = 1;
  auto response = ScriptClient("exec sleep 60")->Fetch(request);
  CHECK(ErrorOf(response) ==
        "the fetch helper gave no answer within feed.timeout (1 s) and 1 s more");
}

TEST_CASE("a helper's answer larger than feed.max_bytes is cut off") {
  HttpRequest request = RequestFor("http://127.0.0.1:1/");
  request.max_bytes = 1000;
  auto response = ScriptClient("cat >/dev/null; exec yes")->Fetch(request);
  CHECK(ErrorOf(response) ==
        "the fetch helper's answer is larger than feed.max_bytes (1000 bytes)");
}

TEST_CASE("the request reaches the helper whole: token, validators, limits") {
  testing::TempDir dir;
  const std::string seen = dir.File("request");
  HttpRequest request = RequestFor("https://example.org/schedule.json?key=1");
  request.bearer_token = kToken;
  request.etag = "\"v1\"";
  request.last_modified = "Wed, 15 Oct 2025 05:00:00 GMT";
  request.ca_file = "/etc/foyer/ca.pem";
  request.max_bytes = 12345;
  request.too_large = "too large\nfor us";
  ScriptClient("cat >" + testing::ShellQuote(seen))->Fetch(request);
  auto decoded = DecodeRequest(testing::ReadFile(seen));
  REQUIRE_MESSAGE(decoded.ok(), decoded.status().message());
  CHECK(decoded->url == request.url);
  CHECK(decoded->bearer_token == kToken);
  CHECK(decoded->etag == request.etag);
  CHECK(decoded->last_modified == request.last_modified);
  CHECK(decoded->ca_file == request.ca_file);
  CHECK(decoded->timeout_seconds == 2);
  CHECK(decoded->max_bytes == 12345);
  CHECK(decoded->too_large == request.too_large);
}

TEST_CASE("a response passes the protocol byte for byte, and an error word for word") {
  HttpResponse response;
  response.status = 304;
  response.body = std::string("a\0b\nc 9\n", 8);
  response.etag = "W/\"x y\"";
  response.content_type = "text/calendar";
  response.body_sha256 = Sha256Hex(response.body);
  auto back = DecodeResult(EncodeResult(response));
  REQUIRE(back.ok());
  CHECK(back->status == 304);
  CHECK(back->body == response.body);
  CHECK(back->etag == response.etag);
  CHECK(back->content_type == response.content_type);
  CHECK(back->body_sha256 == response.body_sha256);
  auto error = DecodeResult(EncodeResult(Status::Error("line one\nline two")));
  CHECK(ErrorOf(error) == "line one\nline two");
  CHECK(!DecodeResult("status 3\n200\nbody 10\nshort\n").ok());
  CHECK(!DecodeRequest("etag 2\nxx\n").ok());  // no url
}

TEST_CASE("foyer-fetch started by hand says what it is and exits 64") {
  testing::Run run = testing::RunBinary(kFetchHelperName, {"--help"});
  CHECK(run.exit_code == 64);
  CHECK(Contains(run.err, "foyer's fetch helper"));
}

}  // namespace
}  // namespace foyer
