// Intrinsic for string operations: States.StringSplit(string, delimiters). Every character of
// the second argument is a delimiter; empty pieces are dropped.
#include <algorithm>

#include "expr/intrinsics/intrinsic_registry.h"

namespace sfn::intrinsics {
namespace {

// Splits UTF-8 text into code points so that multi-byte delimiters work.
std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

Result<Json> string_split(const std::vector<Json>& args) {
  auto delimiters = code_points(args[1].get<std::string>());
  Json out = Json::array();
  std::string piece;
  for (const auto& cp : code_points(args[0].get<std::string>())) {
    bool is_delimiter = std::find(delimiters.begin(), delimiters.end(), cp) != delimiters.end();
    if (!is_delimiter) {
      piece += cp;
      continue;
    }
    if (!piece.empty()) out.push_back(piece);
    piece.clear();
  }
  if (!piece.empty()) out.push_back(piece);
  return out;
}

}  // namespace

void register_string_functions(IntrinsicRegistry& r) {
  r.add({"States.StringSplit", 2, 2, {ArgType::kString, ArgType::kString}, false, string_split});
}

}  // namespace sfn::intrinsics
