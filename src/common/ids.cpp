#include "sfn/common/ids.h"

#include <cstdio>
#include <random>

namespace sfn {
namespace {

// One generator per thread, seeded with 256 bits from the system's random device (a single
// 32-bit seed would give two threads or processes the same ids once in ~65,000 pairs).
std::mt19937_64& rng() {
  thread_local std::mt19937_64 engine = [] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device(),
                       device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }();
  return engine;
}

}  // namespace

std::string make_uuid() {
  std::uint64_t a = rng()(), b = rng()();
  a = (a & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xffff),
                static_cast<unsigned>(b >> 48),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

std::string make_task_token() {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string token = "AQ";
  token.reserve(200);
  for (int i = 0; i < 170; ++i) token.push_back(kAlphabet[rng()() % 64]);
  return token;
}

}  // namespace sfn
