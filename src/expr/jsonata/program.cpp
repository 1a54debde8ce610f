// Program: compile (parse + rewrite) once; evaluate with a fresh Evaluator per call.
#include "sfn/expr/jsonata/program.h"

#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/evaluator.h"
#include "expr/jsonata/memory_budget.h"
#include "expr/jsonata/parser.h"

namespace sfn::jsonata {

class ProgramImpl {
 public:
  NodePtr ast;
  CompileOptions options;
};

tl::expected<Program, Error> Program::compile(std::string_view text, CompileOptions options) {
  try {
    auto impl = std::make_shared<ProgramImpl>();
    impl->ast = parse(text);
    impl->options = options;
    Program p;
    p.impl_ = std::move(impl);
    return p;
  } catch (const JsonataException& e) {
    return tl::unexpected(to_public_error(e));
  }
}

tl::expected<std::optional<Json>, Error> Program::evaluate(const Json* input,
                                                           const Bindings& bindings,
                                                           const Limits& limits) const {
  BindingRefs refs;
  refs.reserve(bindings.size());
  for (const auto& [name, value] : bindings) refs.push_back(BindingRef{name, &value, {}});
  return evaluate_refs(input, refs, limits);
}

tl::expected<std::optional<Json>, Error> Program::evaluate_refs(const Json* input,
                                                                const BindingRefs& bindings,
                                                                const Limits& limits) const {
  // declared first: values made from the input may sit in a thrown error until it is converted
  InputStore documents;
  try {
    const BuiltinRegistry& registry = standard_registry(impl_->options.step_functions_functions);
    // declared before the evaluator: every value is given back to it, and the result is built
    // within it
    MemoryBudget budget(limits.max_memory);
    Evaluator ev(registry, limits);
    Frame* root = ev.new_frame(nullptr);
    for (const auto& b : bindings) {
      if (b.value) {
        root->bind(b.name, documents.wrap(*b.value));
        continue;
      }
      Value object = Value::new_object();
      for (const auto& [key, member] : b.members)
        if (member) object.as_object().set(key, documents.wrap(*member));
      root->bind(b.name, object);
    }
    Value in;
    if (input) in = documents.wrap(*input);
    root->bind("$", in);
    if (in.is_array()) {
      Value wrapped = make_sequence(in);
      wrapped.as_array().outer_wrapper = true;
      in = wrapped;
    }
    Value result = ev.evaluate(impl_->ast.get(), in, root);
    if (result.is_function() && impl_->options.step_functions_functions)
      return tl::unexpected(Error{std::string(kUnsupportedResultType),
                                  "The expression evaluated to a function.",
                                  std::nullopt,
                                  {},
                                  std::nullopt});
    return to_json(result);
  } catch (const JsonataException& e) {
    MemoryBudget budget(limits.max_memory);  // the error's value is converted within bounds too
    return tl::unexpected(to_public_error(e));
  }
}

}  // namespace sfn::jsonata
