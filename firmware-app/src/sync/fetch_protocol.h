// What the screen's process and the fetch helper (foyer-fetch,
// sync/child_http_client.h) say to each other: one HttpRequest down the
// helper's stdin, one Result<HttpResponse> back up its stdout. Each is a list
// of fields, "NAME LENGTH\n" followed by LENGTH bytes and "\n", so that any
// byte (a body, a message quoting a server) passes unchanged.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "sync/http_client.h"

namespace foyer {

std::string EncodeRequest(const HttpRequest& request);
// Fails, saying what is wrong, on anything EncodeRequest did not write.
Result<HttpRequest> DecodeRequest(std::string_view bytes);

// A response, or the error that stands in for one.
std::string EncodeResult(const Result<HttpResponse>& result);
// The response or error EncodeResult wrote. An error of its own, starting
// "the fetch helper's answer", when the bytes are not such an answer.
Result<HttpResponse> DecodeResult(std::string_view bytes);

}  // namespace foyer
