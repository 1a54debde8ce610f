// Intrinsics for arrays: States.Array, States.ArrayPartition, States.ArrayContains,
// States.ArrayRange, States.ArrayGetItem, States.ArrayLength, States.ArrayUnique.
#include <algorithm>
#include <cmath>
#include <limits>

#include "expr/intrinsics/intrinsic_registry.h"

namespace sfn::intrinsics {
namespace {

// "The array can contain a maximum of 1000 items" (States.ArrayRange).
constexpr long long kMaxRangeItems = 1000;

Result<Json> array(const std::vector<Json>& args) { return Json(args); }

Result<Json> array_partition(const std::vector<Json>& args) {
  const Json& items = args[0];
  long long size = java_round(args[1]);
  if (size <= 0) {
    return intrinsic_failure(
        "States.ArrayPartition",
        "the chunk size must be a positive integer, but was " + std::to_string(size));
  }
  Json out = Json::array();
  for (std::size_t i = 0; i < items.size(); i += static_cast<std::size_t>(size)) {
    Json chunk = Json::array();
    for (std::size_t j = i; j < std::min(items.size(), i + static_cast<std::size_t>(size)); ++j)
      chunk.push_back(items[j]);
    out.push_back(std::move(chunk));
  }
  return out;
}

Result<Json> array_contains(const std::vector<Json>& args) {
  const Json& items = args[0];
  return Json(std::find(items.begin(), items.end(), args[1]) != items.end());
}

// A non-negative 128-bit count in decimal (std::to_string stops at 64 bits).
std::string decimal(__int128 count) {
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(count % 10)));
    count /= 10;
  } while (count > 0);
  return digits;
}

Result<Json> array_range(const std::vector<Json>& args) {
  long long first = java_round(args[0]), last = java_round(args[1]), step = java_round(args[2]);
  if (step == 0) return intrinsic_failure("States.ArrayRange", "the step must not be 0");
  // In 128 bits: last - first of two longs, e.g. Long.MIN_VALUE to Long.MAX_VALUE, overflows 64.
  __int128 count = 0;
  if ((step > 0 && first <= last) || (step < 0 && first >= last)) {
    count = (static_cast<__int128>(last) - first) / step + 1;
  }
  if (count > kMaxRangeItems) {
    return intrinsic_failure(
        "States.ArrayRange",
        "the array cannot contain more than 1000 items, but would contain " + decimal(count));
  }
  Json out = Json::array();
  for (long long i = 0; i < count; ++i) out.push_back(first + i * step);
  return out;
}

Result<Json> array_get_item(const std::vector<Json>& args) {
  const Json& items = args[0];
  long long index = java_round(args[1]);
  if (index < 0 || index >= static_cast<long long>(items.size())) {
    return intrinsic_failure("States.ArrayGetItem", "index " + std::to_string(index) +
                                                        " is out of bounds for an array of size " +
                                                        std::to_string(items.size()));
  }
  return items[static_cast<std::size_t>(index)];
}

Result<Json> array_length(const std::vector<Json>& args) { return Json(args[0].size()); }

Result<Json> array_unique(const std::vector<Json>& args) {
  Json out = Json::array();
  for (const auto& item : args[0])
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
  return out;
}

}  // namespace

void register_array_functions(IntrinsicRegistry& r) {
  r.add({"States.Array", 0, std::nullopt, {ArgType::kAny}, false, array});
  r.add({"States.ArrayPartition",
         2,
         2,
         {ArgType::kArray, ArgType::kInteger},
         false,
         array_partition});
  r.add({"States.ArrayContains", 2, 2, {ArgType::kArray, ArgType::kAny}, false, array_contains});
  r.add({"States.ArrayRange", 3, 3, {ArgType::kInteger}, false, array_range});
  r.add({"States.ArrayGetItem", 2, 2, {ArgType::kArray, ArgType::kInteger}, false, array_get_item});
  r.add({"States.ArrayLength", 1, 1, {ArgType::kArray}, false, array_length});
  r.add({"States.ArrayUnique", 1, 1, {ArgType::kArray}, false, array_unique});
}

}  // namespace sfn::intrinsics
