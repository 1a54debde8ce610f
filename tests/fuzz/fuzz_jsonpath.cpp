// libFuzzer target: a JSONPath (Paths, Reference Paths, $$ and $var roots) is compiled, then
// evaluated against a fixed document and, when it is a reference path, assigned into a copy of
// it (ResultPath), with the messages the engine builds from it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_document.h"
#include "sfn/expr/jsonpath/path.h"
#include "sfn/expr/jsonpath/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto path = sfn::jsonpath::Path::parse(text);
  if (!path) return 0;
  const sfn::Json& doc = sfn::fuzz::input_document();
  (void)path->canonical();
  (void)path->is_definite();
  if (std::optional<sfn::Json> value = path->evaluate(doc); !value) {
    (void)path->missing_message(doc);
  }
  const sfn::expr::EvalContext ctx{doc, sfn::fuzz::context_document(),
                                   &sfn::fuzz::variables_document(), "InputPath"};
  (void)sfn::jsonpath::resolve(*path, ctx);
  if (path->is_reference_path()) {
    sfn::Json copy = doc;
    (void)path->assign(copy, sfn::Json{{"result", 1}});
    sfn::Json scalar = 1;
    (void)path->assign(scalar, sfn::Json::array());
  }
  return 0;
}
