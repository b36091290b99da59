// foyer-fetch: the fetch helper (sync/child_http_client.h). foyer starts it
// for one fetch: it reads the request from stdin, fetches with libcurl, and
// writes the response, or why there is none, to stdout (sync/fetch_protocol.h).
// It exits 0 once it has answered, 2 when the request cannot be read, 64 when
// started by hand.
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <string>

#include "sync/fetch_protocol.h"
#include "sync/http_client.h"

namespace {

// A request holds a URL, validators, a token (at most 4 KiB) and a file
// name: anything larger is not foyer's.
constexpr std::size_t kMostRequestBytes = 1 << 20;

// All of stdin, or false when it is larger than kMostRequestBytes or fails.
bool ReadRequest(std::string& bytes) {
  char buffer[1 << 14];
  for (;;) {
    ssize_t got = read(0, buffer, sizeof buffer);
    if (got == 0) return true;
    if (got < 0) return false;
    bytes.append(buffer, static_cast<std::size_t>(got));
    if (bytes.size() > kMostRequestBytes) return false;
  }
}

bool WriteAll(const std::string& bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t done = write(1, bytes.data() + written, bytes.size() - written);
    if (done <= 0) return false;
    written += static_cast<std::size_t>(done);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 || isatty(0)) {
    std::fprintf(stderr,
                 "%s: foyer's fetch helper. foyer starts it for each fetch of its feed, with the "
                 "request on stdin; it is not meant to be run by hand.\n",
                 argv[0]);
    return 64;
  }
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // a foyer that dies takes its fetch with it
  std::string input;
  auto request = ReadRequest(input) ? foyer::DecodeRequest(input)
                                    : foyer::Result<foyer::HttpRequest>(foyer::Status::Error(
                                          "a request the fetch helper cannot read: too large"));
  foyer::Result<foyer::HttpResponse> response =
      request.ok() ? foyer::NewCurlHttpClient()->Fetch(*request)
                   : foyer::Result<foyer::HttpResponse>(request.status());
  if (!WriteAll(foyer::EncodeResult(response))) return 1;
  return request.ok() ? 0 : 2;
}
