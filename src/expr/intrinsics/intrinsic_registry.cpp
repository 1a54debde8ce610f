#include "expr/intrinsics/intrinsic_registry.h"

#include <cmath>
#include <limits>

#include "sfn/common/states_errors.h"

namespace sfn::intrinsics {

long long java_round(const Json& number) {
  if (number.is_number_unsigned())  // before is_number_integer, which is true for both
    return number.get<unsigned long long>() > 9223372036854775807ull
               ? std::numeric_limits<long long>::max()
               : static_cast<long long>(number.get<unsigned long long>());
  if (number.is_number_integer()) return number.get<long long>();
  const double rounded = std::floor(number.get<double>() + 0.5);
  if (std::isnan(rounded)) return 0;
  if (rounded >= 9223372036854775807.0) return std::numeric_limits<long long>::max();
  if (rounded <= -9223372036854775808.0) return std::numeric_limits<long long>::min();
  return static_cast<long long>(rounded);
}

void IntrinsicRegistry::add(FunctionSpec spec) {
  std::string name = spec.name;
  functions_.insert_or_assign(std::move(name), std::move(spec));
}

const FunctionSpec* IntrinsicRegistry::find(std::string_view name) const {
  auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : &it->second;
}

const IntrinsicRegistry& IntrinsicRegistry::standard() {
  static const IntrinsicRegistry registry = [] {
    IntrinsicRegistry r;
    register_array_functions(r);
    register_encoding_functions(r);
    register_hash_functions(r);
    register_json_functions(r);
    register_math_functions(r);
    register_string_functions(r);
    register_uuid_functions(r);
    register_generic_functions(r);
    return r;
  }();
  return registry;
}

bool has_type(const Json& value, ArgType type) {
  switch (type) {
    case ArgType::kAny:
      return true;
    case ArgType::kString:
      return value.is_string();
    case ArgType::kNumber:
      return value.is_number();
    case ArgType::kInteger:
      return value.is_number_integer() ||
             (value.is_number_float() && std::trunc(value.get<double>()) == value.get<double>());
    case ArgType::kBoolean:
      return value.is_boolean();
    case ArgType::kArray:
      return value.is_array();
    case ArgType::kObject:
      return value.is_object();
  }
  return false;
}

const char* type_name(ArgType type) {
  switch (type) {
    case ArgType::kAny:
      return "any";
    case ArgType::kString:
      return "string";
    case ArgType::kNumber:
      return "number";
    case ArgType::kInteger:
      return "integer";
    case ArgType::kBoolean:
      return "boolean";
    case ArgType::kArray:
      return "array";
    case ArgType::kObject:
      return "object";
  }
  return "any";
}

// The one place that words States.IntrinsicFailure causes.
tl::unexpected<StatesError> intrinsic_failure(const std::string& function,
                                              const std::string& detail) {
  return states_error(errors::kIntrinsicFailure,
                      "Invalid arguments in " + function + ": " + detail);
}

}  // namespace sfn::intrinsics
