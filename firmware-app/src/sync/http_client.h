// HttpClient: fetches a feed URL (http://, https://, file://). The only code in
// foyer that touches libcurl. Thread-safe: each Fetch uses its own curl handle.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "base/status.h"

namespace foyer {

struct HttpRequest {
  std::string url;
  // Validators from the last fetch, sent as If-None-Match / If-Modified-Since.
  std::string etag;
  std::string last_modified;
  long timeout_seconds = 30;         // bounds the whole request, redirects included
  std::size_t max_bytes = 32 << 20;  // larger bodies are refused without reading them whole
};

struct HttpResponse {
  int status = 0;    // HTTP status; 200 for a file:// URL that was read
  std::string body;  // decoded (gzip/deflate undone)
  std::string etag;
  std::string last_modified;
  std::string content_type;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // A transport failure (DNS, connect, TLS, timeout, too large) is an error
  // Status; any HTTP answer, 4xx and 5xx included, is a response.
  virtual Result<HttpResponse> Fetch(const HttpRequest& request) = 0;
};

// The real client: TLS always verified, at most 5 redirects and only to
// http/https, gzip/deflate accepted.
std::unique_ptr<HttpClient> NewCurlHttpClient();

}  // namespace foyer
