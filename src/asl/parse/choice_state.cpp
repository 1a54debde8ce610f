// "A Choice state (identified by "Type":"Choice") adds branching logic to a state machine."
// "Choice states do not support the End field." Choices MUST be a non-empty array of Choice
// Rules; each top-level rule MUST have a Next field. (States Language, "Choice State")
#include "asl/parse/field_values.h"
#include "asl/parse/state_parser.h"

namespace sfn::asl::detail {

namespace {

void report(StateParse& p, const std::string& base,
            const std::vector<payload::Diagnostic>& diags) {
  for (const auto& d : diags) p.ctx.diags.schema(d.message, base + d.location);
}

}  // namespace

std::unique_ptr<State> parse_choice(StateParse& p) {
  auto s = std::make_unique<ChoiceState>();
  auto& r = p.r;
  r.require({"Choices"});
  read_input_output(p, *s);
  read_assign(p, *s);
  if (auto d = r.string("Default")) s->default_next = *d;

  const Json* choices = r.array_field("Choices");
  if (!choices) return s;
  if (choices->empty()) {
    p.ctx.diags.schema("The field 'Choices' must contain at least 1 element", r.at("Choices"));
  }
  for (std::size_t i = 0; i < choices->size(); ++i) {
    const Json& entry = (*choices)[i];
    const std::string loc = index_location(r.at("Choices"), i);
    if (!entry.is_object()) {
      p.ctx.diags.schema("The value for the field 'Choices' must be a OBJECT", loc);
      continue;
    }
    FieldReader er(entry, loc, p.ctx.diags);
    ChoiceBranch branch;
    if (!er.has("Next")) p.ctx.diags.schema("These fields are required: [Next]", loc);
    if (auto next = er.string("Next")) branch.next = *next;
    er.string("Comment");
    if (const Json* a = er.get("Assign")) {
      if (!a->is_object()) {
        er.type_error("Assign", "OBJECT");
      } else {
        branch.assign = compile_template(*a, er.at("Assign"), p.mode(), p.ctx.diags);
      }
    }
    bool compiled = false;
    if (p.jsonata()) {
      branch.output = read_template(er, "Output", payload::Mode::kJsonata);
      if (!er.has("Condition")) {
        p.ctx.diags.schema("These fields are required: [Condition]", loc);
      } else {
        auto rule = choice::Rule::compile_condition(*er.get("Condition"));
        if (!rule) {
          report(p, er.at("Condition"), rule.error());
        } else {
          branch.rule = std::move(*rule);
          compiled = true;
        }
      }
      er.reject_unconsumed();
    } else {
      if (er.get("Output")) {
        p.ctx.diags.schema("Field is not supported when QueryLanguage is JSONPath", er.at("Output"));
      }
      if (er.get("Condition")) {
        p.ctx.diags.schema("Field is not supported when QueryLanguage is JSONPath", er.at("Condition"));
      }
      // The rule compiler checks (and reports) the rule's own fields.
      auto rule = choice::Rule::compile(entry, /*top_level=*/true);
      if (!rule) {
        report(p, loc, rule.error());
      } else {
        branch.rule = std::move(*rule);
        compiled = true;
      }
    }
    // Kept even when the rule failed, so its Next still counts for reachability.
    (void)compiled;
    s->choices.push_back(std::move(branch));
  }
  return s;
}

}  // namespace sfn::asl::detail
