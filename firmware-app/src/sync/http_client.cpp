#include "sync/http_client.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>

#include "base/text.h"
#include "base/utf8.h"
#include "sync/curl_library.h"
#include "sync/sha256.h"

namespace foyer {
namespace {

constexpr long kMaxRedirects = 5;
constexpr long kMaxConnectSeconds = 15;
constexpr const char* kDefaultSystemBundle = "/etc/ssl/certs/ca-certificates.crt";

// REQUIRES: LoadCurl() succeeded (every Fetch checks it first).
const CurlLibrary& libcurl() { return **LoadCurl(); }

// What the callbacks learn during one transfer.
struct Transfer {
  std::string body;
  std::size_t max_bytes = 0;
  bool too_large = false;
  int responses = 0;  // status lines seen, one per redirect hop that answered
  std::string etag, last_modified, location;
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

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (line.rfind("HTTP/", 0) == 0) {
    // A new response (after a redirect): forget the previous one's headers.
    ++transfer->responses;
    transfer->etag.clear();
    transfer->last_modified.clear();
    transfer->location.clear();
  } else if (colon != std::string::npos) {
    std::string name = ToLowerAscii(std::string_view(line).substr(0, colon));
    std::string value(Trim(std::string_view(line).substr(colon + 1)));
    // Validators go back to the server as they came: never with a control
    // character (a CR would end the header line early).
    const bool sendable = std::none_of(value.begin(), value.end(),
                                       [](unsigned char c) { return c < 0x20 || c == 0x7f; });
    if (name == "etag" && sendable) transfer->etag = value;
    if (name == "last-modified" && sendable) transfer->last_modified = value;
    if (name == "location") transfer->location = value;
  }
  return size * count;
}

// A URL fit for a message: without user:password, query or fragment (either
// may carry a secret).
std::string RedactUrl(std::string_view url) {
  std::string clean(url.substr(0, url.find_first_of("?#")));
  auto scheme = clean.find("://");
  size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
  auto at = clean.find('@', authority);
  auto slash = clean.find('/', authority);
  if (scheme != std::string::npos && at != std::string::npos && at < slash)
    clean.erase(authority, at + 1 - authority);
  return clean;
}

// "host:port" of an absolute URL, for messages.
std::string HostOf(std::string_view url) {
  std::string clean = RedactUrl(url);
  auto scheme = clean.find("://");
  if (scheme == std::string::npos) return clean;
  std::string rest = clean.substr(scheme + 3);
  return rest.substr(0, rest.find('/'));
}

// True when `body` is an HTML page. No feed format is HTML; what sends one with
// a 200 is most often a captive portal's login page.
bool LooksLikeHtml(std::string_view body) {
  body = TrimStart(SkipUtf8Bom(body));
  if (body.empty() || body.front() != '<') return false;
  std::string head = ToLowerAscii(body.substr(0, 1024));
  return head.find("<!doctype html") != std::string::npos ||
         head.find("<html") != std::string::npos;
}

// Reads a whole file, or fails with errno's reason.
Result<std::string> ReadWholeFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return Status::Error(std::strerror(errno));
  std::string bytes;
  char buffer[16384];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, got);
  bool failed = std::ferror(file);
  int error = errno;
  std::fclose(file);
  if (failed) return Status::Error(std::strerror(error));
  return bytes;
}

// What curl knew when the transfer ended, for explaining a failure.
struct Facts {
  std::string url;            // the last URL tried (after redirects), unredacted
  bool connected = false;     // with https: the TLS handshake done too
  bool answered = false;      // the last hop sent a status line
  curl_off_t received = 0;    // body bytes as sent (before decoding)
  curl_off_t announced = -1;  // Content-Length, or -1
};

std::string ByteCount(const Facts& facts) {
  std::string text = "got " + std::to_string(facts.received);
  if (facts.announced >= 0) text += " of " + std::to_string(facts.announced);
  return text + " bytes";
}

// Why curl would not fetch an address: a scheme it must not use (the URL's or
// a redirect's), an address it cannot parse, or an answer that is no HTTP.
std::string ExplainAddress(CURLcode code, const std::string& detail, const Transfer& transfer,
                           const Facts& facts, const HttpRequest& request) {
  const bool redirected = transfer.responses > 0 && !transfer.location.empty();
  if (code == CURLE_URL_MALFORMAT)
    return redirected ? "redirect to " + RedactUrl(transfer.location) +
                            " refused: not a valid address (" + detail + ")"
                      : detail;
  // curl refuses an answer without a status line ("HTTP/0.9"): the scheme was fine.
  if (detail.find("HTTP/0.9") != std::string::npos)
    return HostOf(facts.url) +
           " answered without an HTTP status line (HTTP/0.9, or no web server at all): is the "
           "port right?";
  if (redirected)
    return "redirect to " + RedactUrl(transfer.location) + " refused: only http and https";
  return "only http://, https:// and file:// addresses can be fetched, not " +
         RedactUrl(request.url) + " (" + detail + ")";
}

