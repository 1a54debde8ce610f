// The open connections of a server, so shutdown can close them. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace sfn::http {

class Session;

class SessionRegistry {
 public:
  // Called (outside the lock) whenever the last session is removed.
  void set_on_empty(std::function<void()> on_empty);

  std::uint64_t add(const std::shared_ptr<Session>& session);
  void remove(std::uint64_t id);
  std::size_t count() const;

  // Asks every session to close: the idle ones only, or all when `force`. `closed` (optional)
  // runs once every session has carried the request out on its own strand.
  void close_all(bool force, std::function<void()> closed = {});

 private:
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, std::weak_ptr<Session>> sessions_;
  std::function<void()> on_empty_;
};

}  // namespace sfn::http
