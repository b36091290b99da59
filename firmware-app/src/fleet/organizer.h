// An organizer's short session with the fleet's broker, for foyer-feed:
// connect, do one thing, wait for the broker's answer within a deadline,
// leave. MQTT 5, so that a message the ACL refuses is an error, not a silent
// drop. Every wait is bounded; the messages say what failed (unreachable,
// refused login, no answer in time). Single-threaded.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "fleet/broker.h"
#include "fleet/mqtt.h"

namespace foyer {

class OrganizerSession {
 public:
  // Connected and accepted within timeout_millis, or why not.
  static Result<std::unique_ptr<OrganizerSession>> Open(const BrokerLogin& login,
                                                        std::int64_t timeout_millis);
  ~OrganizerSession();

  // Publishes at QoS 1 and waits for the broker's acknowledgement.
  Status Publish(const std::string& topic, const std::string& payload, bool retain,
                 std::int64_t timeout_millis);
  // Subscribes and waits for the broker's acknowledgement.
  Status Subscribe(const std::string& topic, std::int64_t timeout_millis);
  // Runs the network until done() or timeout_millis passed; false on timeout
  // or a lost connection.
  bool RunUntil(const std::function<bool()>& done, std::int64_t timeout_millis);
  // Every message received so far, oldest first (then cleared).
  std::vector<MqttMessage> TakeMessages();
  // Monotonic milliseconds of the last message received (0: none).
  std::int64_t last_message_millis() const { return last_message_millis_; }

 private:
  OrganizerSession() = default;

  std::unique_ptr<MqttClient> client_;
  int connack_ = -1;  // -1: no answer yet
  int acknowledged_mid_ = -1;
  int acknowledged_reason_ = 0;
  int subscribed_mid_ = -1;
  bool lost_ = false;
  std::string why_lost_;
  std::int64_t last_message_millis_ = 0;
  std::vector<MqttMessage> messages_;
};

// Monotonic milliseconds now.
std::int64_t MonotonicMillis();

}  // namespace foyer
