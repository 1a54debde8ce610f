// A Dispatcher for the server tests: answers at once with an echo of the request, or, for
// targets ending in ".Slow", keeps the callback until the test completes it (from any thread).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "sfn/api/dispatcher.h"

namespace sfn::http::testing {

class FakeDispatcher : public api::Dispatcher {
 public:
  void dispatch(api::ApiRequest request, api::ApiCallback done) override {
    const std::string target = request.target;
    {
      std::lock_guard lock(mutex_);
      received_.push_back(request);
      if (ends_with(target, ".Slow")) {
        pending_.push_back(std::move(done));
        changed_.notify_all();
        return;
      }
    }
    changed_.notify_all();
    if (ends_with(target, ".Throw")) throw std::runtime_error("boom");
    api::ApiResponse response;
    response.body = echo(request);
    done(response);
    if (ends_with(target, ".Twice")) done(response);
  }
  void start() override {}
  void shutdown() override {
    ++shutdowns;
    if (answer_pending_on_shutdown) complete_pending(R"({"shutdown":true})");
  }
  void set_mocks(std::shared_ptr<const integrations::MockConfig>) override {}

  static std::string echo(const api::ApiRequest& request) {
    return R"({"target":")" + request.target + R"(","size":)" +
           std::to_string(request.body.size()) + "}";
  }

  // Waits until `count` callbacks are pending.
  bool wait_pending(std::size_t count,
                    std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return pending_.size() >= count; });
  }

  // Completes every pending callback (outside the lock, on the calling thread).
  void complete_pending(const std::string& body) {
    std::vector<api::ApiCallback> pending;
    {
      std::lock_guard lock(mutex_);
      pending.swap(pending_);
    }
    for (auto& done : pending) done(api::ApiResponse{200, body});
  }

  std::vector<api::ApiRequest> received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

  std::atomic<int> shutdowns{0};
  bool answer_pending_on_shutdown = true;

 private:
  static bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<api::ApiRequest> received_;
  std::vector<api::ApiCallback> pending_;
};

}  // namespace sfn::http::testing
