// "State names MUST be unique within the scope of the whole state machine." A JSON object with
// the same state name twice keeps only the last after parsing, so duplicates inside one
// "States" object are found while the text is parsed (DUPLICATE_STATE_NAME). A SAX pass that
// builds nothing: linear in the text (a DOM built with nlohmann's callback parser inserts keys
// with a linear search, quadratic for a definition with thousands of states).
#include <unordered_set>
#include <vector>

#include "asl/parse/duplicate_keys.h"

namespace sfn::asl::detail {

namespace {

class DuplicateStateNames : public nlohmann::json_sax<Json> {
 public:
  explicit DuplicateStateNames(Diagnostics& diags) : diags_(diags) {}

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    if (stack_.empty()) return true;
    Frame& f = stack_.back();
    f.last_key = k;
    if (f.is_states && !f.keys.insert(k).second) {
      diags_.error(kDuplicateStateName, "Duplicate State name: " + k, f.location + "/" + k);
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  struct Frame {
    std::string location;
    bool is_array = false;
    bool is_states = false;
    long index = -1;  // arrays: index of the current element
    std::unordered_set<std::string> keys;
    std::string last_key;
  };

  // Location of the value that starts now in the current container (advances array indexes).
  std::string child_location() {
    if (stack_.empty()) return "";
    Frame& parent = stack_.back();
    if (parent.is_array) return parent.location + "/" + std::to_string(++parent.index);
    return parent.location + "/" + parent.last_key;
  }
  bool value() {
    if (!stack_.empty() && stack_.back().is_array) ++stack_.back().index;
    return true;
  }
  bool open(bool is_array) {
    Frame f;
    f.is_array = is_array;
    f.is_states = !is_array && !stack_.empty() && !stack_.back().is_array &&
                  stack_.back().last_key == "States" && !stack_.back().is_states;
    f.location = child_location();
    stack_.push_back(std::move(f));
    return true;
  }
  bool close() {
    if (!stack_.empty()) stack_.pop_back();
    return true;
  }

  Diagnostics& diags_;
  std::vector<Frame> stack_;
};

}  // namespace

void find_duplicate_state_names(std::string_view text, Diagnostics& diags) {
  DuplicateStateNames finder(diags);
  Json::sax_parse(text, &finder, nlohmann::detail::input_format_t::json, true);
}

}  // namespace sfn::asl::detail
