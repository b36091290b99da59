// FaultServer: a small HTTP/1.1 server on 127.0.0.1 (a free port) that
// misbehaves on purpose, to test how the HTTP client copes with bad servers and
// bad networks. Each request path is scripted with a Behaviour: answer, hold
// the connection and never answer, drip the body, cut it short, stream an
// endless body, close at once, or send raw bytes in place of an answer. Every
// request is recorded (method, target, headers) so tests can check what the
// client sent.
//
// Each connection is served on its own thread and answered with
// "Connection: close". The destructor stops promptly: it wakes every waiting
// thread through a pipe, closes held connections and joins all threads, so a
// test can never hang on the server.
//
// Thread-safe: tests script and inspect from their thread while the server
// answers on its own.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "base/text.h"

namespace foyer::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct RecordedRequest {
  std::string method;
  std::string target;  // as sent: path and query
  std::string path;    // without the query
  Headers headers;     // as sent, in order

  // The value of header `name` (any case), or "" when it was not sent.
  std::string Header(std::string_view name) const {
    for (const auto& [key, value] : headers)
      if (EqualsNoCase(key, name)) return value;
    return "";
  }
  bool Has(std::string_view name) const {
    for (const auto& header : headers)
      if (EqualsNoCase(header.first, name)) return true;
    return false;
  }
};

struct Behaviour {
  enum class Kind {
    kAnswer,           // status, headers, body; a matching validator gets a 304
    kHold,             // read the request, never answer; hold on until either side goes
    kDrip,             // the full Content-Length, then the body one byte per drip_interval
    kCutShort,         // Content-Length: declared_length, only `body`, then close
    kCutShortChunked,  // a chunked body that stops in the middle of a chunk
    kEndlessChunked,   // a chunked body that never ends
    kEndlessLength,    // Content-Length: declared_length, streamed until the client goes
    kCloseAtOnce,      // read the request and close without a byte
    kRaw,              // send `body` as the whole answer, status line and headers its own
  };
  Kind kind = Kind::kAnswer;
  int status = 200;
  Headers headers;  // sent as they are, before Content-Length and Connection
  std::string body;
  std::string etag;           // sent as ETag; an If-None-Match holding it gets a 304
  std::string last_modified;  // sent as Last-Modified; an equal If-Modified-Since gets a 304
  std::chrono::milliseconds drip_interval{1000};
  std::uint64_t declared_length = 0;
};

inline Behaviour Answer(int status, std::string body, Headers headers = {}) {
  Behaviour behaviour;
  behaviour.status = status;
  behaviour.body = std::move(body);
  behaviour.headers = std::move(headers);
  return behaviour;
}

inline Behaviour Redirect(std::string location, int status = 302) {
  return Answer(status, "", {{"Location", std::move(location)}});
}

inline Behaviour Hold() {
  Behaviour behaviour;
  behaviour.kind = Behaviour::Kind::kHold;
  return behaviour;
}

inline Behaviour Drip(std::string body, std::chrono::milliseconds every) {
  Behaviour behaviour;
  behaviour.kind = Behaviour::Kind::kDrip;
  behaviour.body = std::move(body);
  behaviour.drip_interval = every;
  return behaviour;
}

inline Behaviour CutShort(std::string body, std::uint64_t declared_length) {
  Behaviour behaviour;
  behaviour.kind = Behaviour::Kind::kCutShort;
  behaviour.body = std::move(body);
  behaviour.declared_length = declared_length;
  return behaviour;
}

inline Behaviour CutShortChunked(std::string body) {
  Behaviour behaviour;
  behaviour.kind = Behaviour::Kind::kCutShortChunked;
  behaviour.body = std::move(body);
  return behaviour;
}

inline Behaviour EndlessChunked() {
  Behaviour behaviour;
  behaviour.kind = Behaviour::Kind::kEndlessChunked;
  return behaviour;
}

inline Behaviour EndlessLength(std::uint64_t declared_length) {
  Behaviour behaviour;
  behaviour.kind = Behaviour::Kind::kEndlessLength;
  behaviour.declared_length = declared_length;
  return behaviour;
}

