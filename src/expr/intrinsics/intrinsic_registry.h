// The table of States.* functions: name -> arity, literal argument types, implementation.
// Each family file (array_functions.cpp, ...) adds its functions with
// register_<family>_functions(registry). Arity and literal types are checked at parse time.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sfn/common/result.h"
#include "sfn/expr/eval_context.h"

namespace sfn::intrinsics {

// A numeric argument as a long, the way Java's Math.round makes one (as AWS does): half values
// round towards positive infinity, values beyond a long saturate (Math.round(1e63) is
// Long.MAX_VALUE), NaN is 0.
long long java_round(const Json& number);

// The JSON type an argument must have. kInteger accepts numbers with an integral value.
enum class ArgType { kAny, kString, kNumber, kInteger, kBoolean, kArray, kObject };

struct FunctionSpec {
  std::string name;  // "States.Format"
  std::size_t min_args = 0;
  std::optional<std::size_t> max_args;  // nullopt = variadic
  std::vector<ArgType> arg_types;       // per position; the last one repeats for variadic tails
  // The first argument is a States.Format template: a literal arrives with its escapes kept.
  bool template_first_arg = false;
  // Evaluated arguments in, result or a States.IntrinsicFailure out.
  std::function<Result<Json>(const std::vector<Json>& args)> invoke;

  ArgType type_of(std::size_t index) const {
    if (arg_types.empty()) return ArgType::kAny;
    return index < arg_types.size() ? arg_types[index] : arg_types.back();
  }
};

// The States.* intrinsic functions by name.
class IntrinsicRegistry {
 public:
  void add(FunctionSpec spec);
  const FunctionSpec* find(std::string_view name) const;

  // The registry with every family registered; built once.
  static const IntrinsicRegistry& standard();

 private:
  std::map<std::string, FunctionSpec, std::less<>> functions_;
};

void register_array_functions(IntrinsicRegistry& registry);
void register_encoding_functions(IntrinsicRegistry& registry);
void register_hash_functions(IntrinsicRegistry& registry);
void register_json_functions(IntrinsicRegistry& registry);
void register_math_functions(IntrinsicRegistry& registry);
void register_string_functions(IntrinsicRegistry& registry);
void register_uuid_functions(IntrinsicRegistry& registry);
void register_generic_functions(IntrinsicRegistry& registry);

// Helpers shared by the families.
bool has_type(const Json& value, ArgType type);
const char* type_name(ArgType type);
tl::unexpected<StatesError> intrinsic_failure(const std::string& function,
                                              const std::string& detail);

}  // namespace sfn::intrinsics
