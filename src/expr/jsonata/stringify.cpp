// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js, string().
#include "expr/jsonata/stringify.h"

#include <cstdio>

#include "expr/jsonata/number_format.h"

namespace sfn::jsonata {
namespace {

void newline(std::string& out, bool pretty, int depth) {
  if (!pretty) return;
  out += '\n';
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
}

// Returns false when the value is omitted (undefined at top level or as a member).
bool write(std::string& out, const Value& v, bool pretty, int depth) {
  switch (v.type()) {
    case ValueType::Undefined:
      return false;
    case ValueType::Null:
      out += "null";
      return true;
    case ValueType::Boolean:
      out += v.as_bool() ? "true" : "false";
      return true;
    case ValueType::Number: {
      if (is_numeric(v)) {
        out += js_number_to_string(round_to_precision_15(v.as_number()));
      } else {
        out += "null";
      }
      return true;
    }
    case ValueType::String:
      append_json_string(out, v.as_string());
      return true;
    case ValueType::Function:
      out += "\"\"";
      return true;
    case ValueType::Array: {
      check_depth(static_cast<std::size_t>(depth) + 1);
      const auto& items = v.as_array().items;
      out += '[';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        newline(out, pretty, depth + 1);
        if (!write(out, items[i], pretty, depth + 1)) out += "null";
        MemoryBudget::require(out.size());  // one large string may be in the array many times
      }
      if (!items.empty()) newline(out, pretty, depth);
      out += ']';
      return true;
    }
    case ValueType::Object: {
      check_depth(static_cast<std::size_t>(depth) + 1);
      out += '{';
      bool first = true;
      for (const auto& [k, m] : v.as_object().entries) {
        if (m.is_undefined()) continue;
        if (!first) out += ',';
        first = false;
        newline(out, pretty, depth + 1);
        append_json_string(out, k);
        out += pretty ? ": " : ":";
        write(out, m, pretty, depth + 1);
        MemoryBudget::require(out.size());
      }
      if (!first) newline(out, pretty, depth);
      out += '}';
      return true;
    }
  }
  return false;
}

}  // namespace

void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

std::string stringify(const Value& value, bool pretty) {
  std::string out;
  write(out, value, pretty, 0);
  return out;
}

}  // namespace sfn::jsonata
