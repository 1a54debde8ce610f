// Awaits api::Dispatcher::dispatch without blocking a thread. The dispatcher may complete
// inline, later, or from another thread; the completion is posted back to the awaiting
// coroutine's executor (its strand). Outstanding work is tracked so the io_context keeps
// running while a long poll is pending.
#pragma once

#include <spdlog/spdlog.h>

#include <atomic>
#include <exception>
#include <memory>
#include <utility>

#include "http/beast.h"
#include "sfn/api/dispatcher.h"
#include "sfn/http/error_response.h"

namespace sfn::http {

template <typename Handler>
class PendingDispatch {
 public:
  PendingDispatch(Handler handler)
      : work_(asio::make_work_guard(asio::get_associated_executor(handler))),
        handler_(std::move(handler)) {}

  // Thread-safe; only the first call has an effect ("completes exactly once").
  static void complete(const std::shared_ptr<PendingDispatch>& self, api::ApiResponse response) {
    if (self->done_.exchange(true)) {
      spdlog::warn("http: dispatcher completed a request twice; ignoring the second answer");
      return;
    }
    auto executor = self->work_.get_executor();
    asio::post(executor, [self, response = std::move(response)]() mutable {
      auto handler = std::move(self->handler_);
      self->work_.reset();
      std::move(handler)(std::move(response));
    });
  }

 private:
  asio::executor_work_guard<asio::associated_executor_t<Handler>> work_;
  Handler handler_;
  std::atomic<bool> done_{false};
};

template <typename CompletionToken = asio::use_awaitable_t<>>
auto async_dispatch(api::Dispatcher& dispatcher, api::ApiRequest request,
                    CompletionToken&& token = {}) {
  return asio::async_initiate<CompletionToken, void(api::ApiResponse)>(
      [&dispatcher](auto handler, api::ApiRequest request) {
        using Pending = PendingDispatch<decltype(handler)>;
        auto pending = std::make_shared<Pending>(std::move(handler));
        try {
          dispatcher.dispatch(std::move(request), [pending](api::ApiResponse response) {
            Pending::complete(pending, std::move(response));
          });
        } catch (const std::exception& e) {
          spdlog::error("http: dispatcher threw: {}", e.what());
          Response failure = internal_error();
          Pending::complete(pending, api::ApiResponse{failure.status, std::move(failure.body),
                                                      std::move(failure.content_type)});
        }
      },
      token, std::move(request));
}

}  // namespace sfn::http
