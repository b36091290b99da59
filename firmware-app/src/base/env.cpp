#include "base/env.h"

#include <chrono>
#include <mutex>
#include <random>
#include <thread>

namespace foyer {
namespace {

class SystemEnv : public Env {
 public:
  std::int64_t NowMicros() override {
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
  }
  std::int64_t MonotonicMicros() override {
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
  }
  void SleepForMicros(std::int64_t micros) override {
    std::this_thread::sleep_for(std::chrono::microseconds(micros));
  }
  std::uint64_t Random() override {
    std::lock_guard<std::mutex> lock(mutex_);
    return engine_();
  }

 private:
  std::mutex mutex_;
  std::mt19937_64 engine_{std::random_device{}()};
};

}  // namespace

Env* Env::Default() {
  static SystemEnv* env = new SystemEnv();
  return env;
}

}  // namespace foyer
