#include "sync/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace foyer {
namespace {

struct Transfer {
  std::string body;
  std::size_t max_bytes = 0;
  bool too_large = false;
  std::string etag, last_modified;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->max_bytes) {
    transfer->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  transfer->body.append(data, bytes);
  return bytes;
}

std::string Trim(std::string text) {
  auto space = [](unsigned char c) { return std::isspace(c); };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), space));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), space).base(), text.end());
  return text;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response (after a redirect): forget the previous one's headers.
    transfer->etag.clear();
    transfer->last_modified.clear();
  } else if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    if (name == "etag") transfer->etag = Trim(line.substr(colon + 1));
    if (name == "last-modified") transfer->last_modified = Trim(line.substr(colon + 1));
  }
  return size * count;
}

class CurlHttpClient : public HttpClient {
 public:
  CurlHttpClient() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  Result<HttpResponse> Fetch(const HttpRequest& request) override {
    CURL* curl = curl_easy_init();
    if (!curl) return Status::Error("cannot start libcurl");
    Transfer transfer;
    transfer.max_bytes = request.max_bytes;
    char error[CURL_ERROR_SIZE] = "";
    curl_slist* headers = nullptr;
    if (!request.etag.empty())
      headers = curl_slist_append(headers, ("If-None-Match: " + request.etag).c_str());
    if (!request.last_modified.empty())
      headers = curl_slist_append(headers, ("If-Modified-Since: " + request.last_modified).c_str());

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, request.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, std::min(request.timeout_seconds, 15L));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip, deflate, whatever curl has
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "foyer/" FOYER_HTTP_VERSION);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    if (request.max_bytes > 0)
      curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));

    CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    char* content_type = nullptr;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type);
    HttpResponse response;
    response.content_type = content_type ? content_type : "";
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);

    if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED)
      return Status::Error("the feed is larger than feed.max_bytes (" +
                           std::to_string(request.max_bytes) + " bytes)");
    if (code != CURLE_OK) {
      std::string detail = error[0] ? error : curl_easy_strerror(code);
      if (code == CURLE_OPERATION_TIMEDOUT)
        detail = "no complete answer within feed.timeout (" +
                 std::to_string(request.timeout_seconds) + " s): " + detail;
      return Status::Error(detail);
    }
    response.status = request.url.rfind("file:", 0) == 0 ? 200 : static_cast<int>(status);
    response.body = std::move(transfer.body);
    response.etag = std::move(transfer.etag);
    response.last_modified = std::move(transfer.last_modified);
    return response;
  }
};

}  // namespace

std::unique_ptr<HttpClient> NewCurlHttpClient() { return std::make_unique<CurlHttpClient>(); }

}  // namespace foyer
