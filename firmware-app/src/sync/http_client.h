// HttpClient: fetches a feed URL (http://, https://, file://). The only code in
// foyer that touches libcurl. Thread-safe: each Fetch uses its own curl handle.
//
// A venue screen polls over bad Wi-Fi, so whatever the server or the network
// does, a Fetch ends within the request's timeout, holds at most max_bytes of
// body in memory, and fails with a message a venue technician can act on:
//   "no complete answer within feed.timeout (30 s): the server accepted the
//    connection but sent no answer"
//   "the server closed the connection before sending the whole feed (got 10 of 100 bytes)"
//   "too many redirects (more than 5)"
//   "redirect to file:///etc/passwd refused: only http and https"
//   "the feed is larger than feed.max_bytes (33554432 bytes)"
// Messages never contain the bearer token, nor a URL's user:password or query.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "base/status.h"

namespace foyer {

// The most a bearer token (feed.token_file) may take: a line of text, sent as
// a header. A larger file is the wrong file.
inline constexpr std::size_t kMostBearerTokenBytes = 4096;

struct HttpRequest {
  std::string url;
  // Validators from the last fetch, sent as If-None-Match / If-Modified-Since.
  std::string etag;
  std::string last_modified;
  // feed.token_file's token, sent as "Authorization: Bearer <token>" to the
  // URL's own host, port and scheme only: a redirect elsewhere goes without it.
  // Never written into a message. Empty: no Authorization header.
  std::string bearer_token;
  // feed.ca_file: a PEM file of CA certificates trusted IN ADDITION to the
  // system's store (it does not replace it). Empty: the system's store alone.
  // TLS is always verified, peer and host name, whatever this holds.
  std::string ca_file;
  long timeout_seconds = 30;         // bounds the whole request, redirects included (min 1)
  std::size_t max_bytes = 32 << 20;  // larger bodies (decoded) are refused, never held whole
  // The error when a body passes max_bytes; empty: "the feed is larger than
  // feed.max_bytes (N bytes)". A request with a cap of its own words it here.
  std::string too_large;
};

struct HttpResponse {
  int status = 0;    // HTTP status; 200 for a file:// URL that was read
  std::string body;  // decoded (gzip/deflate undone)
  std::string etag;
  std::string last_modified;
  std::string content_type;
  // SHA-256 of body, lowercase hex, where the client computed it on the way
  // (the real clients do); empty: not computed, see Sha256Hex (sync/sha256.h).
  std::string body_sha256;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // A transport failure (DNS, connect, TLS, timeout, cut short, too large,
  // refused redirect) is an error Status; any HTTP answer, 4xx and 5xx
  // included, is a response. One exception: an HTML page answered with 200
  // over http(s) is an error, since no feed format is HTML and it is most
  // likely a captive portal (a Wi-Fi login page) standing in the way.
  virtual Result<HttpResponse> Fetch(const HttpRequest& request) = 0;
  // Ends every Fetch in progress within a fraction of a second and makes
  // later ones fail at once, each with an error that says it was stopped
  // (foyer is shutting down: SIGTERM must not wait for feed.timeout).
  // Thread-safe; for good. The default does nothing.
  virtual void Stop() {}
};

// The message of a Fetch that Stop() ended.
inline constexpr const char* kFetchStopped =
    "stopped before the transfer finished: foyer was asked to stop (SIGTERM or SIGINT)";

// The real client: TLS always verified, at most 5 redirects and only to
// http/https, gzip/deflate accepted.
std::unique_ptr<HttpClient> NewCurlHttpClient();

// The PEM text TLS trusts when feed.ca_file is set: the system bundle at
// `system_bundle` (skipped when it cannot be read) followed by `ca_file`'s
// certificates. Fails, naming feed.ca_file and the path, when ca_file cannot
// be read or holds no PEM certificate. Exposed for tests.
Result<std::string> TrustedCertificatesPem(const std::string& system_bundle,
                                           const std::string& ca_file);

}  // namespace foyer
