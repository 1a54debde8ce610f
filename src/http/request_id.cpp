#include "http/request_id.h"

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace sfn::http {

std::string make_request_id() {
  // One generator per thread: random_generator is not thread-safe and is costly to seed.
  thread_local boost::uuids::random_generator generator;
  return boost::uuids::to_string(generator());
}

}  // namespace sfn::http
