#include "fleet/screen_link.h"

#include <nlohmann/json.hpp>

#include "base/log.h"
#include "fleet/reconnect.h"

namespace foyer {
namespace {

constexpr int kLoopMillis = 500;
constexpr std::size_t kMostWaitingScreenshots = 2;
// Screenshot requests are served at most this often (each costs the screen a
// frame); those that come sooner are merged into one served when it is time.
constexpr std::int64_t kScreenshotSpacingMicros = 1'000'000;

}  // namespace

std::string OfflineStatus(const std::string& screen_id) {
  return nlohmann::json{{"id", screen_id}, {"online", false}}.dump();
}

ScreenLink::ScreenLink(Env* env, ScreenLinkOptions options, ScreenLinkHandlers handlers)
    : env_(env),
      options_(std::move(options)),
      handlers_(std::move(handlers)),
      thread_([this] { Run(); }) {}

ScreenLink::~ScreenLink() { Stop(); }

void ScreenLink::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ScreenLink::StatusChanged() {
  std::lock_guard<std::mutex> lock(mutex_);
  status_changed_ = true;
}

void ScreenLink::SendScreenshot(std::function<std::string()> encode) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (screenshots_.size() < kMostWaitingScreenshots) screenshots_.push_back(std::move(encode));
}

LinkState ScreenLink::state() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return state_;
}

bool ScreenLink::Stopping() {
  std::lock_guard<std::mutex> lock(mutex_);
  return stopping_;
}

std::string ScreenLink::Where() const {
  const BrokerAddress& b = options_.login.broker;
  return std::string(kBrokerSchemeNames.Name(b.scheme)) + "://" + b.host + ":" +
         std::to_string(b.port);
}

void ScreenLink::SetState(LinkState state, const std::string& why) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (state_ == state) return;
    state_ = state;
  }
  switch (state) {
    case LinkState::kConnected:
      LogInfo("fleet: connected to " + Where() + " as " + options_.screen_id);
      break;
    case LinkState::kRefused:
      LogWarning("fleet: " + Where() + " refused the login (" + why +
                 "); the screen polls as usual and tries again with backoff");
      break;
    case LinkState::kUnreachable:
      LogWarning("fleet: cannot reach " + Where() + " (" + why +
                 "); the screen polls as usual and tries again with backoff");
      break;
    case LinkState::kLost:
      LogWarning("fleet: lost " + Where() + " (" + why + "); reconnecting with backoff");
      break;
    case LinkState::kStarting:
      break;
  }
}

void ScreenLink::Run() {
  int failures = 0;
  while (!Stopping()) {
    Session();
    if (Stopping()) break;
    failures = accepted_ ? 1 : failures + 1;
    const std::int64_t delay = ReconnectDelayMillis(failures, env_->Random());
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, std::chrono::milliseconds(delay), [this] { return stopping_; });
  }
}

void ScreenLink::Session() {
  accepted_ = false;
  MqttHandlers handlers;
  handlers.connected = [this](int code) { OnConnected(code); };
  handlers.message = [this](const MqttMessage& message) { OnMessage(message); };
  handlers.published = [this](int mid, int) { acknowledged_mid_ = mid; };
  const MqttWill will{options_.topics.Status(options_.screen_id),
                      OfflineStatus(options_.screen_id)};
  auto client = MqttClient::Create(options_.screen_id, options_.login, std::move(handlers), &will);
  if (!client.ok()) return SetState(LinkState::kUnreachable, client.status().message());
  client_ = std::move(*client);
  if (Status status = client_->Connect(options_.keepalive_seconds); !status.ok()) {
    client_.reset();
    return SetState(LinkState::kUnreachable, status.message());
  }
  Serve();
  client_.reset();
}

// Runs the connection until it ends, the broker does not answer in time, or Stop.
void ScreenLink::Serve() {
  const std::int64_t started = env_->MonotonicMicros();
  const std::int64_t answer_by = started + options_.connect_timeout_seconds * 1'000'000LL;
  Status status = Status::Ok();
  while (status.ok() && !Stopping()) {
    status = client_->Loop(kLoopMillis);
    if (!accepted_ && state() != LinkState::kRefused && env_->MonotonicMicros() > answer_by)
      status = Status::Error("no answer within " +
                             std::to_string(options_.connect_timeout_seconds) + " s");
    if (status.ok() && accepted_) Work();
  }
  if (Stopping()) return Goodbye();
  if (state() == LinkState::kRefused && !accepted_) return;
  SetState(accepted_ ? LinkState::kLost : LinkState::kUnreachable, status.message());
}

void ScreenLink::OnConnected(int code) {
  if (code != 0) return SetState(LinkState::kRefused, client_->RefusalText(code));
  accepted_ = true;
  SetState(LinkState::kConnected, "");
  client_->Subscribe(options_.topics.Feed(), 0);
  client_->Subscribe(options_.topics.ScreenshotRequest(options_.screen_id), 0);
  PublishStatus();
}

void ScreenLink::OnMessage(const MqttMessage& message) {
  // Any payload does; none is trusted or read.
  if (message.topic == options_.topics.Feed() && handlers_.feed_changed)
    handlers_.feed_changed();
  else if (message.topic == options_.topics.ScreenshotRequest(options_.screen_id) &&
           handlers_.screenshot_requested) {
    screenshot_wanted_ = true;
    PassScreenshotRequest();
  }
}

void ScreenLink::PassScreenshotRequest() {
  const std::int64_t now = env_->MonotonicMicros();
  if (!screenshot_wanted_ ||
      (last_screenshot_micros_ && now - last_screenshot_micros_ < kScreenshotSpacingMicros))
    return;
  screenshot_wanted_ = false;
  last_screenshot_micros_ = now;
  handlers_.screenshot_requested();
}

void ScreenLink::Work() {
  PassScreenshotRequest();
  bool changed = false;
  std::function<std::string()> screenshot;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    changed = status_changed_;
    if (!screenshots_.empty()) {
      screenshot = std::move(screenshots_.front());
      screenshots_.pop_front();
    }
  }
  const std::int64_t every = options_.status_every_seconds * 1'000'000LL;
  if (changed || env_->MonotonicMicros() - last_status_micros_ >= every) PublishStatus();
  if (screenshot) {
    std::string png = screenshot();
    if (!png.empty())
      client_->Publish(options_.topics.Screenshot(options_.screen_id), png, 0, false);
  }
}

void ScreenLink::PublishStatus() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    status_changed_ = false;
  }
  last_status_micros_ = env_->MonotonicMicros();
  if (!handlers_.status) return;
  client_->Publish(options_.topics.Status(options_.screen_id), handlers_.status(), 1, true);
}

// A clean stop: the screen says it is offline before it leaves.
void ScreenLink::Goodbye() {
  if (!accepted_) return;
  auto mid = client_->Publish(options_.topics.Status(options_.screen_id),
                              OfflineStatus(options_.screen_id), 1, true);
  // Until the broker has it (it keeps the retained copy), for at most a second.
  for (int i = 0; i < 10 && mid.ok() && acknowledged_mid_ != *mid; ++i)
    if (!client_->Loop(100).ok()) break;
  client_->Disconnect();
  client_->Loop(50);
}

}  // namespace foyer
