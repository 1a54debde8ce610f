// The open connections of a server: for shutdown (close them all) and for the connection cap
// (make room by closing the longest-idle one). Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace sfn::http {

class Session;

class SessionRegistry {
 public:
  // Called (outside the lock) whenever the last session is removed.
  void set_on_empty(std::function<void()> on_empty);

  // A new session counts as busy until it says it is idle.
  std::uint64_t add(const std::shared_ptr<Session>& session);
  void remove(std::uint64_t id);
  std::size_t count() const;

  // The session waits for a request (idle: it may be evicted) or handles one (busy).
  void set_idle(std::uint64_t id, bool idle);

  // Whether one more connection may be served while at most `cap` are open: yes when fewer
  // than `cap` are open (not counting those being evicted), or when an idle one could be
  // evicted to make room (the longest-idle one is closed); no when every one is busy.
  bool admit(std::size_t cap);

  // Closes up to `count` of the longest-idle sessions (e.g. when out of file descriptors).
  // Returns how many were asked to close.
  std::size_t evict_idle(std::size_t count);

  // A session chosen for eviction had become busy on its strand and stays open.
  void cancel_eviction(std::uint64_t id);

  // Asks every session to close: the idle ones only, or all when `force`. `closed` (optional)
  // runs once every session has carried the request out on its own strand.
  void close_all(bool force, std::function<void()> closed = {});

 private:
  struct Entry {
    std::weak_ptr<Session> session;
    bool idle = false;
    bool evicting = false;
    std::chrono::steady_clock::time_point idle_since;
  };

  // Under the lock: marks up to `count` longest-idle sessions as evicting and returns them.
  std::vector<std::shared_ptr<Session>> pick_idle_locked(std::size_t count);

  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::map<std::uint64_t, Entry> sessions_;
  std::size_t evicting_ = 0;  // entries with evicting set
  std::function<void()> on_empty_;
};

}  // namespace sfn::http
