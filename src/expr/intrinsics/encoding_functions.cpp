// Intrinsics for data encoding and decoding: States.Base64Encode, States.Base64Decode.
// "The input string can contain a maximum of 10,000 characters" (both directions).
#include <array>

#include "expr/intrinsics/intrinsic_registry.h"

namespace sfn::intrinsics {
namespace {

constexpr std::size_t kMaxInputChars = 10'000;
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Result<Json> base64_encode(const std::vector<Json>& args) {
  const auto& in = args[0].get_ref<const std::string&>();
  if (utf8_length(in) > kMaxInputChars) {
    return intrinsic_failure("States.Base64Encode",
                             "the input must contain at most 10000 characters");
  }
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < in.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (i + 2 < in.size()) v |= static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[v & 63] : '=';
  }
  return Json(out);
}

Result<Json> base64_decode(const std::vector<Json>& args) {
  const auto& in = args[0].get_ref<const std::string&>();
  if (in.size() > kMaxInputChars) {
    return intrinsic_failure("States.Base64Decode",
                             "the input must contain at most 10000 characters");
  }
  std::array<int, 256> value{};
  value.fill(-1);
  for (int i = 0; i < 64; ++i) value[static_cast<unsigned char>(kAlphabet[i])] = i;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  std::size_t padding = 0, symbols = 0;
  for (char c : in) {
    if (c == '=') {
      ++padding;
      continue;
    }
    int v = value[static_cast<unsigned char>(c)];
    if (v < 0 || padding > 0) {
      return intrinsic_failure("States.Base64Decode", "the input is not valid Base64");
    }
    ++symbols;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  if (padding > 2 || symbols % 4 == 1 || (padding > 0 && (symbols + padding) % 4 != 0)) {
    return intrinsic_failure("States.Base64Decode", "the input is not valid Base64");
  }
  return Json(out);
}

}  // namespace

void register_encoding_functions(IntrinsicRegistry& r) {
  r.add({"States.Base64Encode", 1, 1, {ArgType::kString}, false, base64_encode});
  r.add({"States.Base64Decode", 1, 1, {ArgType::kString}, false, base64_decode});
}

}  // namespace sfn::intrinsics