// The message for a failed transfer: what happened, and what to look at.
std::string Explain(CURLcode code, const char* error, const Transfer& transfer, const Facts& facts,
                    const HttpRequest& request) {
  std::string detail = error[0] ? error : libcurl().easy_strerror(code);
  const long seconds = std::max(request.timeout_seconds, 1L);  // as Fetch applies it
  const std::string timeout = "feed.timeout (" + std::to_string(seconds) + " s)";
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      if (!facts.connected) {
        // curl counts an https connection as made once its TLS handshake is done.
        long connect_seconds = std::min(seconds, kMaxConnectSeconds);
        bool https = StartsWithNoCase(facts.url, "https:");
        return std::string(https ? "no secure connection to " : "no connection to ") +
               HostOf(facts.url) + " within " +
               (connect_seconds < seconds ? std::to_string(connect_seconds) + " s" : timeout) +
               (https ? ": the connection or its TLS handshake never completed" : "") +
               " (is the network up, and the server reachable from here?)";
      }
      if (!facts.answered)
        return "no complete answer within " + timeout +
               ": the server accepted the connection but sent no answer";
      return "no complete answer within " + timeout + ": " + ByteCount(facts) +
             ", the connection is too slow or stalled";
    case CURLE_PARTIAL_FILE:
      if (facts.announced < 0)
        return "the server closed the connection before sending the whole feed (" +
               ByteCount(facts) + "; the end never came)";
      return "the server closed the connection before sending the whole feed (" + ByteCount(facts) +
             ")";
    case CURLE_RECV_ERROR:
      return "the connection broke while receiving the feed (" + ByteCount(facts) + "): " + detail;
    case CURLE_GOT_NOTHING:
      return "the server closed the connection without answering";
    case CURLE_TOO_MANY_REDIRECTS:
      return "too many redirects (more than " + std::to_string(kMaxRedirects) + ")";
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return ExplainAddress(code, detail, transfer, facts, request);
    case CURLE_PEER_FAILED_VERIFICATION: {
      std::string lower = ToLowerAscii(detail);
      std::string hint =
          "; if the server's certificate comes from a private CA, add that CA with "
          "feed.ca_file";
      if (lower.find("host name") != std::string::npos ||
          lower.find("subject name") != std::string::npos)
        hint = "; the certificate is for another host name: use the name it was issued for";
      else if (lower.find("not yet valid") != std::string::npos)
        hint = "; is this screen's clock right?";
      else if (lower.find("expired") != std::string::npos)
        hint = "; the certificate has expired, or this screen's clock is wrong";
      return "the server's TLS certificate was not accepted (" + detail + ")" + hint;
    }
    case CURLE_SSL_CACERT_BADFILE:
      return "the trusted CA certificates could not be loaded (" + detail + "); check feed.ca_file";
    case CURLE_COULDNT_RESOLVE_HOST:
      return detail + " (check the screen's network and DNS)";
    case CURLE_COULDNT_CONNECT:
      return detail + " (is the server up, and reachable from this network?)";
    case CURLE_BAD_CONTENT_ENCODING:
      return "the server's compressed body (Content-Encoding) is broken: " + detail;
    default:
      return detail;
  }
}

// A token with a line break would smuggle headers in; say so without it.
Status CheckBearerToken(const std::string& token) {
  for (unsigned char c : token)
    if (c < 0x20 || c == 0x7f)
      return Status::Error(
          "the bearer token (feed.token_file) holds a line break or another control "
          "character");
  return Status::Ok();
}

// The system's CA certificates and feed.ca_file's, as one PEM text.
Result<std::string> TrustedPem(CURL* curl, const std::string& ca_file) {
  const char* system_bundle = nullptr;
#if LIBCURL_VERSION_NUM >= 0x075400  // 7.84: CURLINFO_CAINFO
  libcurl().easy_getinfo(curl, CURLINFO_CAINFO, &system_bundle);
#else
  (void)curl;
#endif
  return TrustedCertificatesPem(system_bundle ? system_bundle : kDefaultSystemBundle, ca_file);
}

using HeaderList = std::unique_ptr<curl_slist, void (*)(curl_slist*)>;

// The conditional GET's headers.
HeaderList RequestHeaders(const HttpRequest& request) {
  HeaderList headers(nullptr, libcurl().slist_free_all);
  auto add_header = [&](const std::string& line) {
    headers.reset(libcurl().slist_append(headers.release(), line.c_str()));
  };
  if (!request.etag.empty()) add_header("If-None-Match: " + request.etag);
  if (!request.last_modified.empty()) add_header("If-Modified-Since: " + request.last_modified);
  return headers;
}

