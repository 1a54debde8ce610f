// JavaScript's Number.prototype.toString (shortest round-trip digits, JS exponent rules).
#pragma once

#include <string>

namespace sfn::jsonata {

std::string js_number_to_string(double d);
// Number(d.toPrecision(15)): what $string and string concatenation apply to numbers.
double round_to_precision_15(double d);

}  // namespace sfn::jsonata
