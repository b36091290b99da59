// The real HTTP client against a server that misbehaves on purpose
// (support/fault_server.h): every fault ends within feed.timeout, holds at most
// feed.max_bytes, and says what happened in words a venue technician can use.
#include "sync/http_client.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "base/utf8.h"
#include "support/fault_server.h"
#include "support/files.h"
#include "sync/client_under_test.h"

namespace foyer {
namespace {

using testing::FaultServer;
using namespace std::chrono_literals;

const char* kFeed = R"({"schedule": {"version": "1", "conference": {"title": "Astana"}}})";
const char* kToken = "s3cret-venue-token";

HttpRequest RequestFor(const std::string& url) {
  HttpRequest request;
  request.url = url;
  request.timeout_seconds = 2;
  return request;
}

Result<HttpResponse> Fetch(const HttpRequest& request) {
  return NewClientUnderTest()->Fetch(request);
}

// The error's message, or "(no error)" when the fetch succeeded.
std::string ErrorOf(const Result<HttpResponse>& result) {
  return result.ok() ? std::string("(no error)") : result.status().message();
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE(CLIENT_TEST_PREFIX "a 200 gives the body, its validators and its content type") {
  FaultServer server;
  testing::Behaviour feed = testing::Answer(200, kFeed, {{"Content-Type", "application/json"}});
  feed.etag = "\"v1\"";
  feed.last_modified = "Wed, 15 Oct 2025 05:00:00 GMT";
  server.On("/schedule.json", feed);
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->status == 200);
  CHECK(response->body == kFeed);
  CHECK(response->etag == "\"v1\"");
  CHECK(response->last_modified == "Wed, 15 Oct 2025 05:00:00 GMT");
  CHECK(response->content_type == "application/json");
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a conditional GET sends If-None-Match and a matching ETag gets a 304 with no body") {
  FaultServer server;
  testing::Behaviour feed = testing::Answer(200, kFeed);
  feed.etag = "\"v1\"";
  server.On("/schedule.json", feed);
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.etag = "\"v1\"";
  auto response = Fetch(request);
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->status == 304);
  CHECK(response->body.empty());
  CHECK(server.RequestsFor("/schedule.json").at(0).Header("If-None-Match") == "\"v1\"");

  request.etag = "\"v0\"";  // an old version: the whole feed again
  response = Fetch(request);
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->status == 200);
  CHECK(response->body == kFeed);
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a conditional GET sends If-Modified-Since and an unchanged date gets a 304") {
  FaultServer server;
  testing::Behaviour feed = testing::Answer(200, kFeed);
  feed.last_modified = "Wed, 15 Oct 2025 05:00:00 GMT";
  server.On("/schedule.json", feed);
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.last_modified = feed.last_modified;
  auto response = Fetch(request);
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->status == 304);
  CHECK(server.Requests().at(0).Header("If-Modified-Since") == feed.last_modified);
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a server that accepts the connection and never answers fails at feed.timeout") {
  FaultServer server;
  server.On("/schedule.json", testing::Hold());
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "no complete answer within feed.timeout (2 s)"));
  CHECK(Contains(error, "accepted the connection but sent no answer"));
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a body dripped one byte a second fails at feed.timeout and says how much came") {
  FaultServer server;
  server.On("/schedule.json", testing::Drip(kFeed, 1000ms));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "no complete answer within feed.timeout (2 s)"));
  CHECK(Contains(error, " of " + std::to_string(std::string(kFeed).size()) + " bytes"));
  CHECK(Contains(error, "too slow or stalled"));
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a body shorter than its Content-Length says the server closed the connection early") {
  FaultServer server;
  server.On("/schedule.json", testing::CutShort(std::string(kFeed).substr(0, 10), 5000));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(error ==
        "the server closed the connection before sending the whole feed (got 10 of 5000 bytes)");
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a chunked body that stops mid-chunk says the server closed the connection early") {
  FaultServer server;
  server.On("/schedule.json", testing::CutShortChunked(std::string(kFeed).substr(0, 10)));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "the server closed the connection before sending the whole feed"));
}