// Sets up one transfer of `request` on `curl`. `trusted`, `headers`, `transfer`
// and `error` must outlive curl_easy_perform.
Status SetOptions(CURL* curl, const HttpRequest& request, std::string& trusted, curl_slist* headers,
                  Transfer& transfer, char* error) {
  libcurl().easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  libcurl().easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
  libcurl().easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  libcurl().easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  libcurl().easy_setopt(curl, CURLOPT_MAXREDIRS, kMaxRedirects);
  // 0 would mean "no limit" to curl: a fetch must always end.
  const long timeout_seconds = std::max(request.timeout_seconds, 1L);
  libcurl().easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
  libcurl().easy_setopt(curl, CURLOPT_CONNECTTIMEOUT,
                        std::min(timeout_seconds, kMaxConnectSeconds));
  libcurl().easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  libcurl().easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip, deflate, whatever curl has
  libcurl().easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  libcurl().easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!trusted.empty()) {
    curl_blob blob{trusted.data(), trusted.size(), CURL_BLOB_NOCOPY};
    if (libcurl().easy_setopt(curl, CURLOPT_CAINFO_BLOB, &blob) != CURLE_OK)
      return Status::Error("feed.ca_file " + request.ca_file +
                           " cannot be used: this libcurl cannot take CA certificates from "
                           "memory (CURLOPT_CAINFO_BLOB)");
  }
  if (!request.bearer_token.empty()) {
    libcurl().easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BEARER);
    libcurl().easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, request.bearer_token.c_str());
    libcurl().easy_setopt(curl, CURLOPT_UNRESTRICTED_AUTH, 0L);  // never to another host
  }
  libcurl().easy_setopt(curl, CURLOPT_USERAGENT, "foyer/" FOYER_HTTP_VERSION);
  libcurl().easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  libcurl().easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  libcurl().easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  libcurl().easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  libcurl().easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  libcurl().easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  if (request.max_bytes > 0)
    libcurl().easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                          static_cast<curl_off_t>(request.max_bytes));
  return Status::Ok();
}

// What the server answered, as curl knew it when the transfer ended.
struct Answer {
  long status = 0;
  std::string content_type;
  Facts facts;
};

Answer AnswerOf(CURL* curl, const HttpRequest& request, const Transfer& transfer) {
  Answer answer;
  libcurl().easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
  char* content_type = nullptr;
  libcurl().easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type);
  answer.content_type = content_type ? content_type : "";
  char* effective_url = nullptr;
  libcurl().easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective_url);
  curl_off_t connect_time = 0;
  libcurl().easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connect_time);
  long redirects = 0;
  libcurl().easy_getinfo(curl, CURLINFO_REDIRECT_COUNT, &redirects);
  answer.facts.url = effective_url ? effective_url : request.url;
  answer.facts.connected = connect_time > 0;
  answer.facts.answered = transfer.responses > redirects;
  libcurl().easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &answer.facts.received);
  libcurl().easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &answer.facts.announced);
  return answer;
}

// The response to a finished transfer, or why there is none, in words that
// may quote the server's bytes as they came.
Result<HttpResponse> UncheckedResponseOf(CURLcode code, const char* error,
                                         const HttpRequest& request, Transfer& transfer,
                                         const Answer& answer) {
  if ((transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) && !request.too_large.empty())
    return Status::Error(request.too_large);
  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED)
    return Status::Error("the feed is larger than feed.max_bytes (" +
                         std::to_string(request.max_bytes) + " bytes)");
  if (code != CURLE_OK) return Status::Error(Explain(code, error, transfer, answer.facts, request));

  HttpResponse response;
  response.content_type = answer.content_type;
  const bool is_http = StartsWithNoCase(request.url, "http");
  response.status = is_http ? static_cast<int>(answer.status) : 200;
  if (is_http && response.status == 200 && LooksLikeHtml(transfer.body)) {
    std::string from = RedactUrl(answer.facts.url) != RedactUrl(request.url)
                           ? ", from " + RedactUrl(answer.facts.url)
                           : std::string();
    return Status::Error(
        "got a web page (" + (response.content_type.empty() ? "HTML" : response.content_type) +
        from +
        ") instead of the feed: a Wi-Fi login page (captive portal) may be in the way, or the "
        "address is a web page rather than the feed itself");
  }
  response.body = std::move(transfer.body);
  response.etag = std::move(transfer.etag);
  response.last_modified = std::move(transfer.last_modified);
  return response;
}

