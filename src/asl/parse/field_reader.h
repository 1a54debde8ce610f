// Reads the fields of one JSON object of a definition (the machine, a state, a retrier, ...):
// typed getters that report wrong types, the list of required fields, and every field nobody
// read ("Field 'X' is not supported"). Each getter marks its field as consumed.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "asl/parse/diagnostics.h"

namespace sfn::asl::detail {

class FieldReader {
 public:
  FieldReader(const Json& object, std::string location, Diagnostics& diags)
      : object_(object), location_(std::move(location)), diags_(diags) {}

  const Json& object() const { return object_; }
  const std::string& location() const { return location_; }
  Diagnostics& diags() { return diags_; }
  std::string at(std::string_view key) const { return child_location(location_, key); }

  bool has(std::string_view key) const;
  // The raw value, marked consumed; nullptr when absent.
  const Json* get(std::string_view key);
  // Marks a field consumed without reading it.
  void consume(std::string_view key) { consumed_.insert(std::string(key)); }

  // Typed reads: absent -> nullopt silently; present with the wrong type -> diagnostic + nullopt.
  std::optional<std::string> string(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  std::optional<double> number(std::string_view key);
  // A whole number (JSON integer, or a float with no fraction as AWS accepts).
  std::optional<std::int64_t> integer(std::string_view key);
  const Json* object_field(std::string_view key);
  const Json* array_field(std::string_view key);

  // "These fields are required: [A, B]" for the absent ones, at this object's location.
  bool require(std::initializer_list<std::string_view> keys);
  // At most one of `keys`: "There should only be one of the following fields: [A, B]".
  bool at_most_one(std::initializer_list<std::string_view> keys);
  // Every field that was not consumed: "Field 'X' is not supported".
  void reject_unconsumed();

  void type_error(std::string_view key, std::string_view expected);

 private:
  const Json& object_;
  std::string location_;
  Diagnostics& diags_;
  std::set<std::string, std::less<>> consumed_;
};

}  // namespace sfn::asl::detail
