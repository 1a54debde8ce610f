// The compiled form of a payload template: the JSON shape with its dynamic leaves (paths,
// intrinsic calls, JSONata expressions) compiled. Immutable after compile().
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sfn/common/json.h"
#include "sfn/expr/intrinsics/call.h"
#include "sfn/expr/jsonpath/path.h"

namespace sfn::payload {

class JsonataLeaf;  // defined in jsonata_leaf.h (JSONata mode only)

struct TemplateNode {
  enum class Kind { kLiteral, kObject, kArray, kPath, kCall, kJsonata };
  // Defaulted out of line: clang (14) with libstdc++ 12 rejects the implicit one, which needs
  // pair<string, TemplateNode> complete while TemplateNode is still being defined.
  TemplateNode();
  Kind kind = Kind::kLiteral;
  Json literal;                                              // kLiteral
  std::vector<std::pair<std::string, TemplateNode>> fields;  // kObject: output key -> node
  std::vector<TemplateNode> items;                           // kArray
  std::string source_key;                                    // kPath/kCall: the key with ".$"
  std::string location;                                      // "/a/b" within the template
  std::optional<jsonpath::Path> path;                        // kPath
  std::optional<intrinsics::Call> call;                      // kCall
  std::shared_ptr<const JsonataLeaf> jsonata;                // kJsonata
};

inline TemplateNode::TemplateNode() = default;

// A key as one JSON Pointer segment (RFC 6901: "~" -> "~0", "/" -> "~1"), for `location`.
inline std::string escape_pointer(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace sfn::payload
