#include "fleet/organizer.h"

#include <unistd.h>

#include <chrono>
#include <random>

namespace foyer {

std::int64_t MonotonicMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Result<std::unique_ptr<OrganizerSession>> OrganizerSession::Open(const BrokerLogin& login,
                                                                 std::int64_t timeout_millis) {
  std::unique_ptr<OrganizerSession> session(new OrganizerSession());
  OrganizerSession* self = session.get();
  MqttHandlers handlers;
  handlers.connected = [self](int code) { self->connack_ = code; };
  handlers.published = [self](int mid, int reason) {
    self->acknowledged_mid_ = mid;
    self->acknowledged_reason_ = reason;
  };
  handlers.subscribed = [self](int mid) { self->subscribed_mid_ = mid; };
  handlers.message = [self](const MqttMessage& message) {
    self->messages_.push_back(message);
    self->last_message_millis_ = MonotonicMillis();
  };
  const std::string id = "foyer-feed-" + std::to_string(getpid()) + "-" +
                         std::to_string(std::random_device()() % 100000);
  auto client = MqttClient::Create(id, login, std::move(handlers), nullptr, MqttVersion::k5);
  if (!client.ok()) return client.status();
  session->client_ = std::move(*client);
  const std::string where = login.broker.host + ":" + std::to_string(login.broker.port);
  if (Status status = session->client_->Connect(30); !status.ok())
    return Status::Error("cannot reach the broker at " + where + ": " + status.message());
  const bool answered = session->RunUntil([self] { return self->connack_ >= 0; }, timeout_millis);
  if (!answered && session->lost_)
    return Status::Error("cannot reach the broker at " + where + ": " + session->why_lost_);
  if (!answered)
    return Status::Error("the broker at " + where + " did not answer within " +
                         std::to_string(timeout_millis / 1000) + " s");
  if (session->connack_ != 0)
    return Status::Error("the broker at " + where +
                         " refused the login: " + session->client_->RefusalText(session->connack_));
  return session;
}

OrganizerSession::~OrganizerSession() {
  if (client_ && connack_ == 0 && !lost_) {
    client_->Disconnect();
    client_->Loop(10);
  }
}

bool OrganizerSession::RunUntil(const std::function<bool()>& done, std::int64_t timeout_millis) {
  const std::int64_t deadline = MonotonicMillis() + timeout_millis;
  while (!done()) {
    const std::int64_t left = deadline - MonotonicMillis();
    if (left <= 0 || lost_) return false;
    Status status = client_->Loop(static_cast<int>(std::min<std::int64_t>(left, 100)));
    if (!status.ok()) lost_ = true, why_lost_ = status.message();
  }
  return true;
}

Status OrganizerSession::Publish(const std::string& topic, const std::string& payload, bool retain,
                                 std::int64_t timeout_millis) {
  auto mid = client_->Publish(topic, payload, 1, retain);
  if (!mid.ok()) return mid.status();
  if (!RunUntil([&] { return acknowledged_mid_ == *mid; }, timeout_millis))
    return Status::Error("the broker did not acknowledge the message to " + topic);
  if (acknowledged_reason_ >= 0x80)
    return Status::Error("the broker refused the message to " + topic + ": " +
                         client_->RefusalText(acknowledged_reason_) +
                         " (does the ACL let this account publish there?)");
  return Status::Ok();
}

Status OrganizerSession::Subscribe(const std::string& topic, std::int64_t timeout_millis) {
  auto mid = client_->Subscribe(topic, 1);
  if (!mid.ok()) return mid.status();
  if (!RunUntil([&] { return subscribed_mid_ == *mid; }, timeout_millis))
    return Status::Error("the broker did not acknowledge the subscription to " + topic);
  return Status::Ok();
}

std::vector<MqttMessage> OrganizerSession::TakeMessages() {
  std::vector<MqttMessage> taken = std::move(messages_);
  messages_.clear();
  return taken;
}

}  // namespace foyer
