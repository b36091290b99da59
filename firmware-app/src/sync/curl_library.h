// libcurl's functions that HttpClient (http_client.h) calls, bound when the
// first transfer starts (base/shared_library.h says why) rather than at exec.
// Only sync/ touches libcurl.
#pragma once

#include <curl/curl.h>

#include "base/status.h"

namespace foyer {

struct CurlLibrary {
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_multi_add_handle) multi_add_handle;
  decltype(&curl_multi_cleanup) multi_cleanup;
  decltype(&curl_multi_info_read) multi_info_read;
  decltype(&curl_multi_init) multi_init;
  decltype(&curl_multi_perform) multi_perform;
  decltype(&curl_multi_poll) multi_poll;
  decltype(&curl_multi_remove_handle) multi_remove_handle;
  decltype(&curl_multi_wakeup) multi_wakeup;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
};

// libcurl ("libcurl.so.4"), loaded and initialized (curl_global_init) the
// first time any thread asks; later calls answer the same. Fails, saying
// which package to install, when it cannot be loaded.
Result<const CurlLibrary*> LoadCurl();

}  // namespace foyer
