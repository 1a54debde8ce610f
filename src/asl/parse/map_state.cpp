// "The Map State (identified by "Type":"Map") causes the interpreter to process all the
// elements of an array, potentially in parallel, with the processing of each element
// independent of the others." (States Language, "Map State"; AWS adds ItemProcessor with
// ProcessorConfig INLINE | DISTRIBUTED, ItemReader, ItemBatcher, ResultWriter, Label and the
// tolerated-failure thresholds.)
#include "asl/parse/field_values.h"
#include "asl/parse/state_parser.h"

namespace sfn::asl::detail {

namespace {

void read_processor_config(StateParse& p, FieldReader& proc, MapState& s) {
  const Json* cfg = proc.object_field("ProcessorConfig");
  if (!cfg) return;
  FieldReader cr(*cfg, proc.at("ProcessorConfig"), p.ctx.diags);
  if (auto mode = cr.string("Mode")) {
    if (*mode == "INLINE" || *mode == "DISTRIBUTED") {
      s.processor_mode = *mode;
    } else {
      p.ctx.diags.schema("The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED]",
                         cr.at("Mode"));
    }
  }
  if (auto type = cr.string("ExecutionType")) {
    if (*type == "STANDARD" || *type == "EXPRESS") {
      s.execution_type = *type;
    } else {
      p.ctx.diags.schema("The field 'ExecutionType' should have one of these values: [STANDARD, EXPRESS]",
                         cr.at("ExecutionType"));
    }
  }
  if (s.processor_mode == "DISTRIBUTED" && !cfg->contains("ExecutionType")) {
    p.ctx.diags.schema("These fields are required: [ExecutionType]", cr.location());
  }
  cr.reject_unconsumed();
}

void read_processor(StateParse& p, MapState& s) {
  auto& r = p.r;
  if (r.has("ItemProcessor") && r.has("Iterator")) {
    p.ctx.diags.schema("There should only be one of the following fields: [ItemProcessor, Iterator]",
                       r.location());
  } else if (!r.has("ItemProcessor") && !r.has("Iterator")) {
    p.ctx.diags.schema("These fields are required: [ItemProcessor]", r.location());
  }
  for (std::string_view key : {"ItemProcessor", "Iterator"}) {
    const Json* v = r.object_field(key);
    if (!v) continue;
    FieldReader proc(*v, r.at(key), p.ctx.diags);
    read_processor_config(p, proc, s);
    auto graph = parse_graph(proc, p.ql, p.ctx, /*top_level=*/false);
    if (!s.item_processor) s.item_processor = std::move(graph);
  }
}

}  // namespace

std::unique_ptr<State> parse_map(StateParse& p) {
  auto s = std::make_unique<MapState>();
  auto& r = p.r;
  read_transition(p, *s);
  read_input_output(p, *s);
  read_result_path(p, *s);
  read_result_selector(p, *s);
  read_assign(p, *s);
  read_error_handling(p, *s);
  read_processor(p, *s);

  // ItemSelector (both modes) or the legacy Parameters (JSONPath).
  r.at_most_one({"ItemSelector", "Parameters"});
  if (const Json* v = r.get("ItemSelector")) {
    if (!v->is_object() && !(p.jsonata() && is_jsonata_string(*v))) {
      r.type_error("ItemSelector", "OBJECT");
    } else {
      s->parameters = compile_template(*v, r.at("ItemSelector"), p.mode(), p.ctx.diags);
    }
  }
  if (!p.jsonata()) {
    if (const Json* v = r.object_field("Parameters")) {
      s->parameters = compile_template(*v, r.at("Parameters"), payload::Mode::kJsonPath, p.ctx.diags);
    }
    if (auto v = r.string("ItemsPath")) {
      s->items_path = compile_path(*v, "ItemsPath", r.at("ItemsPath"), p.ctx.diags, /*reference=*/true);
    }
  } else if (const Json* v = r.get("Items")) {
    if (!v->is_array() && !is_jsonata_string(*v)) {
      r.type_error("Items", "ARRAY or a JSONata expression");
    } else {
      s->items = compile_template(*v, r.at("Items"), payload::Mode::kJsonata, p.ctx.diags);
      if (v->is_string()) s->items_expression = jsonata_body(v->get<std::string>());
    }
  }

  auto path_key = [&](const char* key) { return p.jsonata() ? std::string() : std::string(key) + "Path"; };
  s->max_concurrency = read_dynamic_number(r, "MaxConcurrency", path_key("MaxConcurrency"), p.ql,
                                           {NumberKind::kInteger, 0.0, {}});
  s->tolerated_failure_percentage =
      read_dynamic_number(r, "ToleratedFailurePercentage", path_key("ToleratedFailurePercentage"),
                          p.ql, {NumberKind::kNumber, 0.0, 100.0});
  s->tolerated_failure_count = read_dynamic_number(
      r, "ToleratedFailureCount", path_key("ToleratedFailureCount"), p.ql, {NumberKind::kInteger, 0.0, {}});

  if (auto label = r.string("Label")) {
    if (label->size() > 40) {
      p.ctx.diags.error("INVALID_LABEL_NAME", "The field 'Label' must be at most 40 characters long",
                        r.at("Label"));
    }
    s->label = *label;
  }
  if (const Json* v = r.object_field("ItemReader")) {
    FieldReader ir(*v, r.at("ItemReader"), p.ctx.diags);
    ir.require({"Resource"});
    s->item_reader = *v;
  }
  if (const Json* v = r.object_field("ItemBatcher")) s->item_batcher = *v;
  if (const Json* v = r.object_field("ResultWriter")) s->result_writer = *v;
  return s;
}

}  // namespace sfn::asl::detail
