#include "fleet/mqtt.h"

#include <cerrno>
#include <cstring>
#include <mutex>

#include "fleet/mosquitto_library.h"

namespace foyer {
namespace {

// REQUIRES: LoadMosquitto() succeeded (Create checks it first, and every
// other call needs a client).
const MosquittoLibrary& libmosquitto() { return **LoadMosquitto(); }

std::string ErrorText(int code) {
  if (code == MOSQ_ERR_ERRNO) return std::strerror(errno);
  return libmosquitto().strerror(code);
}

MqttClient& Self(void* user) { return *static_cast<MqttClient*>(user); }

}  // namespace

Result<std::unique_ptr<MqttClient>> MqttClient::Create(const std::string& client_id,
                                                       const BrokerLogin& login,
                                                       MqttHandlers handlers, const MqttWill* will,
                                                       MqttVersion version) {
  if (auto library = LoadMosquitto(); !library.ok()) return library.status();
  std::unique_ptr<MqttClient> client(new MqttClient());
  client->handlers_ = std::move(handlers);
  client->login_ = login;
  client->version_ = version;
  client->handle_ = libmosquitto().new_client(client_id.c_str(), true, client.get());
  if (!client->handle_)
    return Status::Error("cannot make an MQTT client: " + ErrorText(MOSQ_ERR_ERRNO));
  if (Status status = client->Configure(login, will); !status.ok()) return status;
  return client;
}

Status MqttClient::Configure(const BrokerLogin& login, const MqttWill* will) {
  libmosquitto().threaded_set(handle_, true);
  if (version_ == MqttVersion::k5)
    libmosquitto().int_option(handle_, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
  if (!login.username.empty() &&
      libmosquitto().username_pw_set(handle_, login.username.c_str(),
                                     login.password.empty() ? nullptr : login.password.c_str()) !=
          MOSQ_ERR_SUCCESS)
    return Status::Error("cannot set the MQTT login");
  if (login.broker.tls()) {
    const char* ca_file = login.ca_file.empty() ? nullptr : login.ca_file.c_str();
    const char* ca_path = login.ca_file.empty() ? "/etc/ssl/certs" : nullptr;
    if (int rc = libmosquitto().tls_set(handle_, ca_file, ca_path, nullptr, nullptr, nullptr); rc)
      return Status::Error("cannot use the CA " + std::string(ca_file ? ca_file : ca_path) +
                           " for TLS: " + ErrorText(rc));
    libmosquitto().tls_opts_set(handle_, 1 /* SSL_VERIFY_PEER */, nullptr, nullptr);
    libmosquitto().tls_insecure_set(handle_, false);  // the host name is checked too
  }
  if (will &&
      libmosquitto().will_set(handle_, will->topic.c_str(), static_cast<int>(will->payload.size()),
                              will->payload.data(), 1, true) != MOSQ_ERR_SUCCESS)
    return Status::Error("cannot set the MQTT will on " + will->topic);
  SetCallbacks();
  return Status::Ok();
}

void MqttClient::SetCallbacks() {
  libmosquitto().connect_callback_set(handle_, [](mosquitto*, void* user, int code) {
    if (Self(user).handlers_.connected) Self(user).handlers_.connected(code);
  });
  libmosquitto().message_callback_set(
      handle_, [](mosquitto*, void* user, const mosquitto_message* m) {
        if (!Self(user).handlers_.message) return;
        MqttMessage message{m->topic ? m->topic : "",
                            std::string(static_cast<const char*>(m->payload), m->payloadlen),
                            m->retain};
        Self(user).handlers_.message(message);
      });
  libmosquitto().publish_v5_callback_set(
      handle_, [](mosquitto*, void* user, int mid, int reason, const mosquitto_property*) {
        if (Self(user).handlers_.published) Self(user).handlers_.published(mid, reason);
      });
  libmosquitto().subscribe_callback_set(handle_,
                                        [](mosquitto*, void* user, int mid, int, const int*) {
                                          if (Self(user).handlers_.subscribed)
                                            Self(user).handlers_.subscribed(mid);
                                        });
}

MqttClient::~MqttClient() {
  if (handle_) libmosquitto().destroy(handle_);
}

Status MqttClient::Connect(int keepalive_seconds) {
  int rc = libmosquitto().connect_async(handle_, login_.broker.host.c_str(), login_.broker.port,
                                        keepalive_seconds);
  if (rc != MOSQ_ERR_SUCCESS) return Status::Error(ErrorText(rc));
  return Status::Ok();
}

Status MqttClient::Loop(int millis) {
  int rc = libmosquitto().loop(handle_, millis, 1);
  if (rc != MOSQ_ERR_SUCCESS) return Status::Error(ErrorText(rc));
  return Status::Ok();
}

Result<int> MqttClient::Publish(const std::string& topic, const std::string& payload, int qos,
                                bool retain) {
  int mid = 0;
  int rc = libmosquitto().publish(handle_, &mid, topic.c_str(), static_cast<int>(payload.size()),
                                  payload.data(), qos, retain);
  if (rc != MOSQ_ERR_SUCCESS)
    return Status::Error("cannot publish to " + topic + ": " + ErrorText(rc));
  return mid;
}

Result<int> MqttClient::Subscribe(const std::string& topic, int qos) {
  int mid = 0;
  int rc = libmosquitto().subscribe(handle_, &mid, topic.c_str(), qos);
  if (rc != MOSQ_ERR_SUCCESS)
    return Status::Error("cannot subscribe to " + topic + ": " + ErrorText(rc));
  return mid;
}

void MqttClient::Disconnect() { libmosquitto().disconnect(handle_); }

std::string MqttClient::RefusalText(int code) const {
  return version_ == MqttVersion::k5 ? libmosquitto().reason_string(code)
                                     : libmosquitto().connack_string(code);
}

}  // namespace foyer
