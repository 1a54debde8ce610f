// A compiled path in AWS Step Functions' JSONPath dialect (Paths, Reference Paths, and the
// `$$` context-object and `$var` variable roots). Compiled once; evaluation is const.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "sfn/common/json.h"

namespace sfn::jsonpath {

// What one evaluation may copy into its result and walk: every match is a copy of its subtree
// (a deep scan of a deeply nested document copies each part once per level above it), and a
// filter runs its paths once per node it tests. Copies are counted in estimated bytes, visits a
// few bytes each. AWS caps state input and output at 256 KiB, so ordinary paths stay far below.
inline constexpr std::size_t kMaxSelectionBytes = std::size_t{64} << 20;

// Thrown by Path::evaluate past kMaxSelectionBytes (evaluate_bounded returns it as a value).
class SelectionTooLarge : public std::runtime_error {
 public:
  explicit SelectionTooLarge(const std::string& message);
};

// Which document a path is evaluated against.
enum class Root {
  kInput,     // "$..."  : the effective input
  kContext,   // "$$..." : the context object
  kVariable,  // "$name...": a workflow variable (JSONPath-mode variable reference)
};

class PathImpl;  // opaque compiled form

class Path {
 public:
  // Parses path text. On failure returns a message suitable for an InvalidDefinition diagnostic.
  static tl::expected<Path, std::string> parse(std::string_view text);

  const std::string& text() const;
  Root root() const;
  // For Root::kVariable: the variable name ("x" in "$x.a.b").
  const std::string& variable_name() const;
  // True when the path can select at most one node (no wildcards, filters, slices, unions, ..).
  bool is_definite() const;
  // True when the path is a Reference Path: only `.name`, `['name']` and `[index]` steps.
  bool is_reference_path() const;

  // Evaluates against `doc` (the document selected by root()). A definite path returns the node
  // itself, or nullopt when it does not exist. An indefinite path returns an array of the
  // matches ([] when none).
  // Throws SelectionTooLarge past kMaxSelectionBytes.
  std::optional<Json> evaluate(const Json& doc) const;
  // The same, but past `max_bytes` returns why ("selects more than 64 MiB of data ...", to
  // follow "The JSONPath '<path>' ...") for a States.Runtime cause.
  tl::expected<std::optional<Json>, std::string> evaluate_bounded(
      const Json& doc, std::size_t max_bytes = kMaxSelectionBytes) const;

  // ResultPath semantics: sets `value` at this reference path inside `doc`, creating objects
  // for missing intermediate fields. Fails (with a message) when an intermediate node exists and
  // is not an object (or array for index steps), or when the path is not a reference path.
  tl::expected<void, std::string> assign(Json& doc, Json value) const;

  // The bracket-notation form Jayway prints in messages: "$.a.b[0]" -> "$['a']['b'][0]"
  // (the original text for paths with wildcards, filters, slices or deep scans).
  std::string canonical() const;

  // Why a definite path selects nothing in `doc`, worded as Jayway words it (AWS repeats it in
  // causes such as "Invalid path '$.a.b' : Missing property in path $['a']"):
  // "Missing property in path $['a']" for a missing intermediate field, otherwise
  // "No results for path: $['a']['b']".
  std::string missing_message(const Json& doc) const;

 private:
  std::shared_ptr<const PathImpl> impl_;
};

}  // namespace sfn::jsonpath
