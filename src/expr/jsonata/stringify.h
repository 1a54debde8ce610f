// JSON.stringify as $string() applies it: numbers at 15 significant digits, functions as "".
#pragma once

#include <string>

#include "expr/jsonata/value.h"

namespace sfn::jsonata {

std::string stringify(const Value& value, bool pretty);
void append_json_string(std::string& out, const std::string& s);

}  // namespace sfn::jsonata
