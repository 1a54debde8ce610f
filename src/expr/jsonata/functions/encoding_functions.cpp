// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js.
// $base64encode/decode, $encodeUrl(Component), $decodeUrl(Component) (JavaScript's rules).
#include <cctype>
#include <cstdio>
#include <cstring>

#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/utf8.h"

namespace sfn::jsonata {
namespace {

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value base64encode(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  const std::string& in = s.as_string();
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned n = (static_cast<unsigned char>(in[i]) << 16) |
                 (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += kB64[(n >> 6) & 63];
    out += kB64[n & 63];
  }
  if (i < in.size()) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += i + 1 < in.size() ? kB64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return Value::string(out);
}

Value base64decode(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  std::string out;
  unsigned buf = 0;
  int bits = 0;
  for (char c : s.as_string()) {
    const char* p = std::strchr(kB64, c);
    if (!p || c == '\0') continue;
    buf = (buf << 6) | static_cast<unsigned>(p - kB64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buf >> bits) & 0xFF);
    }
  }
  return Value::string(out);
}

Value encode(const Value& s, const char* keep, const char* fn) {
  if (s.is_undefined()) return Value{};
  std::string out;
  for (unsigned char c : s.as_string()) {
    if (std::isalnum(c) || (c < 128 && std::strchr(keep, c) && c != 0)) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return Value::string(out);
}

Value decode(const Value& s, const char* reserved, const char* fn) {
  if (s.is_undefined()) return Value{};
  const std::string& in = s.as_string();
  std::string out;
  auto fail = [&]() {
    JsonataException e;
    e.code = "D3140";
    e.token = fn;
    e.value = s;
    throw e;
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size() || !std::isxdigit(static_cast<unsigned char>(in[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
      fail();
    }
    auto byte = static_cast<unsigned char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
    if (byte < 128 && std::strchr(reserved, byte) && byte != 0) {
      out += in.substr(i, 3);
    } else {
      out += static_cast<char>(byte);
    }
    i += 2;
  }
  // must be valid UTF-8
  for (std::size_t i = 0; i < out.size();) {
    auto c = static_cast<unsigned char>(out[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > out.size()) fail();
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(out[i + k]) & 0xC0) != 0x80) fail();
    }
    i += len;
  }
  return Value::string(out);
}

Value encode_url_component(CallContext&, std::vector<Value>& args) {
  return encode(arg(args, 0), "-_.!~*'()", "encodeUrlComponent");
}
Value encode_url(CallContext&, std::vector<Value>& args) {
  return encode(arg(args, 0), "-_.!~*'();/?:@&=+$,#", "encodeUrl");
}
Value decode_url_component(CallContext&, std::vector<Value>& args) {
  return decode(arg(args, 0), "", "decodeUrlComponent");
}
Value decode_url(CallContext&, std::vector<Value>& args) {
  return decode(arg(args, 0), ";/?:@&=+$,#", "decodeUrl");
}

}  // namespace

void register_encoding_functions(BuiltinRegistry& r) {
  r.add("base64encode", base64encode, "<s-:s>", 1);
  r.add("base64decode", base64decode, "<s-:s>", 1);
  r.add("encodeUrlComponent", encode_url_component, "<s-:s>", 1);
  r.add("encodeUrl", encode_url, "<s-:s>", 1);
  r.add("decodeUrlComponent", decode_url_component, "<s-:s>", 1);
  r.add("decodeUrl", decode_url, "<s-:s>", 1);
}

}  // namespace sfn::jsonata
