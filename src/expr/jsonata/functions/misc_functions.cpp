// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js.
// $boolean, $not, $error, $assert, $eval.
#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/parser.h"

namespace sfn::jsonata {
namespace {

Value boolean(CallContext&, std::vector<Value>& args) { return to_boolean(arg(args, 0)); }

Value not_fn(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  return Value::boolean(!truthy(a));
}

Value error(CallContext&, std::vector<Value>& args) {
  JsonataException e;
  e.code = "D3137";
  e.message = arg(args, 0).is_string() && !arg(args, 0).as_string().empty()
                  ? arg(args, 0).as_string()
                  : "$error() function evaluated";
  throw e;
}

Value assert_fn(CallContext&, std::vector<Value>& args) {
  if (!arg(args, 0).as_bool()) {
    JsonataException e;
    e.code = "D3141";
    e.message = arg(args, 1).is_string() && !arg(args, 1).as_string().empty()
                    ? arg(args, 1).as_string()
                    : "$assert() statement failed";
    throw e;
  }
  return Value{};
}

Value eval(CallContext& ctx, std::vector<Value>& args) {
  const Value& expr = arg(args, 0);
  if (expr.is_undefined()) return Value{};
  Value input = ctx.input;
  if (arg(args, 1).is_defined()) {
    input = arg(args, 1);
    if (input.is_array() && !input.is_sequence()) {
      input = make_sequence(input);
      input.as_array().outer_wrapper = true;
    }
  }
  NodePtr ast;
  try {
    ast = parse(expr.as_string());
  } catch (const JsonataException& e) {
    JsonataException err;
    err.code = "D3120";
    err.value = Value::string(to_public_error(e).message);
    throw err;
  }
  ctx.ev.keep_alive(ast);
  try {
    return ctx.ev.evaluate(ast.get(), input, ctx.env);
  } catch (const JsonataException& e) {
    JsonataException err;
    err.code = "D3121";
    err.value = Value::string(to_public_error(e).message);
    throw err;
  }
}

}  // namespace

void register_misc_functions(BuiltinRegistry& r) {
  r.add("boolean", boolean, "<x-:b>", 1);
  r.add("not", not_fn, "<x-:b>", 1);
  r.add("error", error, "<s?:x>", 1);
  r.add("assert", assert_fn, "<bs?:x>", 2);
  r.add("eval", eval, "<sx?:x>", 2);
}

}  // namespace sfn::jsonata
