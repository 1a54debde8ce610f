// Cooperative cancellation for one execution's tree of branches and iterations. A scope owns
// the timers its coroutines wait on; cancelling a scope cancels its timers and its children.
// Strand-confined: every call happens on the execution's strand, so no locks.
#pragma once

#include <memory>
#include <set>
#include <vector>

#include "engine/net.h"

namespace sfn::engine {

class CancelScope : public std::enable_shared_from_this<CancelScope> {
 public:
  static std::shared_ptr<CancelScope> root() { return std::shared_ptr<CancelScope>(new CancelScope(nullptr)); }

  std::shared_ptr<CancelScope> child() {
    auto c = std::shared_ptr<CancelScope>(new CancelScope(shared_from_this()));
    children_.push_back(c);
    if (cancelled()) c->cancel();
    return c;
  }

  bool cancelled() const { return cancelled_ || (parent_ && parent_->cancelled()); }

  void cancel() {
    if (cancelled_) return;
    cancelled_ = true;
    for (auto* t : timers_) t->cancel();
    for (auto& w : children_)
      if (auto c = w.lock()) c->cancel();
  }

  void add(asio::steady_timer* t) { timers_.insert(t); }
  void remove(asio::steady_timer* t) { timers_.erase(t); }

 private:
  explicit CancelScope(std::shared_ptr<CancelScope> parent) : parent_(std::move(parent)) {}

  std::shared_ptr<CancelScope> parent_;
  bool cancelled_ = false;
  std::vector<std::weak_ptr<CancelScope>> children_;
  std::set<asio::steady_timer*> timers_;
};

// Registers a timer with a scope for the duration of a wait.
class ScopedTimer {
 public:
  ScopedTimer(CancelScope& scope, asio::steady_timer& timer) : scope_(scope), timer_(timer) {
    scope_.add(&timer_);
  }
  ~ScopedTimer() { scope_.remove(&timer_); }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  CancelScope& scope_;
  asio::steady_timer& timer_;
};

}  // namespace sfn::engine