// Bytes sent as they are, in place of an HTTP answer: a head with bytes that
// are not UTF-8, or no status line at all (HTTP/0.9, another protocol).
inline Behaviour RawAnswer(std::string bytes) {
  Behaviour behaviour;
  behaviour.kind = Behaviour::Kind::kRaw;
  behaviour.body = std::move(bytes);
  return behaviour;
}

inline Behaviour CloseAtOnce() {
  Behaviour behaviour;
  behaviour.kind = Behaviour::Kind::kCloseAtOnce;
  return behaviour;
}

// Compressed bodies without zlib: deflate streams made of stored (uncompressed)
// blocks are valid deflate (RFC 1951 §3.2.4); zlib (RFC 1950) and gzip
// (RFC 1952) wrap one with a header and a checksum.
inline std::string DeflateStored(std::string_view data) {
  std::string out;
  do {
    std::size_t length = std::min<std::size_t>(data.size(), 65535);
    bool last = length == data.size();
    out += static_cast<char>(last ? 1 : 0);  // BFINAL, BTYPE=00, padded to the byte
    out += static_cast<char>(length & 0xff);
    out += static_cast<char>(length >> 8);
    out += static_cast<char>(~length & 0xff);
    out += static_cast<char>((~length >> 8) & 0xff);
    out.append(data.substr(0, length));
    data.remove_prefix(length);
    if (last) break;
  } while (true);
  return out;
}

