#include "sfn/common/arn.h"

#include <cctype>
#include <vector>

namespace sfn {
namespace {

std::string join(const ArnBuilder& b, std::string_view kind, std::string_view rest) {
  const Deployment& d = b.deployment;
  std::string out = "arn:" + d.partition + ":states:" + d.region + ":" + d.account + ":";
  out.append(kind).append(":").append(rest);
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

}  // namespace

std::string ArnBuilder::state_machine(std::string_view name) const {
  return join(*this, "stateMachine", name);
}
std::string ArnBuilder::activity(std::string_view name) const {
  return join(*this, "activity", name);
}
std::string ArnBuilder::execution(std::string_view sm, std::string_view exec) const {
  return join(*this, "execution", std::string(sm) + ":" + std::string(exec));
}
std::string ArnBuilder::express_execution(std::string_view sm, std::string_view exec) const {
  return join(*this, "express", std::string(sm) + ":" + std::string(exec));
}

std::optional<ParsedArn> parse_states_arn(std::string_view arn) {
  auto parts = split(arn, ':');
  if (parts.size() < 7 || parts[0] != "arn" || parts[2] != "states") return std::nullopt;
  if (parts[1].empty() || parts[3].empty() || parts[4].empty() || parts[6].empty())
    return std::nullopt;
  ParsedArn out;
  out.region = parts[3];
  out.account = parts[4];
  out.name = parts[6];
  std::string_view kind = parts[5];
  if (kind == "stateMachine") {
    out.kind = ArnKind::kStateMachine;
    if (parts.size() == 8) out.qualifier = parts[7];
    if (parts.size() > 8) return std::nullopt;
  } else if (kind == "activity") {
    out.kind = ArnKind::kActivity;
    if (parts.size() != 7) return std::nullopt;
  } else if (kind == "execution" || kind == "express") {
    out.kind = kind == "execution" ? ArnKind::kExecution : ArnKind::kExpressExecution;
    if (parts.size() < 8 || parts[7].empty()) return std::nullopt;
    out.execution_name = parts[7];
    if (parts.size() >= 9) out.qualifier = parts[8];
  } else if (kind == "mapRun") {
    out.kind = ArnKind::kMapRun;
  } else {
    return std::nullopt;
  }
  return out;
}

bool is_valid_resource_name(std::string_view name, std::size_t max_length) {
  if (name.empty() || name.size() > max_length) return false;
  static constexpr std::string_view kForbidden = " <>{}[]?*\"#%\\^|~`$&,;:/";
  for (size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x20 || c == 0x7f) return false;
    if (kForbidden.find(static_cast<char>(c)) != std::string_view::npos) return false;
    if (std::isspace(c)) return false;
    // C1 control characters U+0080–U+009F encoded as C2 80..C2 9F.
    if (c == 0xC2 && i + 1 < name.size()) {
      auto d = static_cast<unsigned char>(name[i + 1]);
      if (d >= 0x80 && d <= 0x9F) return false;
    }
  }
  return true;
}

}  // namespace sfn
