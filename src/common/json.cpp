#include "sfn/common/json.h"

namespace sfn {

std::string dump_compact(const Json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Json parse_json_or_discarded(std::string_view text) {
  return Json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace sfn