// The response to a finished transfer, or why there is none. A message may
// quote what the server sent (a Location, a content type, curl's words about
// a header), so every byte is escaped before it can reach a log or JSON.
Result<HttpResponse> ResponseOf(CURLcode code, const char* error, const HttpRequest& request,
                                Transfer& transfer, const Answer& answer) {
  auto response = UncheckedResponseOf(code, error, request, transfer, answer);
  if (response.ok()) return response;
  return Status::Error(EscapeUnprintable(response.status().message()));
}

// Runs transfers on curl's multi interface so that Stop() can wake one that
// waits on a stalled server (libcurl().multi_wakeup) instead of waiting for its
// timeout.
class CurlHttpClient : public HttpClient {
 public:
  Result<HttpResponse> Fetch(const HttpRequest& request) override {
    if (stopped_) return Status::Error(kFetchStopped);
    if (auto library = LoadCurl(); !library.ok()) return library.status();
    if (Status token = CheckBearerToken(request.bearer_token); !token.ok()) return token;
    std::unique_ptr<CURL, void (*)(CURL*)> handle(libcurl().easy_init(), libcurl().easy_cleanup);
    if (!handle) return Status::Error("cannot start libcurl");
    CURL* curl = handle.get();

    std::string trusted;  // must outlive the transfer: passed without a copy
    if (!request.ca_file.empty()) {
      auto pem = TrustedPem(curl, request.ca_file);
      if (!pem.ok()) return pem.status();
      trusted = std::move(*pem);
    }
    Transfer transfer;
    transfer.max_bytes = request.max_bytes;
    char error[CURL_ERROR_SIZE] = "";
    HeaderList headers = RequestHeaders(request);
    if (Status set = SetOptions(curl, request, trusted, headers.get(), transfer, error); !set.ok())
      return set;

    auto code = Perform(curl);
    if (!code) return Status::Error(kFetchStopped);
    Answer answer = AnswerOf(curl, request, transfer);
    handle.reset();
    auto response = ResponseOf(*code, error, request, transfer, answer);
    if (response.ok()) response->body_sha256 = Sha256Hex(response->body);
    return response;
  }

  void Stop() override {
    stopped_ = true;
    std::lock_guard<std::mutex> lock(mutex_);
    for (CURLM* multi : running_) libcurl().multi_wakeup(multi);
  }

 private:
  using MultiHandle = std::unique_ptr<CURLM, CURLMcode (*)(CURLM*)>;

  // Runs the transfer to its end; nullopt when Stop() ended it first.
  std::optional<CURLcode> Perform(CURL* curl) {
    MultiHandle multi(libcurl().multi_init(), libcurl().multi_cleanup);
    if (!multi || libcurl().multi_add_handle(multi.get(), curl) != CURLM_OK)
      return CURLE_OUT_OF_MEMORY;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      running_.insert(multi.get());
    }
    int running = 1;
    CURLMcode multi_code = CURLM_OK;
    while (running > 0 && !stopped_ && multi_code == CURLM_OK) {
      multi_code = libcurl().multi_perform(multi.get(), &running);
      if (running > 0 && multi_code == CURLM_OK)
        multi_code = libcurl().multi_poll(multi.get(), nullptr, 0, 1000, nullptr);
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      running_.erase(multi.get());
    }
    const bool ended = running == 0 || !stopped_;
    const CURLcode code = multi_code == CURLM_OK ? DoneCode(multi.get()) : CURLE_OUT_OF_MEMORY;
    libcurl().multi_remove_handle(multi.get(), curl);
    if (!ended) return std::nullopt;
    return code;
  }

  // How the one transfer on `multi` ended.
  static CURLcode DoneCode(CURLM* multi) {
    int left = 0;
    while (CURLMsg* message = libcurl().multi_info_read(multi, &left))
      if (message->msg == CURLMSG_DONE) return message->data.result;
    return CURLE_OK;
  }

  std::atomic<bool> stopped_{false};
  std::mutex mutex_;
  std::set<CURLM*> running_;  // the transfers Stop() must wake
};

}  // namespace

std::unique_ptr<HttpClient> NewCurlHttpClient() { return std::make_unique<CurlHttpClient>(); }

Result<std::string> TrustedCertificatesPem(const std::string& system_bundle,
                                           const std::string& ca_file) {
  auto extra = ReadWholeFile(ca_file);
  if (!extra.ok())
    return Status::Error("feed.ca_file " + ca_file +
                         " cannot be read: " + extra.status().message());
  if (extra->find("CERTIFICATE-----") == std::string::npos)
    return Status::Error("feed.ca_file " + ca_file +
                         " holds no PEM certificate (no \"-----BEGIN CERTIFICATE-----\" line)");
  std::string pem;
  if (auto system = ReadWholeFile(system_bundle); system.ok()) pem = std::move(*system) + "\n";
  return pem + *extra + "\n";
}

}  // namespace foyer
