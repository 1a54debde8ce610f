// Shared field-value parsers: paths, payload templates, JSONata strings, bounded numbers.
#include "asl/parse/field_values.h"

#include <cctype>

#include <cmath>
#include <sstream>

namespace sfn::asl::detail {

namespace {

std::string format_bound(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  std::ostringstream os;
  os << v;
  return os.str();
}

}  // namespace

bool is_jsonata_string(const Json& value) {
  if (!value.is_string()) return false;
  const auto& s = value.get_ref<const std::string&>();
  return s.size() >= 4 && s.compare(0, 2, "{%") == 0 && s.compare(s.size() - 2, 2, "%}") == 0;
}

std::string jsonata_body(std::string_view text) {
  if (text.size() >= 4 && text.substr(0, 2) == "{%" && text.substr(text.size() - 2) == "%}") {
    std::string_view body = text.substr(2, text.size() - 4);
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front()))) body.remove_prefix(1);
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.remove_suffix(1);
    return std::string(body);
  }
  return std::string(text);
}

std::optional<jsonpath::Path> compile_path(std::string_view text, std::string_view field,
                                           const std::string& location, Diagnostics& diags,
                                           bool reference) {
  auto path = jsonpath::Path::parse(text);
  if (!path) {
    diags.schema("The value for the field '" + std::string(field) + "' must be a valid " +
                     (reference ? "ReferencePath" : "JSONPath"),
                 location);
    return std::nullopt;
  }
  if (reference && !path->is_reference_path()) {
    diags.schema("The value for the field '" + std::string(field) + "' must be a valid ReferencePath",
                 location);
    return std::nullopt;
  }
  return std::move(*path);
}

PathField read_path_field(FieldReader& r, std::string_view key, bool reference) {
  PathField out;
  const Json* v = r.get(key);
  if (!v) return out;
  if (v->is_null()) {
    out.kind = PathField::Kind::kNull;
    return out;
  }
  if (!v->is_string()) {
    r.type_error(key, "STRING");
    return out;
  }
  auto path = compile_path(v->get_ref<const std::string&>(), key, r.at(key), r.diags(), reference);
  if (path) {
    out.kind = PathField::Kind::kPath;
    out.path = std::move(path);
  }
  return out;
}

std::optional<payload::PayloadTemplate> compile_template(const Json& value,
                                                         const std::string& location,
                                                         payload::Mode mode, Diagnostics& diags) {
  auto compiled = payload::PayloadTemplate::compile(value, mode);
  if (!compiled) {
    for (const auto& d : compiled.error()) diags.schema(d.message, location + d.location);
    return std::nullopt;
  }
  return std::move(*compiled);
}

std::optional<payload::PayloadTemplate> read_template(FieldReader& r, std::string_view key,
                                                      payload::Mode mode) {
  const Json* v = r.get(key);
  if (!v) return std::nullopt;
  return compile_template(*v, r.at(key), mode, r.diags());
}

bool check_number(const Json& value, std::string_view key, const std::string& location,
                  const NumberRule& rule, Diagnostics& diags) {
  const std::string field(key);
  if (!value.is_number()) {
    diags.schema("The value for the field '" + field + "' must be a " +
                     (rule.kind == NumberKind::kInteger ? "INTEGER" : "NUMBER"),
                 location);
    return false;
  }
  double d = value.get<double>();
  if (rule.kind == NumberKind::kInteger && d != std::floor(d)) {
    diags.schema("The value for the field '" + field + "' must be a INTEGER", location);
    return false;
  }
  if (rule.min) {
    if (rule.min_exclusive && !(d > *rule.min)) {
      diags.schema("The value for the field '" + field + "' must be greater than " +
                       format_bound(*rule.min),
                   location);
      return false;
    }
    if (!rule.min_exclusive && d < *rule.min) {
      diags.schema("The value for the field '" + field + "' must be greater than or equal to " +
                       format_bound(*rule.min),
                   location);
      return false;
    }
  }
  if (rule.max && d > *rule.max) {
    diags.schema("The value for the field '" + field + "' must be less than or equal to " +
                     format_bound(*rule.max),
                 location);
    return false;
  }
  return true;
}

DynamicValue read_dynamic_number(FieldReader& r, std::string_view key, std::string_view path_key,
                                 QueryLanguage ql, const NumberRule& rule) {
  DynamicValue out;
  if (!path_key.empty() && r.has(key) && r.has(path_key)) {
    r.diags().schema("There should only be one of the following fields: [" + std::string(key) +
                         ", " + std::string(path_key) + "]",
                     r.location());
  }
  if (const Json* v = r.get(key)) {
    if (ql == QueryLanguage::kJsonata && v->is_string()) {
      if (!is_jsonata_string(*v)) {
        r.type_error(key, rule.kind == NumberKind::kInteger ? "INTEGER" : "NUMBER");
      } else {
        out.jsonata = compile_jsonata(v->get_ref<const std::string&>(), r.at(key), r.diags());
      }
    } else if (check_number(*v, key, r.at(key), rule, r.diags())) {
      out.literal = *v;
    }
  }
  if (!path_key.empty()) {
    if (const Json* v = r.get(path_key)) {
      if (!v->is_string()) {
        r.type_error(path_key, "STRING");
      } else {
        out.path = compile_path(v->get_ref<const std::string&>(), path_key, r.at(path_key),
                                r.diags(), /*reference=*/true);
      }
    }
  }
  return out;
}

}  // namespace sfn::asl::detail