TEST_CASE(CLIENT_TEST_PREFIX "a server that closes without a byte says it did not answer") {
  FaultServer server;
  server.On("/schedule.json", testing::CloseAtOnce());
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(error == "the server closed the connection without answering");
}

TEST_CASE(CLIENT_TEST_PREFIX "an endless chunked body stops at feed.max_bytes") {
  FaultServer server;
  server.On("/schedule.json", testing::EndlessChunked());
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.max_bytes = 1 << 20;
  request.timeout_seconds = 30;  // max_bytes, not the clock, must end it
  auto response = Fetch(request);
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(error == "the feed is larger than feed.max_bytes (1048576 bytes)");
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a 1 GB Content-Length is refused at feed.max_bytes without reading the body") {
  FaultServer server;
  server.On("/schedule.json", testing::EndlessLength(std::uint64_t{1} << 30));
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.max_bytes = 1 << 20;
  request.timeout_seconds = 30;
  auto response = Fetch(request);
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(error == "the feed is larger than feed.max_bytes (1048576 bytes)");
}

TEST_CASE(CLIENT_TEST_PREFIX "five redirects are followed to the feed") {
  FaultServer server;
  std::string first = server.RedirectChain("/r", 5, testing::Answer(200, kFeed));
  auto response = Fetch(RequestFor(server.Url(first)));
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->body == kFeed);
  CHECK(server.Requests().size() == 6);
}

TEST_CASE(CLIENT_TEST_PREFIX "a sixth redirect fails with too many redirects") {
  FaultServer server;
  std::string first = server.RedirectChain("/r", 6, testing::Answer(200, kFeed));
  auto response = Fetch(RequestFor(server.Url(first)));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(error == "too many redirects (more than 5)");
  CHECK(server.RequestsFor("/r7").empty());
}

TEST_CASE(CLIENT_TEST_PREFIX "a redirect to file:///etc/passwd is refused: only http and https") {
  FaultServer server;
  server.On("/schedule.json", testing::Redirect("file:///etc/passwd"));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(error == "redirect to file:///etc/passwd refused: only http and https");
}

TEST_CASE(CLIENT_TEST_PREFIX "redirects to ftp:// and gopher:// are refused: only http and https") {
  FaultServer server;
  for (std::string target : {"ftp://127.0.0.1/schedule.json", "gopher://127.0.0.1/1"}) {
    CAPTURE(target);
    server.On("/schedule.json", testing::Redirect(target));
    auto response = Fetch(RequestFor(server.Url("/schedule.json")));
    CHECK(ErrorOf(response) == "redirect to " + target + " refused: only http and https");
  }
}

TEST_CASE(CLIENT_TEST_PREFIX "a redirect's message leaves out the target's password and query") {
  FaultServer server;
  server.On("/schedule.json", testing::Redirect("ftp://user:pass@127.0.0.1/feed?key=abc"));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  CHECK(ErrorOf(response) == "redirect to ftp://127.0.0.1/feed refused: only http and https");
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a captive portal's login page answered with 200 is not taken for the feed") {
  FaultServer server;
  server.On("/schedule.json",
            testing::Answer(200,
                            "<!DOCTYPE html>\n<html><head><title>Hotel Wi-Fi</title></head>"
                            "<body><form>Room number <input name=room></form></body></html>",
                            {{"Content-Type", "text/html; charset=utf-8"}}));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "got a web page (text/html; charset=utf-8)"));
  CHECK(Contains(error, "captive portal"));
}

TEST_CASE(CLIENT_TEST_PREFIX "a captive portal reached by a redirect is named in the message") {
  FaultServer server;
  server.On("/schedule.json", testing::Redirect(server.UrlOn("localhost", "/login")));
  server.On("/login", testing::Answer(200, "<html><body>Sign in to Wi-Fi</body></html>",
                                      {{"Content-Type", "text/html"}}));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(Contains(error, "from " + server.UrlOn("localhost", "/login")));
  CHECK(Contains(error, "captive portal"));
}

