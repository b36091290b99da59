// Every TLS test of the real client again through the fetch helper
// (sync/child_http_client.h): feed.ca_file is read, and TLS verified, in the
// helper's process, with the same words.
#define FOYER_THROUGH_FETCH_HELPER
#include "sync/tls_test.cpp"  // NOLINT: the same tests, through the helper
