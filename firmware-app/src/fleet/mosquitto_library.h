// libmosquitto's functions that MqttClient (mqtt.h) calls, bound when the
// first client is made (base/shared_library.h says why) rather than at exec.
// Only fleet/ touches libmosquitto.
#pragma once

#include <mosquitto.h>

#include "base/status.h"

namespace foyer {

struct MosquittoLibrary {
  decltype(&mosquitto_connack_string) connack_string;
  decltype(&mosquitto_connect_async) connect_async;
  decltype(&mosquitto_connect_callback_set) connect_callback_set;
  decltype(&mosquitto_destroy) destroy;
  decltype(&mosquitto_disconnect) disconnect;
  decltype(&mosquitto_int_option) int_option;
  decltype(&mosquitto_loop) loop;
  decltype(&mosquitto_message_callback_set) message_callback_set;
  decltype(&mosquitto_new) new_client;
  decltype(&mosquitto_publish) publish;
  decltype(&mosquitto_publish_v5_callback_set) publish_v5_callback_set;
  decltype(&mosquitto_reason_string) reason_string;
  decltype(&mosquitto_strerror) strerror;
  decltype(&mosquitto_subscribe) subscribe;
  decltype(&mosquitto_subscribe_callback_set) subscribe_callback_set;
  decltype(&mosquitto_threaded_set) threaded_set;
  decltype(&mosquitto_tls_insecure_set) tls_insecure_set;
  decltype(&mosquitto_tls_opts_set) tls_opts_set;
  decltype(&mosquitto_tls_set) tls_set;
  decltype(&mosquitto_username_pw_set) username_pw_set;
  decltype(&mosquitto_will_set) will_set;
};

// libmosquitto ("libmosquitto.so.1"), loaded and initialized
// (mosquitto_lib_init) the first time any thread asks; later calls answer the
// same. Fails, saying which package to install, when it cannot be loaded.
Result<const MosquittoLibrary*> LoadMosquitto();

}  // namespace foyer
