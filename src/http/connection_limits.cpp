// The default connection cap, from the open files limit (see server.h).
#include <sys/resource.h>

#include <algorithm>
#include <limits>

#include "sfn/http/server.h"

namespace sfn::http {
namespace {

// Descriptors kept free for the database, the event loop and outbound connections.
constexpr std::uint64_t kReservedFiles = 64;
constexpr std::size_t kDefaultMaxConnections = 1000;

}  // namespace

std::size_t default_max_connections(std::uint64_t open_files) {
  if (open_files <= 2 * kReservedFiles) return std::max<std::size_t>(1, open_files / 2);
  return static_cast<std::size_t>(
      std::min<std::uint64_t>(kDefaultMaxConnections, open_files - kReservedFiles));
}

std::uint64_t open_files_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
    return std::numeric_limits<std::uint64_t>::max();
  }
  return static_cast<std::uint64_t>(limit.rlim_cur);
}

}  // namespace sfn::http
