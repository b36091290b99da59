// MqttClient: one libmosquitto connection (the only libmosquitto user), with
// the login, TLS and will of a BrokerLogin. Its owner runs the network I/O
// itself (Loop), so it decides when to reconnect and what to log.
//
// TLS is always verified: the broker's certificate against ca_file, or the
// system's CAs, and its host name. Protocol MQTT 3.1.1 (screens: what every
// broker speaks) or 5 (organizers: the broker says when it refuses a message).
//
// Thread safety: Loop, Connect and Disconnect on one thread (the owner's);
// Publish and Subscribe from any thread. The handlers run inside Loop.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "fleet/broker.h"

struct mosquitto;

namespace foyer {

struct MqttMessage {
  std::string topic;
  std::string payload;
  bool retained = false;
};

// What the broker says on its own initiative. Any may be empty.
struct MqttHandlers {
  // The broker answered the login: 0 accepted, else the CONNACK refusal code.
  std::function<void(int code)> connected;
  std::function<void(const MqttMessage& message)> message;
  // A QoS 1 publish was acknowledged (mid as Publish returned it); reason: the
  // MQTT 5 reason code (0x80 and above: refused, e.g. by the ACL), else 0.
  std::function<void(int mid, int reason)> published;
  // A subscription was acknowledged (mid as Subscribe returned it).
  std::function<void(int mid)> subscribed;
};

// A retained message the broker publishes for this client when it vanishes.
enum class MqttVersion { k311, k5 };

struct MqttWill {
  std::string topic;
  std::string payload;
};

class MqttClient {
 public:
  // A client that is not connected yet. Fails when libmosquitto refuses an
  // option (e.g. a CA file it cannot load); the message says which.
  static Result<std::unique_ptr<MqttClient>> Create(const std::string& client_id,
                                                    const BrokerLogin& login, MqttHandlers handlers,
                                                    const MqttWill* will = nullptr,
                                                    MqttVersion version = MqttVersion::k311);
  ~MqttClient();
  MqttClient(const MqttClient&) = delete;
  MqttClient& operator=(const MqttClient&) = delete;

  // Starts connecting without waiting for the broker (the login completes in
  // Loop). keepalive_seconds: the broker drops a silent client after 1.5 times that.
  Status Connect(int keepalive_seconds);
  // Network I/O for up to `millis`: sends, receives, runs the handlers. An
  // error when there is no connection (any more): the message says why.
  Status Loop(int millis);
  // Queues a message; returns its mid. qos 0 or 1.
  Result<int> Publish(const std::string& topic, const std::string& payload, int qos, bool retain);
  Result<int> Subscribe(const std::string& topic, int qos);
  // Says goodbye to the broker (no will is sent).
  void Disconnect();

  // Words for a CONNACK refusal or a reason code, e.g. "not authorised".
  std::string RefusalText(int code) const;

 private:
  MqttClient() = default;
  Status Configure(const BrokerLogin& login, const MqttWill* will);
  void SetCallbacks();

  mosquitto* handle_ = nullptr;
  BrokerLogin login_;
  MqttHandlers handlers_;
  MqttVersion version_ = MqttVersion::k311;
};

}  // namespace foyer
