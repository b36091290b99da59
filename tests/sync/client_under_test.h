// The HTTP client the shared client tests (http_client_test.cpp,
// tls_test.cpp) run against: the real one in this process, or, where the file
// including them defines FOYER_THROUGH_FETCH_HELPER first, the same one
// through the fetch helper (sync/child_http_client.h), which must answer every
// fault as it does. Each test's name says which.
#pragma once

#include <memory>

#include "support/process.h"
#include "sync/child_http_client.h"
#include "sync/http_client.h"

namespace foyer {
namespace {

#ifdef FOYER_THROUGH_FETCH_HELPER
#define CLIENT_TEST_PREFIX "through the fetch helper: "
std::unique_ptr<HttpClient> NewClientUnderTest() {
  return NewChildHttpClient(testing::BinaryWords(kFetchHelperName));
}
#else
#define CLIENT_TEST_PREFIX ""
std::unique_ptr<HttpClient> NewClientUnderTest() { return NewCurlHttpClient(); }
#endif

}  // namespace
}  // namespace foyer
