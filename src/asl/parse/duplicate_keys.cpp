// "State names MUST be unique within the scope of the whole state machine." A JSON object with
// the same state name twice keeps only the last after parsing, so duplicates inside one
// "States" object are found while the text is parsed (DUPLICATE_STATE_NAME).
#include <set>
#include <vector>

#include "asl/parse/duplicate_keys.h"

namespace sfn::asl::detail {

void find_duplicate_state_names(std::string_view text, Diagnostics& diags) {
  struct Frame {
    std::string location;
    bool is_array = false;
    bool is_states = false;
    long index = -1;  // arrays: index of the current element (objects and arrays only)
    std::set<std::string> keys;
    std::string last_key;
  };
  std::vector<Frame> stack;
  auto child_location = [&]() -> std::string {
    if (stack.empty()) return "";
    Frame& parent = stack.back();
    if (parent.is_array) return parent.location + "/" + std::to_string(++parent.index);
    return parent.location + "/" + parent.last_key;
  };
  Json::parser_callback_t callback = [&](int, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start: {
        Frame f;
        f.is_array = event == Json::parse_event_t::array_start;
        f.is_states = !f.is_array && !stack.empty() && !stack.back().is_array &&
                      stack.back().last_key == "States" && !stack.back().is_states;
        f.location = child_location();
        stack.push_back(std::move(f));
        break;
      }
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        if (!stack.empty()) stack.pop_back();
        break;
      case Json::parse_event_t::key: {
        if (stack.empty()) break;
        Frame& f = stack.back();
        f.last_key = parsed.get<std::string>();
        if (f.is_states && !f.keys.insert(f.last_key).second) {
          diags.error(kDuplicateStateName, "Duplicate State name: " + f.last_key,
                      f.location + "/" + f.last_key);
        }
        break;
      }
      default:
        break;
    }
    return true;
  };
  Json ignored = Json::parse(text, callback, /*allow_exceptions=*/false);
  (void)ignored;
}

}  // namespace sfn::asl::detail
