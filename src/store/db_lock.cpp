#include "store/db_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace sfn::store {

DbLock::DbLock(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    const int err = errno;
    throw std::runtime_error("cannot open database '" + path + "' for writing: " +
                             std::strerror(err) +
                             (err == EACCES || err == EROFS
                                  ? " (sfn-local needs a writable database file and directory)"
                                  : ""));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK)
      throw std::runtime_error("database '" + path +
                               "' is in use by another sfn-local process; stop it or choose "
                               "another file with --db");
    throw std::runtime_error("cannot lock database '" + path + "': " + std::strerror(err));
  }
}

DbLock::~DbLock() {
  // Closing the descriptor releases the lock. SQLite has closed its own connection by now: a
  // close() of any descriptor of the file would drop SQLite's POSIX locks otherwise.
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace sfn::store