TEST_CASE(CLIENT_TEST_PREFIX "an XML feed is not mistaken for a captive portal's page") {
  FaultServer server;
  std::string xml = "<?xml version=\"1.0\"?>\n<schedule><conference/></schedule>\n";
  server.On("/schedule.xml", testing::Answer(200, xml, {{"Content-Type", "text/html"}}));
  auto response = Fetch(RequestFor(server.Url("/schedule.xml")));
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->body == xml);
}

TEST_CASE(CLIENT_TEST_PREFIX "a 404 is an answer, not a transport error") {
  FaultServer server;
  auto response = Fetch(RequestFor(server.Url("/missing.json")));
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->status == 404);
}

TEST_CASE(CLIENT_TEST_PREFIX "a gzip-encoded body arrives decoded") {
  FaultServer server;
  std::string big(200000, 'a');  // several deflate blocks
  server.On("/schedule.json",
            testing::Answer(200, testing::GzipStored(big), {{"Content-Encoding", "gzip"}}));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->body == big);
  CHECK(Contains(server.Requests().at(0).Header("Accept-Encoding"), "gzip"));
}

TEST_CASE(CLIENT_TEST_PREFIX "a deflate-encoded body arrives decoded, zlib-wrapped or raw") {
  FaultServer server;
  server.On("/zlib.json",
            testing::Answer(200, testing::ZlibStored(kFeed), {{"Content-Encoding", "deflate"}}));
  server.On("/raw.json",
            testing::Answer(200, testing::DeflateStored(kFeed), {{"Content-Encoding", "deflate"}}));
  for (std::string path : {"/zlib.json", "/raw.json"}) {
    CAPTURE(path);
    auto response = Fetch(RequestFor(server.Url(path)));
    REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
    CHECK(response->body == kFeed);
  }
  CHECK(Contains(server.Requests().at(0).Header("Accept-Encoding"), "deflate"));
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a small gzip body that inflates past feed.max_bytes is stopped at max_bytes") {
  testing::TempDir dir;
  std::string command = "head -c 50000000 /dev/zero | gzip -c > " + dir.File("bomb.gz");
  REQUIRE(std::system(command.c_str()) == 0);
  std::string bomb = testing::ReadFile(dir.File("bomb.gz"));
  REQUIRE(bomb.size() < 200000);
  FaultServer server;
  server.On("/schedule.json", testing::Answer(200, bomb, {{"Content-Encoding", "gzip"}}));
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.max_bytes = 1 << 20;
  auto response = Fetch(request);
  CHECK(ErrorOf(response) == "the feed is larger than feed.max_bytes (1048576 bytes)");
}

TEST_CASE(CLIENT_TEST_PREFIX "a corrupt gzip body fails saying the compressed body is broken") {
  FaultServer server;
  std::string broken = testing::GzipStored(kFeed);
  broken[12] ^= 0x55;  // the first block's length no longer matches its check
  server.On("/schedule.json", testing::Answer(200, broken, {{"Content-Encoding", "gzip"}}));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(Contains(error, "compressed body (Content-Encoding) is broken"));
}

TEST_CASE(CLIENT_TEST_PREFIX "the bearer token is sent as Authorization: Bearer") {
  FaultServer server;
  server.On("/schedule.json", testing::Answer(200, kFeed));
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.bearer_token = kToken;
  REQUIRE(Fetch(request).ok());
  CHECK(server.Requests().at(0).Header("Authorization") == std::string("Bearer ") + kToken);
}

TEST_CASE(CLIENT_TEST_PREFIX "no Authorization header is sent without a token") {
  FaultServer server;
  server.On("/schedule.json", testing::Answer(200, kFeed));
  REQUIRE(Fetch(RequestFor(server.Url("/schedule.json"))).ok());
  CHECK_FALSE(server.Requests().at(0).Has("Authorization"));
}

