// Linked into every unit test executable: spdlog's registry (a function-local static in the
// shared libspdlog) is created here, on the main thread before any test starts a thread, instead
// of by whichever server or engine thread logs first. Debian's libspdlog is not built with
// ThreadSanitizer, so TSan cannot see the guard of that static and would report the first log
// call of a second thread as a race (`make tsan`).
#include <spdlog/spdlog.h>

namespace {
const bool kRegistryCreated = spdlog::default_logger_raw() != nullptr;
}  // namespace
