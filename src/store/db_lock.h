// An exclusive advisory lock (flock) on the database file, held for the life of the store, so
// that a second sfn-local on the same file refuses to start instead of resuming (and running
// again) the first one's executions. flock locks are separate from SQLite's own POSIX locks.
#pragma once

#include <string>

namespace sfn::store {

class DbLock {
 public:
  // Opens `path` (creating it) and locks it. Throws std::runtime_error with a message for the
  // operator when the file cannot be opened for writing or another process holds the lock.
  explicit DbLock(const std::string& path);
  ~DbLock();
  DbLock(const DbLock&) = delete;
  DbLock& operator=(const DbLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace sfn::store