TEST_CASE(CLIENT_TEST_PREFIX "the bearer token follows a redirect on the same host") {
  FaultServer server;
  server.On("/schedule.json", testing::Redirect("/v2/schedule.json"));
  server.On("/v2/schedule.json", testing::Answer(200, kFeed));
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.bearer_token = kToken;
  REQUIRE(Fetch(request).ok());
  CHECK(server.RequestsFor("/v2/schedule.json").at(0).Header("Authorization") ==
        std::string("Bearer ") + kToken);
}

TEST_CASE(CLIENT_TEST_PREFIX "the bearer token is not sent to another host after a redirect") {
  FaultServer server;
  server.On("/schedule.json", testing::Redirect(server.UrlOn("localhost", "/elsewhere.json")));
  server.On("/elsewhere.json", testing::Answer(200, kFeed));
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.bearer_token = kToken;
  auto response = Fetch(request);
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  auto first = server.RequestsFor("/schedule.json").at(0);
  auto second = server.RequestsFor("/elsewhere.json").at(0);
  CHECK(first.Header("Authorization") == std::string("Bearer ") + kToken);
  CHECK(second.Header("Host") == "localhost:" + std::to_string(server.port()));
  CHECK_FALSE(second.Has("Authorization"));
}

TEST_CASE(CLIENT_TEST_PREFIX "the bearer token never appears in an error message") {
  FaultServer server;
  server.On("/hold", testing::Hold());
  server.On("/cut", testing::CutShort("abc", 100));
  server.On("/loop", testing::Redirect("/loop"));
  server.On("/ftp", testing::Redirect(std::string("ftp://127.0.0.1/?token=") + kToken));
  for (std::string path : {"/hold", "/cut", "/loop", "/ftp"}) {
    CAPTURE(path);
    HttpRequest request = RequestFor(server.Url(path));
    request.bearer_token = kToken;
    auto response = Fetch(request);
    std::string error = ErrorOf(response);
    INFO(error);
    CHECK_FALSE(response.ok());
    CHECK_FALSE(Contains(error, kToken));
  }
}

TEST_CASE(CLIENT_TEST_PREFIX "a token with a line break is refused without echoing it") {
  FaultServer server;
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.bearer_token = std::string(kToken) + "\r\nX-Injected: 1";
  auto response = Fetch(request);
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(Contains(error, "feed.token_file"));
  CHECK_FALSE(Contains(error, kToken));
  CHECK(server.Requests().empty());
}

TEST_CASE(CLIENT_TEST_PREFIX "a closed port fails at once with a connection error") {
  int port;
  {
    FaultServer server;
    port = server.port();
  }  // now nobody listens there
  auto response = Fetch(RequestFor("http://127.0.0.1:" + std::to_string(port) + "/x.json"));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK_FALSE(response.ok());
  CHECK(Contains(error, "reachable"));
}

TEST_CASE(CLIENT_TEST_PREFIX
          "a redirect whose Location is not UTF-8 is refused with those bytes escaped") {
  // It once ended --sync-once on an uncaught nlohmann::type_error, no JSON line printed.
  FaultServer server;
  server.On("/schedule.json", testing::Redirect("ftp://127.0.0.1/\xff\xfe/x"));
  std::string error = ErrorOf(Fetch(RequestFor(server.Url("/schedule.json"))));
  CHECK(error == "redirect to ftp://127.0.0.1/\\xFF\\xFE/x refused: only http and https");
  // A terminal's escape sequence is no address at all, and stays escaped too.
  server.On("/schedule.json", testing::Redirect("http://127.0.0.1/\x1b[2J\xff"));
  error = ErrorOf(Fetch(RequestFor(server.Url("/schedule.json"))));
  CAPTURE(error);
  CHECK(error.rfind("redirect to http://127.0.0.1/\\x1B[2J\\xFF refused: not a valid address (",
                    0) == 0);
}

