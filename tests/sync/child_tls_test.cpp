// Every TLS test of the real client again through the fetch helper
// (sync/child_http_client.h): feed.ca_file is read, and TLS verified, in the
// helper's process, with the same words.
#include "support/process.h"
#include "sync/child_http_client.h"

#define CLIENT_TEST_PREFIX "through the fetch helper: "
namespace foyer {
namespace {
std::unique_ptr<HttpClient> NewClientUnderTest() {
  return NewChildHttpClient(testing::BinaryWords(kFetchHelperName));
}
}  // namespace
}  // namespace foyer

#include "sync/tls_test.cpp"  // NOLINT: the same tests, through the helper
