#include "expr/jsonata/format_number.h"

#include "expr/jsonata/error.h"

namespace sfn::jsonata {

std::string format_number(double value, const std::string& picture, const Value& options) {
  throw_error("D3080", {}, {}, Value::string(picture));
}

}  // namespace sfn::jsonata
