#include "sync/curl_library.h"

#include "base/shared_library.h"

namespace foyer {
namespace {

Result<const CurlLibrary*> Load() {
  auto library = SharedLibrary::Open("libcurl.so.4", "libcurl4");
  if (!library.ok()) return library.status();
  static CurlLibrary curl;
  decltype(&curl_global_init) global_init = nullptr;
  library->Bind(global_init, "curl_global_init");
  library->Bind(curl.easy_cleanup, "curl_easy_cleanup");
  library->Bind(curl.easy_getinfo, "curl_easy_getinfo");
  library->Bind(curl.easy_init, "curl_easy_init");
  library->Bind(curl.easy_setopt, "curl_easy_setopt");
  library->Bind(curl.easy_strerror, "curl_easy_strerror");
  library->Bind(curl.multi_add_handle, "curl_multi_add_handle");
  library->Bind(curl.multi_cleanup, "curl_multi_cleanup");
  library->Bind(curl.multi_info_read, "curl_multi_info_read");
  library->Bind(curl.multi_init, "curl_multi_init");
  library->Bind(curl.multi_perform, "curl_multi_perform");
  library->Bind(curl.multi_poll, "curl_multi_poll");
  library->Bind(curl.multi_remove_handle, "curl_multi_remove_handle");
  library->Bind(curl.multi_wakeup, "curl_multi_wakeup");
  library->Bind(curl.slist_append, "curl_slist_append");
  library->Bind(curl.slist_free_all, "curl_slist_free_all");
  if (!library->status().ok()) return library->status();
  if (CURLcode code = global_init(CURL_GLOBAL_DEFAULT); code != CURLE_OK)
    return Status::Error(std::string("cannot initialize libcurl: ") + curl.easy_strerror(code));
  return &curl;
}

}  // namespace

Result<const CurlLibrary*> LoadCurl() {
  static const Result<const CurlLibrary*> loaded = Load();
  return loaded;
}

}  // namespace foyer
