// "A State Machine is represented by a JSON Object." Top-level fields: States, StartAt
// (required), Comment, Version, TimeoutSeconds, QueryLanguage. (States Language, "Top-level
// fields") — definition text in, immutable model or every diagnostic out.
#include "sfn/asl/parse/parse_definition.h"

#include "asl/parse/duplicate_keys.h"
#include "asl/parse/field_reader.h"
#include "asl/parse/parse_context.h"

namespace sfn::asl {

namespace {

using detail::Diagnostics;
using detail::FieldReader;

// Jackson-style syntax error text (AWS parses definitions with Jackson). Jackson stops reading
// at the first level past its nesting limit and names that level (1001), without a location.
std::string json_error_message(std::string_view text) {
  if (json_text_depth(text) > kMaxJsonDepth) return json_depth_message(kMaxJsonDepth + 1);
  try {
    Json ignored = Json::parse(text);
    (void)ignored;
  } catch (const Json::parse_error& e) {
    std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error ..." ->
    // the part after the position.
    auto colon = what.find(": ", what.find("parse error"));
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    return reason + "\n at [Source: (String)\"" + std::string(text.substr(0, 500)) +
           "\"; line: " + std::to_string(line) + ", column: " + std::to_string(column) + "]";
  } catch (const Json::exception& e) {
    // Not a syntax error: a number out of range ("1e999"), which nlohmann reports as
    // out_of_range.406 "number overflow parsing '1e999'".
    std::string what = e.what();
    auto end = what.find("] ");
    return end == std::string::npos ? what : what.substr(end + 2);
  }
  return "Invalid JSON";
}

bool blank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

ParseResult parse_definition(std::string_view definition_text) {
  ParseResult result;
  Diagnostics diags;
  if (blank(definition_text)) {
    diags.error(detail::kMissingDescription, "Received a null or empty workflow input", "");
    result.diagnostics = diags.take();
    return result;
  }
  Json doc = parse_json_or_discarded(definition_text);
  if (doc.is_discarded()) {
    diags.error(detail::kInvalidJsonDescription, json_error_message(definition_text), "");
    result.diagnostics = diags.take();
    return result;
  }
  if (!doc.is_object()) {
    diags.schema("The state machine definition must be a JSON object", "");
    result.diagnostics = diags.take();
    return result;
  }

  detail::find_duplicate_state_names(definition_text, diags);
  auto machine = std::make_shared<StateMachine>();
  FieldReader r(doc, "", diags);
  QueryLanguage ql = QueryLanguage::kJsonPath;
  if (const Json* v = r.get("QueryLanguage")) {
    if (v->is_string() && *v == "JSONata") {
      ql = QueryLanguage::kJsonata;
    } else if (!(v->is_string() && *v == "JSONPath")) {
      diags.schema("The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]",
                   r.at("QueryLanguage"));
    }
  }
  if (auto version = r.string("Version")) machine->version = *version;
  if (const Json* v = r.get("TimeoutSeconds")) {
    if (!v->is_number_integer() && !v->is_number_unsigned()) {
      r.type_error("TimeoutSeconds", "INTEGER");
    } else if (v->get<std::int64_t>() <= 0 || v->get<std::int64_t>() > 99999999) {
      diags.schema("The value for the field 'TimeoutSeconds' must be greater than 0",
                   r.at("TimeoutSeconds"));
    } else {
      machine->timeout_seconds = v->get<std::int64_t>();
    }
  }
  detail::ParseContext ctx{diags, {}, 0};
  auto graph = detail::parse_graph(r, ql, ctx, /*top_level=*/true);

  result.diagnostics = diags.take();
  bool has_error = false;
  for (const auto& d : result.diagnostics) has_error = has_error || d.severity == "ERROR";
  if (has_error) return result;
  machine->graph = std::move(*graph);
  machine->definition = std::move(doc);
  result.machine = std::move(machine);
  return result;
}

std::string invalid_definition_message(const std::vector<Diagnostic>& diagnostics) {
  std::string out = "Invalid State Machine Definition: ";
  bool first = true;
  for (const auto& d : diagnostics) {
    if (d.severity != "ERROR") continue;
    if (!first) out += ", ";
    first = false;
    out += "'" + d.code + ": " + d.message;
    if (!d.location.empty()) out += " at " + d.location;
    out += "'";
  }
  return out;
}

}  // namespace sfn::asl
