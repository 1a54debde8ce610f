// Shared pieces of the date/time picture formatter and parser.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "expr/jsonata/integer_picture.h"

namespace sfn::jsonata::datetime_detail {

constexpr double kDay = 86400000.0;
extern const char* const kDays[];
extern const char* const kMonths[];

struct Marker {
  bool literal = false;
  std::string value;  // literal text
  char component = 0;
  std::string presentation1, presentation2;
  bool has_min = false, has_max = false;
  int min = 0, max = 0;
  enum class Names { None, Lower, Upper, Title } names = Names::None;
  bool has_integer = false;
  IntegerFormat integer;
  int n = -1;
};

struct Parts {
  std::int64_t year;
  unsigned month;  // 1-12
  unsigned day;
  int hours, minutes, seconds, millis;
  unsigned weekday;  // 0 = Sunday
  double time;       // epoch millis
};

std::vector<Marker> analyse(const std::string& picture);
Parts decompose(double ms);
double utc(std::int64_t year, int month0);
double fragment(const Parts& d, char component);

}  // namespace sfn::jsonata::datetime_detail
