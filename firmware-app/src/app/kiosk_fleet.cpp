#include "app/kiosk_fleet.h"

#include "base/log.h"

namespace foyer {
namespace {

ScreenLinkOptions LinkOptionsFor(const Config::Fleet& fleet) {
  ScreenLinkOptions options;
  options.login.broker = fleet.broker;
  options.login.username = fleet.username;
  options.login.ca_file = fleet.ca_file;
  if (!fleet.password_file.empty()) {
    auto password = ReadPasswordFile(fleet.password_file);
    if (password.ok())
      options.login.password = std::move(*password);
    else
      LogWarning("fleet: fleet.password_file " + fleet.password_file + " " +
                 password.status().message());
  }
  options.topics.prefix = fleet.topic;
  options.screen_id = fleet.screen_id;
  return options;
}

}  // namespace

std::unique_ptr<KioskFleet> KioskFleet::Start(const Config& config, Env* clock, Env* real,
                                              std::function<void()> feed_changed,
                                              std::function<void()> wake_ui) {
  if (!config.fleet.enabled) return nullptr;
  std::unique_ptr<KioskFleet> fleet(new KioskFleet(config.fleet.screen_id, clock, real));
  KioskFleet* self = fleet.get();
  ScreenLinkHandlers handlers;
  handlers.feed_changed = std::move(feed_changed);
  handlers.screenshot_requested = [self, wake_ui = std::move(wake_ui)] {
    self->screenshot_requested_ = true;
    wake_ui();
  };
  handlers.status = [self] { return self->status_.Json(); };
  fleet->link_ =
      std::make_unique<ScreenLink>(real, LinkOptionsFor(config.fleet), std::move(handlers));
  return fleet;
}

KioskFleet::~KioskFleet() { Stop(); }

void KioskFleet::Stop() {
  if (link_) link_->Stop();
}

void KioskFleet::Report(const ScreenPlan& plan, const ScreenMoment& moment) {
  if (status_.SetShown(ShownStatus(plan, moment))) link_->StatusChanged();
}

void KioskFleet::SendScreenshot(Picture picture) {
  // The picture moves to the link's thread, which encodes it there.
  auto shared = std::make_shared<Picture>(std::move(picture));
  link_->SendScreenshot([shared]() -> std::string {
    auto png = EncodePngFast(*shared);
    if (!png.ok()) LogWarning("fleet: screenshot: " + png.status().message());
    return png.ok() ? std::move(*png) : std::string();
  });
}

}  // namespace foyer
