// Function signatures such as "<s-nn?:s>" (jsonata-js signature.js): parsed once, then used to
// validate (and fix up: context substitution, singleton-to-array) the arguments of each call.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "expr/jsonata/value.h"

namespace sfn::jsonata {

struct SignatureParam {
  std::string regex;
  std::string type;  // "s", "n", "a", "(sf)", ...
  std::string subtype;
  bool array = false;
  bool context = false;
  std::string context_regex;
  // compiled form of `regex`: allowed type symbols and quantifier ('1', '?', '+')
  std::string chars;
  char quant = '1';
};

struct Signature {
  std::string definition;
  std::vector<SignatureParam> params;

  // Throws T0410/T0411/T0412 (without the function name; the caller adds the token).
  std::vector<Value> validate(const std::vector<Value>& args, const Value& context) const;

 private:
  bool match_from(const std::string& s, std::size_t pi, std::size_t pos,
                  std::vector<std::pair<std::size_t, std::size_t>>& caps) const;
};

std::shared_ptr<Signature> parse_signature(const std::string& text);
char type_symbol(const Value& v);

}  // namespace sfn::jsonata
