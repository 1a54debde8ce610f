// The internal error of the evaluator: thrown inside the engine, turned into the public
// sfn::jsonata::Error value at the Program boundary.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "expr/jsonata/value.h"
#include "sfn/expr/jsonata/program.h"

namespace sfn::jsonata {

struct JsonataException {
  std::string code;
  std::optional<std::size_t> position;
  std::optional<std::string> token;
  Value value;
  Value value2;
  std::optional<int> index;  // argument index for T04xx
  std::string message;       // explicit message ($error, $assert); otherwise from the table
  std::string type;          // array subtype for T0412
};

[[noreturn]] void throw_error(std::string code, std::optional<std::size_t> position = {},
                              std::optional<std::string> token = {}, Value value = {});

// Builds the public error: message text from jsonata-js' table with {{token}}/{{value}} filled in.
Error to_public_error(const JsonataException& e);

}  // namespace sfn::jsonata
