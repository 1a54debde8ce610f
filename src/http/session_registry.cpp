#include "http/session_registry.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include "http/session.h"

namespace sfn::http {

void SessionRegistry::set_on_empty(std::function<void()> on_empty) {
  std::lock_guard lock(mutex_);
  on_empty_ = std::move(on_empty);
}

std::uint64_t SessionRegistry::add(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(mutex_);
  const std::uint64_t id = next_id_++;
  Entry entry;
  entry.session = session;
  sessions_.emplace(id, std::move(entry));
  return id;
}

void SessionRegistry::remove(std::uint64_t id) {
  std::function<void()> notify;
  {
    std::lock_guard lock(mutex_);
    if (auto it = sessions_.find(id); it != sessions_.end()) {
      if (it->second.evicting) --evicting_;
      sessions_.erase(it);
    }
    if (sessions_.empty()) notify = on_empty_;
  }
  if (notify) notify();
}

std::size_t SessionRegistry::count() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

void SessionRegistry::set_idle(std::uint64_t id, bool idle) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return;
  it->second.idle = idle;
  if (idle) it->second.idle_since = std::chrono::steady_clock::now();
}

void SessionRegistry::cancel_eviction(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end() || !it->second.evicting) return;
  it->second.evicting = false;
  --evicting_;
}

std::vector<std::shared_ptr<Session>> SessionRegistry::pick_idle_locked(std::size_t count) {
  std::vector<std::pair<std::chrono::steady_clock::time_point, std::uint64_t>> idle;
  for (const auto& [id, entry] : sessions_) {
    if (entry.idle && !entry.evicting) idle.emplace_back(entry.idle_since, id);
  }
  count = std::min(count, idle.size());
  std::partial_sort(idle.begin(), idle.begin() + static_cast<std::ptrdiff_t>(count), idle.end());
  std::vector<std::shared_ptr<Session>> picked;
  for (std::size_t i = 0; i < count; ++i) {
    Entry& entry = sessions_[idle[i].second];
    auto session = entry.session.lock();
    if (!session) continue;
    entry.evicting = true;
    ++evicting_;
    picked.push_back(std::move(session));
  }
  return picked;
}

bool SessionRegistry::admit(std::size_t cap) {
  std::vector<std::shared_ptr<Session>> victims;
  {
    std::lock_guard lock(mutex_);
    if (sessions_.size() - evicting_ < cap) return true;
    victims = pick_idle_locked(1);
  }
  // Outside the lock: dropping the last reference runs ~Session, which calls remove().
  for (const auto& victim : victims) victim->evict();
  return !victims.empty();
}

std::size_t SessionRegistry::evict_idle(std::size_t count) {
  std::vector<std::shared_ptr<Session>> victims;
  {
    std::lock_guard lock(mutex_);
    victims = pick_idle_locked(count);
  }
  for (const auto& victim : victims) victim->evict();
  return victims.size();
}

void SessionRegistry::close_all(bool force, std::function<void()> closed) {
  // Lock the sessions under the mutex but release them outside it: dropping the last reference
  // runs ~Session, which calls remove().
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, entry] : sessions_) {
      if (auto session = entry.session.lock()) open.push_back(std::move(session));
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
