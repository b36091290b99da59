// ScreenLink: a kiosk's link to its fleet's MQTT broker, on a thread of its
// own, so that the broker is never in the screen's way: whether it is down,
// unreachable, refuses the login or dies mid-event, the screen runs and polls
// as without it.
//
// Connected, it listens on <topic>/feed and on its screenshot requests (passed
// on at most once a second, those between merged: each costs a frame), and
// keeps <topic>/screens/<id>/status (retained) up to date: on connect, when
// told the status changed, and at least every status_every_seconds. Its will
// sets that status to {"id": …, "online": false}; so does a clean Stop. It
// reconnects with backoff and jitter (fleet/reconnect.h) and logs one line per
// change of its state, never one per retry.
//
// Thread safety: every public method is thread-safe. The handlers run on the
// link's thread and must not block.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "base/env.h"
#include "base/names.h"
#include "fleet/broker.h"
#include "fleet/mqtt.h"

namespace foyer {

enum class LinkState { kStarting, kConnected, kRefused, kUnreachable, kLost };
inline constexpr NameTable<LinkState, 5> kLinkStateNames{{{
    {LinkState::kStarting, "starting"},
    {LinkState::kConnected, "connected"},
    {LinkState::kRefused, "refused"},
    {LinkState::kUnreachable, "unreachable"},
    {LinkState::kLost, "lost"},
}}};

struct ScreenLinkOptions {
  BrokerLogin login;
  FleetTopics topics;
  std::string screen_id;
  int keepalive_seconds = 30;
  int status_every_seconds = 50;
  // An attempt the broker has not answered within this long is given up.
  int connect_timeout_seconds = 30;
};

struct ScreenLinkHandlers {
  std::function<void()> feed_changed;          // a message on <topic>/feed
  std::function<void()> screenshot_requested;  // a message on …/screenshot/request
  std::function<std::string()> status;         // the status JSON now; must be thread-safe
};

class ScreenLink {
 public:
  // Starts the link's thread, which connects at once. REQUIRES: env outlives this.
  ScreenLink(Env* env, ScreenLinkOptions options, ScreenLinkHandlers handlers);
  ~ScreenLink();  // Stop()
  ScreenLink(const ScreenLink&) = delete;
  ScreenLink& operator=(const ScreenLink&) = delete;

  // Marks the screen offline (when connected), disconnects and joins: returns
  // within about a second and a half.
  void Stop();
  // The status changed: it is published within about half a second when connected.
  void StatusChanged();
  // `encode` makes the PNG on the link's thread (not the caller's); it is
  // published to the screen's screenshot topic when connected. At most a few
  // wait; more are dropped.
  void SendScreenshot(std::function<std::string()> encode);
  LinkState state() const;

 private:
  void Run();
  // One connection: made, served until it ends or Stop.
  void Session();
  void Serve();
  void Work();
  // Passes a waiting screenshot request on, when the last was a second ago.
  void PassScreenshotRequest();
  void PublishStatus();
  void OnConnected(int code);
  void OnMessage(const MqttMessage& message);
  void SetState(LinkState state, const std::string& why);
  bool Stopping();
  void Goodbye();
  std::string Where() const;

  Env* env_;
  const ScreenLinkOptions options_;
  const ScreenLinkHandlers handlers_;
  std::unique_ptr<MqttClient> client_;       // the link's thread only
  bool accepted_ = false;                    // the link's thread only
  int acknowledged_mid_ = 0;                 // the link's thread only
  std::int64_t last_status_micros_ = 0;      // the link's thread only
  std::int64_t last_screenshot_micros_ = 0;  // the link's thread only
  bool screenshot_wanted_ = false;           // the link's thread only
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;                                 // guarded by mutex_
  bool status_changed_ = true;                            // guarded by mutex_
  std::deque<std::function<std::string()>> screenshots_;  // guarded by mutex_
  LinkState state_ = LinkState::kStarting;                // guarded by mutex_
  std::thread thread_;
};

// The will's and a stopped screen's status: {"id": …, "online": false}.
std::string OfflineStatus(const std::string& screen_id);

}  // namespace foyer
