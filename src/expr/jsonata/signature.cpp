// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/signature.js.
#include "expr/jsonata/signature.h"

#include "expr/jsonata/error.h"
#include "sfn/common/linear_regex.h"

namespace sfn::jsonata {
namespace {

std::size_t find_closing(const std::string& str, std::size_t start, char open, char close) {
  int depth = 1;
  std::size_t pos = start;
  while (pos < str.size()) {
    ++pos;
    if (pos >= str.size()) break;
    char c = str[pos];
    if (c == close) {
      if (--depth == 0) break;
    } else if (c == open) {
      ++depth;
    }
  }
  return pos;
}

std::string array_type_name(const std::string& subtype) {
  if (subtype.empty()) return "";
  switch (subtype[0]) {
    case 's':
      return "strings";
    case 'n':
      return "numbers";
    case 'b':
      return "booleans";
    case 'o':
      return "objects";
    case 'a':
      return "arrays";
    case 'f':
      return "functions";
    default:
      return subtype;
  }
}

}  // namespace

char type_symbol(const Value& v) {
  switch (v.type()) {
    case ValueType::Function:
      return 'f';
    case ValueType::String:
      return 's';
    case ValueType::Number:
      return 'n';
    case ValueType::Boolean:
      return 'b';
    case ValueType::Null:
      return 'l';
    case ValueType::Array:
      return 'a';
    case ValueType::Object:
      return 'o';
    default:
      return 'm';
  }
}

std::shared_ptr<Signature> parse_signature(const std::string& signature) {
  auto sig = std::make_shared<Signature>();
  sig->definition = signature;
  std::size_t position = 1;
  SignatureParam param;
  int prev = -1;
  auto next = [&]() {
    sig->params.push_back(param);
    prev = static_cast<int>(sig->params.size()) - 1;
    param = SignatureParam{};
  };
  while (position < signature.size()) {
    char symbol = signature[position];
    if (symbol == ':') break;
    switch (symbol) {
      case 's':
      case 'n':
      case 'b':
      case 'l':
      case 'o':
        param.regex = std::string("[") + symbol + "m]";
        param.type = std::string(1, symbol);
        next();
        break;
      case 'a':
        param.regex = "[asnblfom]";
        param.type = "a";
        param.array = true;
        next();
        break;
      case 'f':
        param.regex = "f";
        param.type = "f";
        next();
        break;
      case 'j':
        param.regex = "[asnblom]";
        param.type = "j";
        next();
        break;
      case 'x':
        param.regex = "[asnblfom]";
        param.type = "x";
        next();
        break;
      case '-':
        if (prev >= 0) {
          auto& p = sig->params[prev];
          p.context = true;
          p.context_regex = p.regex;
          p.regex += "?";
        }
        break;
      case '?':
      case '+':
        if (prev >= 0) sig->params[prev].regex += symbol;
        break;
      case '(': {
        std::size_t end = find_closing(signature, position, '(', ')');
        std::string choice = signature.substr(position + 1, end - position - 1);
        if (choice.find('<') != std::string::npos) {
          JsonataException e;
          e.code = "S0402";
          e.value = Value::string(choice);
          throw e;
        }
        param.regex = "[" + choice + "m]";
        param.type = "(" + choice + ")";
        position = end;
        next();
        break;
      }
      case '<': {
        if (prev >= 0 && (sig->params[prev].type == "a" || sig->params[prev].type == "f")) {
          std::size_t end = find_closing(signature, position, '<', '>');
          sig->params[prev].subtype = signature.substr(position + 1, end - position - 1);
          position = end;
        } else {
          JsonataException e;
          e.code = "S0401";
          e.value = Value::string(prev >= 0 ? sig->params[prev].type : "");
          throw e;
        }
        break;
      }
      default:
        break;
    }
    ++position;
  }
  std::string re = "^";
  for (auto& p : sig->params) {
    re += "(" + p.regex + ")";
    std::string r = p.regex;
    while (!r.empty() && (r.back() == '?' || r.back() == '+')) {
      if (p.quant != '?') p.quant = r.back();
      r.pop_back();
    }
    p.chars = (!r.empty() && r.front() == '[') ? r.substr(1, r.size() - 2) : r;
  }
  re += "$";
  return sig;
}

bool Signature::match_from(const std::string& s, std::size_t pi, std::size_t pos,
                           std::vector<std::pair<std::size_t, std::size_t>>& caps) const {
  if (pi == params.size()) return pos == s.size();
  const auto& p = params[pi];
  std::size_t maxn = 0;
  while (pos + maxn < s.size() && p.chars.find(s[pos + maxn]) != std::string::npos &&
         (p.quant == '+' || maxn < 1)) {
    ++maxn;
  }
  std::size_t minn = p.quant == '?' ? 0 : 1;
  for (std::size_t n = maxn + 1; n-- > minn;) {
    caps[pi] = {pos, n};
    if (match_from(s, pi + 1, pos + n, caps)) return true;
  }
  return false;
}

std::vector<Value> Signature::validate(const std::vector<Value>& args, const Value& context) const {
  std::string supplied;
  for (const auto& a : args) supplied += type_symbol(a);
  std::vector<std::pair<std::size_t, std::size_t>> caps(params.size());
  if (match_from(supplied, 0, 0, caps)) {
    std::vector<Value> validated;
    std::size_t arg_index = 0;
    for (std::size_t index = 0; index < params.size(); ++index) {
      const auto& param = params[index];
      std::string match = supplied.substr(caps[index].first, caps[index].second);
      if (match.empty()) {
        if (param.context) {
          if (param.chars.find(type_symbol(context)) != std::string::npos) {
            validated.push_back(context);
          } else {
            JsonataException e;
            e.code = "T0411";
            e.value = context;
            e.index = static_cast<int>(arg_index + 1);
            throw e;
          }
        } else {
          validated.push_back(arg_index < args.size() ? args[arg_index] : Value{});
          ++arg_index;
        }
      } else {
        for (char single : match) {
          Value arg = arg_index < args.size() ? args[arg_index] : Value{};
          if (param.type == "a") {
            if (single == 'm') {
              arg = Value{};
            } else {
              bool ok = true;
              if (!param.subtype.empty()) {
                if (single != 'a' && match != param.subtype) {
                  ok = false;
                } else if (single == 'a' && arg.size() > 0) {
                  char item_type = type_symbol(arg[0]);
                  if (item_type != param.subtype[0]) {
                    ok = false;
                  } else {
                    for (const auto& v : arg.as_array().items) {
                      if (type_symbol(v) != item_type) {
                        ok = false;
                        break;
                      }
                    }
                  }
                }
              }
              if (!ok) {
                JsonataException e;
                e.code = "T0412";
                e.value = arg;
                e.index = static_cast<int>(arg_index + 1);
                e.type = array_type_name(param.subtype);
                throw e;
              }
              if (single != 'a') {
                Value wrapped = Value::new_array();
                push(wrapped, arg);
                arg = wrapped;
              }
            }
          }
          validated.push_back(arg);
          ++arg_index;
        }
      }
    }
    return validated;
  }
  // find the first argument that fails
  std::string partial = "^";
  std::size_t good_to = 0;
  for (const auto& p : params) {
    partial += p.regex;
    auto pr = LinearRegex::compile(partial);
    LinearRegex::Groups pm;
    if (!pr || !pr->search(supplied, 0, pm)) break;
    good_to = pm[0]->end - pm[0]->begin;
  }
  JsonataException e;
  e.code = "T0410";
  e.value = good_to < args.size() ? args[good_to] : Value{};
  e.index = static_cast<int>(good_to + 1);
  throw e;
}

}  // namespace sfn::jsonata