inline std::uint32_t Crc32(std::string_view data) {
  std::uint32_t crc = 0xffffffffu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

inline std::uint32_t Adler32(std::string_view data) {
  std::uint32_t a = 1, b = 0;
  for (unsigned char byte : data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

inline std::string ZlibStored(std::string_view data) {
  std::string out = "\x78\x01" + DeflateStored(data);
  std::uint32_t sum = Adler32(data);
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((sum >> shift) & 0xff);
  return out;
}

inline std::string GzipStored(std::string_view data) {
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
  out += DeflateStored(data);
  std::uint32_t crc = Crc32(data), size = static_cast<std::uint32_t>(data.size());
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((crc >> shift) & 0xff);
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((size >> shift) & 0xff);
  return out;
}

class FaultServer {
 public:
  FaultServer() {
    if (pipe2(stop_pipe_, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int yes = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;  // the kernel picks a free port
    socklen_t length = sizeof address;
    if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(listen_fd_, 64) != 0 ||
        getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      Close();
      throw std::runtime_error("the fault server cannot listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
    accept_thread_ = std::thread([this] { AcceptLoop(); });
  }

  ~FaultServer() {
    close(stop_pipe_[1]);  // every poll on stop_pipe_[0] now wakes up
    stop_pipe_[1] = -1;
    accept_thread_.join();
    std::vector<std::thread> connections;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      connections.swap(connections_);
    }
    for (std::thread& connection : connections) connection.join();
    Close();
  }

  FaultServer(const FaultServer&) = delete;
  FaultServer& operator=(const FaultServer&) = delete;

  int port() const { return port_; }
  // "http://127.0.0.1:PORT/path"; `path` starts with '/'.
  std::string Url(std::string_view path) const { return UrlOn("127.0.0.1", path); }
  // The same server under another host name, e.g. "localhost": another host to a client.
  std::string UrlOn(std::string_view host, std::string_view path) const {
    return "http://" + std::string(host) + ":" + std::to_string(port_) + std::string(path);
  }

  // Scripts `path` (without query); an unscripted path gets a 404.
  void On(const std::string& path, Behaviour behaviour) {
    std::lock_guard<std::mutex> lock(mutex_);
    behaviours_[path] = std::move(behaviour);
  }

  // prefix1 → prefix2 → … → prefix<hops+1>: `hops` redirects, then `last`.
  // Returns the first path.
  std::string RedirectChain(const std::string& prefix, int hops, Behaviour last) {
    for (int hop = 1; hop <= hops; ++hop)
      On(prefix + std::to_string(hop), Redirect(prefix + std::to_string(hop + 1)));
    On(prefix + std::to_string(hops + 1), std::move(last));
    return prefix + "1";
  }

  std::vector<RecordedRequest> Requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  std::vector<RecordedRequest> RequestsFor(std::string_view path) const {
    std::vector<RecordedRequest> found;
    for (RecordedRequest& request : Requests())
      if (request.path == path) found.push_back(std::move(request));
    return found;
  }

 private:
  enum class Wait { kReady, kTimeout, kStop };

  // Waits for `events` on `fd` (or only for the stop when fd < 0).
  Wait WaitFor(int fd, short events, int timeout_ms) const {
    pollfd fds[2] = {{stop_pipe_[0], POLLIN, 0}, {fd, events, 0}};
    int ready = poll(fds, fd >= 0 ? 2 : 1, timeout_ms);
    if (ready < 0 || fds[0].revents != 0) return Wait::kStop;
    return ready == 0 ? Wait::kTimeout : Wait::kReady;
  }

  bool SendAll(int fd, std::string_view bytes) const {
    while (!bytes.empty()) {
      if (WaitFor(fd, POLLOUT, -1) != Wait::kReady) return false;
      ssize_t sent = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  void AcceptLoop() {
    while (WaitFor(listen_fd_, POLLIN, -1) == Wait::kReady) {
      int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      std::lock_guard<std::mutex> lock(mutex_);
      connections_.emplace_back([this, fd] {
        Serve(fd);
        close(fd);
      });
    }
  }

  // Reads the request head; false when the client went or the server stops.
  bool ReadRequest(int fd, RecordedRequest& request) {
    std::string head;
    char buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos) {
      if (head.size() > 65536 || WaitFor(fd, POLLIN, 10000) != Wait::kReady) return false;
      ssize_t got = recv(fd, buffer, sizeof buffer, 0);
      if (got <= 0) return false;
      head.append(buffer, static_cast<std::size_t>(got));
    }
    head.resize(head.find("\r\n\r\n"));
    std::size_t line_end = head.find("\r\n");
    std::string request_line = head.substr(0, line_end);
    auto space = request_line.find(' ');
    request.method = request_line.substr(0, space);
    request.target = request_line.substr(space + 1, request_line.rfind(' ') - space - 1);
    request.path = request.target.substr(0, request.target.find('?'));
    while (line_end != std::string::npos) {
      std::size_t start = line_end + 2;
      line_end = head.find("\r\n", start);
      std::string line =
          head.substr(start, line_end == std::string::npos ? line_end : line_end - start);
      auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::size_t value = line.find_first_not_of(" \t", colon + 1);
      request.headers.emplace_back(line.substr(0, colon),
                                   value == std::string::npos ? "" : line.substr(value));
    }
    return true;
  }

  static std::string Reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 301:
        return "Moved Permanently";
      case 302:
        return "Found";
      case 304:
        return "Not Modified";
      case 307:
        return "Temporary Redirect";
      case 401:
        return "Unauthorized";
      case 404:
        return "Not Found";
      default:
        return "Status";
    }
  }

  static std::string Head(int status, const Headers& headers) {
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + Reason(status) + "\r\n";
    for (const auto& [name, value] : headers) head += name + ": " + value + "\r\n";
    return head + "Connection: close\r\n";
  }

  // True when the request's validators match: the answer is then a 304.
  static bool NotModified(const RecordedRequest& request, const Behaviour& behaviour) {
    std::string if_none_match = request.Header("If-None-Match");
    if (!behaviour.etag.empty() && !if_none_match.empty())
      return if_none_match == "*" || if_none_match.find(behaviour.etag) != std::string::npos;
    return !behaviour.last_modified.empty() &&
           request.Header("If-Modified-Since") == behaviour.last_modified;
  }

  // Closes our side, then waits (briefly) for the client to close its own, so
  // the client sees a clean end of stream instead of a reset.
  void CloseGently(int fd) const {
    shutdown(fd, SHUT_WR);
    char buffer[4096];
    while (WaitFor(fd, POLLIN, 2000) == Wait::kReady && recv(fd, buffer, sizeof buffer, 0) > 0) {
    }
  }

  void Serve(int fd) {
    RecordedRequest request;
    if (!ReadRequest(fd, request)) return;
    Behaviour behaviour = Answer(404, "no such path on the fault server\n");
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push_back(request);
      auto found = behaviours_.find(request.path);
      if (found != behaviours_.end()) behaviour = found->second;
    }
    Headers headers = behaviour.headers;
    if (!behaviour.etag.empty()) headers.emplace_back("ETag", behaviour.etag);
    if (!behaviour.last_modified.empty())
      headers.emplace_back("Last-Modified", behaviour.last_modified);
    const std::string body = request.method == "HEAD" ? "" : behaviour.body;

    switch (behaviour.kind) {
      case Behaviour::Kind::kAnswer:
        if (NotModified(request, behaviour)) {
          SendAll(fd, Head(304, headers) + "\r\n");
        } else {
          SendAll(fd, Head(behaviour.status, headers) + "Content-Length: " +
                          std::to_string(behaviour.body.size()) + "\r\n\r\n" + body);
        }
        CloseGently(fd);
        return;
      case Behaviour::Kind::kHold: {
        char buffer[4096];
        while (WaitFor(fd, POLLIN, -1) == Wait::kReady && recv(fd, buffer, sizeof buffer, 0) > 0) {
        }
        return;
      }
      case Behaviour::Kind::kDrip:
        if (!SendAll(fd, Head(behaviour.status, headers) +
                             "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n"))
          return;
        for (char byte : body) {
          if (WaitFor(-1, 0, static_cast<int>(behaviour.drip_interval.count())) != Wait::kTimeout)
            return;
          if (!SendAll(fd, std::string_view(&byte, 1))) return;
        }
        CloseGently(fd);
        return;
      case Behaviour::Kind::kCutShort:
        if (SendAll(fd, Head(behaviour.status, headers) + "Content-Length: " +
                            std::to_string(behaviour.declared_length) + "\r\n\r\n" + body))
          CloseGently(fd);
        return;
      case Behaviour::Kind::kCutShortChunked: {
        char size[32];
        std::snprintf(size, sizeof size, "%zx\r\n", body.size() * 2);  // promises twice as much
        if (SendAll(fd, Head(behaviour.status, headers) + "Transfer-Encoding: chunked\r\n\r\n" +
                            size + body))
          CloseGently(fd);
        return;
      }
      case Behaviour::Kind::kEndlessChunked: {
        if (!SendAll(fd, Head(behaviour.status, headers) + "Transfer-Encoding: chunked\r\n\r\n"))
          return;
        const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
        while (SendAll(fd, chunk)) {
        }
        return;
      }
      case Behaviour::Kind::kEndlessLength: {
        if (!SendAll(fd, Head(behaviour.status, headers) + "Content-Length: " +
                             std::to_string(behaviour.declared_length) + "\r\n\r\n"))
          return;
        const std::string block(0x10000, 'x');
        for (std::uint64_t sent = 0; sent < behaviour.declared_length; sent += block.size()) {
          std::size_t length = static_cast<std::size_t>(
              std::min<std::uint64_t>(block.size(), behaviour.declared_length - sent));
          if (!SendAll(fd, std::string_view(block).substr(0, length))) return;
        }
        CloseGently(fd);
        return;
      }
      case Behaviour::Kind::kCloseAtOnce:
        return;
      case Behaviour::Kind::kRaw:
        if (SendAll(fd, behaviour.body)) CloseGently(fd);
        return;
    }
  }

  void Close() {
    for (int* fd : {&listen_fd_, &stop_pipe_[0], &stop_pipe_[1]})
      if (*fd >= 0) {
        close(*fd);
        *fd = -1;
      }
  }

  int listen_fd_ = -1;
  int stop_pipe_[2] = {-1, -1};
  int port_ = 0;
  std::thread accept_thread_;
  mutable std::mutex mutex_;
  std::map<std::string, Behaviour> behaviours_;
  std::vector<RecordedRequest> requests_;
  std::vector<std::thread> connections_;
};

}  // namespace foyer::testing
