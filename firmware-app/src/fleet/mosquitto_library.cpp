#include "fleet/mosquitto_library.h"

#include "base/shared_library.h"

namespace foyer {
namespace {

Result<const MosquittoLibrary*> Load() {
  auto library = SharedLibrary::Open("libmosquitto.so.1", "libmosquitto1");
  if (!library.ok()) return library.status();
  static MosquittoLibrary mosquitto;
  decltype(&mosquitto_lib_init) lib_init = nullptr;
  library->Bind(lib_init, "mosquitto_lib_init");
  library->Bind(mosquitto.connack_string, "mosquitto_connack_string");
  library->Bind(mosquitto.connect_async, "mosquitto_connect_async");
  library->Bind(mosquitto.connect_callback_set, "mosquitto_connect_callback_set");
  library->Bind(mosquitto.destroy, "mosquitto_destroy");
  library->Bind(mosquitto.disconnect, "mosquitto_disconnect");
  library->Bind(mosquitto.int_option, "mosquitto_int_option");
  library->Bind(mosquitto.loop, "mosquitto_loop");
  library->Bind(mosquitto.message_callback_set, "mosquitto_message_callback_set");
  library->Bind(mosquitto.new_client, "mosquitto_new");
  library->Bind(mosquitto.publish, "mosquitto_publish");
  library->Bind(mosquitto.publish_v5_callback_set, "mosquitto_publish_v5_callback_set");
  library->Bind(mosquitto.reason_string, "mosquitto_reason_string");
  library->Bind(mosquitto.strerror, "mosquitto_strerror");
  library->Bind(mosquitto.subscribe, "mosquitto_subscribe");
  library->Bind(mosquitto.subscribe_callback_set, "mosquitto_subscribe_callback_set");
  library->Bind(mosquitto.threaded_set, "mosquitto_threaded_set");
  library->Bind(mosquitto.tls_insecure_set, "mosquitto_tls_insecure_set");
  library->Bind(mosquitto.tls_opts_set, "mosquitto_tls_opts_set");
  library->Bind(mosquitto.tls_set, "mosquitto_tls_set");
  library->Bind(mosquitto.username_pw_set, "mosquitto_username_pw_set");
  library->Bind(mosquitto.will_set, "mosquitto_will_set");
  if (!library->status().ok()) return library->status();
  if (int code = lib_init(); code != MOSQ_ERR_SUCCESS)
    return Status::Error(std::string("cannot initialize libmosquitto: ") +
                         mosquitto.strerror(code));
  return &mosquitto;
}

}  // namespace

Result<const MosquittoLibrary*> LoadMosquitto() {
  static const Result<const MosquittoLibrary*> loaded = Load();
  return loaded;
}

}  // namespace foyer
