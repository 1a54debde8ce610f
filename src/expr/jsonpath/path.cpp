// Paths (States Language spec, "Paths"): "A Path is a string, beginning with '$', used to
// identify components within a JSON text. The syntax follows JsonPath."
#include "sfn/expr/jsonpath/path.h"

#include <algorithm>

#include "expr/jsonpath/cursor.h"
#include "expr/jsonpath/parser.h"
#include "expr/jsonpath/path_impl.h"
#include "expr/jsonpath/selector.h"

namespace sfn::jsonpath {

tl::expected<Path, std::string> Path::parse(std::string_view text) {
  auto impl = std::make_shared<PathImpl>();
  impl->text = std::string(text);
  try {
    detail::Cursor cursor(text);
    impl->parsed = detail::parse_path(cursor, /*in_filter=*/false);
    if (!cursor.at_end()) cursor.fail("unexpected trailing text");
  } catch (const detail::ParseError& e) {
    return tl::unexpected("Invalid JSONPath '" + std::string(text) + "': " + e.message);
  }
  const auto& steps = impl->parsed.steps;
  impl->definite = detail::is_definite(steps);
  impl->reference = std::all_of(steps.begin(), steps.end(), [](const detail::Step& s) {
    return s.is_single() && !(s.kind == detail::StepKind::kIndex && s.indices[0] < 0);
  });
  Path path;
  path.impl_ = std::move(impl);
  return path;
}

const std::string& Path::text() const { return impl_->text; }
Root Path::root() const { return impl_->parsed.root; }
const std::string& Path::variable_name() const { return impl_->parsed.variable; }
bool Path::is_definite() const { return impl_->definite; }
bool Path::is_reference_path() const { return impl_->reference; }

SelectionTooLarge::SelectionTooLarge(const std::string& message) : std::runtime_error(message) {}

tl::expected<std::optional<Json>, std::string> Path::evaluate_bounded(const Json& doc,
                                                                      std::size_t max_bytes) const {
  const auto& steps = impl_->parsed.steps;
  detail::SelectionBudget budget(max_bytes);
  try {
    if (impl_->definite) {
      Json merged;
      const Json* node = detail::find_definite(steps, doc, merged, budget);
      if (!node) return std::nullopt;
      return *node;
    }
    detail::Selection out;
    detail::select(steps, 0, doc, doc, out, budget);
    return out.take(budget);
  } catch (const detail::SelectionBudget::Exceeded&) {
    const std::string amount = max_bytes >= (1u << 20) ? std::to_string(max_bytes >> 20) + " MiB"
                                                       : std::to_string(max_bytes) + " bytes";
    return tl::unexpected("selects more than " + amount +
                          " of data (each match is a copy of its subtree)");
  }
}

std::optional<Json> Path::evaluate(const Json& doc) const {
  auto value = evaluate_bounded(doc);
  if (!value) throw SelectionTooLarge("The JSONPath '" + impl_->text + "' " + value.error());
  return std::move(*value);
}

}  // namespace sfn::jsonpath