TEST_CASE(CLIENT_TEST_PREFIX "no byte of a server's head reaches a message unescaped") {
  FaultServer server;
  server.On("/schedule.json", testing::Answer(200, "<!DOCTYPE html><html>Log in</html>",
                                              {{"Content-Type", "text/html; charset=\xff\xc3"}}));
  std::string error = ErrorOf(Fetch(RequestFor(server.Url("/schedule.json"))));
  CHECK(Contains(error, "got a web page (text/html; charset=\\xFF\\xC3)"));
  CHECK(IsValidUtf8(error));
}

TEST_CASE(CLIENT_TEST_PREFIX "validators with a control character are not kept to send back") {
  FaultServer server;
  server.On("/schedule.json",
            testing::RawAnswer("HTTP/1.1 200 OK\r\nETag: \"a\rInjected: 1\"\r\n"
                               "Last-Modified: Wed,\x01 15 Oct 2025\r\nContent-Length: 2\r\n"
                               "Connection: close\r\n\r\n{}"));
  auto response = Fetch(RequestFor(server.Url("/schedule.json")));
  REQUIRE_MESSAGE(response.ok(), ErrorOf(response));
  CHECK(response->etag.empty());
  CHECK(response->last_modified.empty());
}

TEST_CASE(CLIENT_TEST_PREFIX
          "an answer without a status line (HTTP/0.9) is named as such, not as a wrong scheme") {
  FaultServer server;
  server.On("/schedule.json", testing::RawAnswer("SSH-2.0-OpenSSH_9.2\r\n"));
  std::string error = ErrorOf(Fetch(RequestFor(server.Url("/schedule.json"))));
  CHECK(error == "127.0.0.1:" + std::to_string(server.port()) +
                     " answered without an HTTP status line (HTTP/0.9, or no web server at all): "
                     "is the port right?");
}

TEST_CASE(CLIENT_TEST_PREFIX "Stop ends a fetch from a server that never answers within a second") {
  FaultServer server;
  server.On("/schedule.json", testing::Hold());
  HttpRequest request = RequestFor(server.Url("/schedule.json"));
  request.timeout_seconds = 600;
  std::unique_ptr<HttpClient> client = NewClientUnderTest();
  auto fetch = std::async(std::launch::async, [&] { return client->Fetch(request); });
  for (int i = 0; i < 500 && server.Requests().empty(); ++i) std::this_thread::sleep_for(10ms);
  REQUIRE(server.Requests().size() == 1);
  const auto stopped = std::chrono::steady_clock::now();
  client->Stop();
  REQUIRE(fetch.wait_for(1s) == std::future_status::ready);
  CHECK(std::chrono::steady_clock::now() - stopped < 1s);
  CHECK(ErrorOf(fetch.get()) == kFetchStopped);
  // Stopped for good: the next fetch fails at once, without a request.
  CHECK(ErrorOf(client->Fetch(request)) == kFetchStopped);
  CHECK(server.Requests().size() == 1);
}

TEST_CASE(CLIENT_TEST_PREFIX "an address that is neither http, https nor file is refused") {
  auto response = Fetch(RequestFor("ftp://127.0.0.1/schedule.json"));
  std::string error = ErrorOf(response);
  INFO(error);
  CHECK(Contains(error, "only http://, https:// and file:// addresses can be fetched"));
}

TEST_CASE(CLIENT_TEST_PREFIX "the fault server unblocks a held connection when it stops") {
  auto server = std::make_unique<FaultServer>();
  server->On("/schedule.json", testing::Hold());
  HttpRequest request = RequestFor(server->Url("/schedule.json"));
  request.timeout_seconds = 60;
  auto fetch = std::async(std::launch::async, [&] { return Fetch(request); });
  for (int i = 0; i < 500 && server->Requests().empty(); ++i) std::this_thread::sleep_for(10ms);
  server.reset();
  REQUIRE(fetch.wait_for(20s) == std::future_status::ready);
  CHECK(ErrorOf(fetch.get()) == "the server closed the connection without answering");
}

}  // namespace
}  // namespace foyer
