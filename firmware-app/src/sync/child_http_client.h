// ChildHttpClient: an HttpClient that runs each fetch in a child process of
// its own, the fetch helper foyer-fetch (sync/fetch_main.cpp). The helper
// fetches with the real client (NewCurlHttpClient), hashes the body, answers
// through sync/fetch_protocol.h and ends.
//
// Why: libcurl brings OpenSSL, GnuTLS, Kerberos, LDAP and SSH with it, about
// 8 MiB of a process's memory once loaded (3 of it OpenSSL's), none of which
// is given back. A screen polls its feed for weeks; with the helper, its own
// process never holds them, and the helper's memory goes back to the system
// a moment after each poll.
//
// The answers and messages are the real client's, from the helper, plus its
// own when the helper fails:
//   "the fetch helper /usr/libexec/foyer/foyer-fetch ended with signal 9 before answering"
//   "the fetch helper gave no answer within feed.timeout (30 s) and 15 s more"
//   "cannot start the fetch helper /usr/libexec/foyer/foyer-fetch: No such file or directory"
// That last one fails only this fetch (a helper replaced by an upgrade at that
// very moment, no processes left); the next poll tries again. A helper built
// for another machine (ENOEXEC, or an emulated foyer's exec failing: exit 127
// without an answer) will never start: then this and every later fetch is
// done in this process, as before the helper existed, and a warning says so
// once: the schedule stays fresh at the cost of the memory. Stop() kills
// running helpers at once.
// Thread-safe, as HttpClient.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sync/http_client.h"

namespace foyer {

// How long a helper may take beyond feed.timeout: to start, load libcurl and
// write its answer. Then it is killed.
inline constexpr int kFetchHelperGraceSeconds = 15;

// Runs `command` for each fetch: the path of a foyer-fetch (FetchHelperPath()),
// after an emulator's when it is built for another machine (the tests').
// REQUIRES: command is not empty; command[0] is a path.
std::unique_ptr<HttpClient> NewChildHttpClient(std::vector<std::string> command,
                                               int grace_seconds = kFetchHelperGraceSeconds);

// The fetch helper of the running foyer: foyer-fetch beside its executable (a
// build tree), else the package's, in FOYER_LIBEXEC_DIR. Empty when neither is
// an executable file.
std::string FetchHelperPath();

// What the helper is called.
inline constexpr const char* kFetchHelperName = "foyer-fetch";

// Where the package installs it: FOYER_LIBEXEC_DIR/foyer-fetch.
std::string PackagedFetchHelperPath();

}  // namespace foyer
