#include "http/session_registry.h"

#include <atomic>
#include <utility>
#include <vector>

#include "http/session.h"

namespace sfn::http {

void SessionRegistry::set_on_empty(std::function<void()> on_empty) {
  std::lock_guard lock(mutex_);
  on_empty_ = std::move(on_empty);
}

std::uint64_t SessionRegistry::add(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(mutex_);
  const std::uint64_t id = next_id_++;
  sessions_.emplace(id, session);
  return id;
}

void SessionRegistry::remove(std::uint64_t id) {
  std::function<void()> notify;
  {
    std::lock_guard lock(mutex_);
    sessions_.erase(id);
    if (sessions_.empty()) notify = on_empty_;
  }
  if (notify) notify();
}

std::size_t SessionRegistry::count() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

void SessionRegistry::close_all(bool force, std::function<void()> closed) {
  // Lock the sessions under the mutex but release them outside it: dropping the last reference
  // runs ~Session, which calls remove().
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, weak] : sessions_) {
      if (auto session = weak.lock()) open.push_back(std::move(session));
    }
  }
  if (open.empty()) {
    if (closed) closed();
    return;
  }
  std::function<void()> one_closed;
  if (closed) {
    auto remaining = std::make_shared<std::atomic<std::size_t>>(open.size());
    one_closed = [remaining, closed = std::move(closed)] {
      if (remaining->fetch_sub(1) == 1) closed();
    };
  }
  for (const auto& session : open) session->close(force, one_closed);
}

}  // namespace sfn::http
