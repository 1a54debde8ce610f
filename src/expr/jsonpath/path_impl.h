// The immutable compiled form behind sfn::jsonpath::Path.
#pragma once

#include <string>

#include "expr/jsonpath/steps.h"

namespace sfn::jsonpath {

class PathImpl {
 public:
  std::string text;
  detail::ParsedPath parsed;
  bool definite = true;
  bool reference = true;
};

}  // namespace sfn::jsonpath
