// _parse_path, _select and drop_paths of run_cases.py. Selection works on paths from the root, and
// each removal looks its parent up again from the root: a removal changes the document (an erased
// member shifts the others of an ordered object), and a node that an earlier removal detached is
// simply not found (Python changes the detached node, which is the same for the document).
#include "skip_paths.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sfn::conformance {
namespace {

struct Segment {
  enum class Kind { kDescendant, kChild, kIndex } kind;
  std::string name;  // a member name, an index (digits) or "*"
};

using Step = std::variant<std::string, std::size_t>;  // object member or array index
using Path = std::vector<Step>;

struct Target {
  Path parent;  // where the selected node's parent is
  Step step;    // the node within its parent
};

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `[A-Za-z0-9_\-]+|\*` at `pos`: the name, or nullopt.
std::optional<std::string> name_or_star(const std::string& p, std::size_t& pos) {
  std::size_t end = pos;
  while (end < p.size() && is_name_char(p[end])) ++end;
  if (end > pos) {
    std::string name = p.substr(pos, end - pos);
    pos = end;
    return name;
  }
  if (pos < p.size() && p[pos] == '*') {
    ++pos;
    return "*";
  }
  return std::nullopt;
}

// The segments of `p` (the _SEG alternatives, tried in order), or nullopt when `p` is not in the
// subset.
std::optional<std::vector<Segment>> parse_path(const std::string& p) {
  if (p.empty() || p[0] != '$') return std::nullopt;
  std::vector<Segment> segs;
  std::size_t pos = 1;
  while (pos < p.size()) {
    if (p.compare(pos, 2, "..") == 0) {
      std::size_t at = pos + 2;
      auto name = name_or_star(p, at);
      if (!name) return std::nullopt;  // `\.(name|\*)` cannot match a second '.' either
      segs.push_back({Segment::Kind::kDescendant, *name});
      pos = at;
    } else if (p[pos] == '.') {
      std::size_t at = pos + 1;
      auto name = name_or_star(p, at);
      if (!name) return std::nullopt;
      segs.push_back({Segment::Kind::kChild, *name});
      pos = at;
    } else if (p[pos] == '[') {
      std::size_t at = pos + 1;
      while (at < p.size() && is_digit(p[at])) ++at;
      if (at > pos + 1 && at < p.size() && p[at] == ']') {  // [n]
        segs.push_back({Segment::Kind::kIndex, p.substr(pos + 1, at - pos - 1)});
        pos = at + 1;
        continue;
      }
      if (p.compare(pos, 3, "[*]") == 0) {
        segs.push_back({Segment::Kind::kIndex, "*"});
        pos += 3;
        continue;
      }
      // ['name'] / ["name"] (either quote at either end, as the Python pattern)
      auto quote = [](char c) { return c == '\'' || c == '"'; };
      at = pos + 1;
      if (at >= p.size() || !quote(p[at])) return std::nullopt;
      std::size_t from = ++at;
      while (at < p.size() && !quote(p[at])) ++at;
      if (at == from || at + 1 >= p.size() || p[at + 1] != ']') return std::nullopt;
      segs.push_back({Segment::Kind::kChild, p.substr(from, at - from)});
      pos = at + 2;
    } else {
      return std::nullopt;
    }
  }
  return segs;
}

// `[n]` against an array of `size` elements: the index, or nullopt when out of range.
std::optional<std::size_t> index_in(const std::string& digits, std::size_t size) {
  std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return size > 0 ? std::optional<std::size_t>(0) : std::nullopt;
  if (digits.size() - first > 18) return std::nullopt;
  std::size_t n = std::stoull(digits.substr(first));
  return n < size ? std::optional<std::size_t>(n) : std::nullopt;
}

struct Node {
  Json* value;
  Path path;
};

// _walk_all: the node and every node below it, parents first.
void walk_all(const Node& node, std::vector<Node>& out) {
  out.push_back(node);
  if (node.value->is_object()) {
    for (auto it = node.value->begin(); it != node.value->end(); ++it) {
      Path path = node.path;
      path.emplace_back(it.key());
      walk_all({&*it, std::move(path)}, out);
    }
  } else if (node.value->is_array()) {
    for (std::size_t i = 0; i < node.value->size(); ++i) {
      Path path = node.path;
      path.emplace_back(i);
      walk_all({&(*node.value)[i], std::move(path)}, out);
    }
  }
}

// _select: the (parent, member or index) pairs that `seg` selects below `nodes`.
std::vector<Target> select(const std::vector<Node>& nodes, const Segment& seg) {
  std::vector<Target> out;
  for (const Node& n : nodes) {
    std::vector<Node> candidates;
    if (seg.kind == Segment::Kind::kDescendant)
      walk_all(n, candidates);
    else
      candidates.push_back(n);
    for (const Node& c : candidates) {
      if (seg.kind != Segment::Kind::kIndex) {
        if (!c.value->is_object()) continue;
        if (seg.name == "*") {
          for (auto it = c.value->begin(); it != c.value->end(); ++it)
            out.push_back({c.path, it.key()});
        } else if (c.value->contains(seg.name)) {
          out.push_back({c.path, seg.name});
        }
      } else if (c.value->is_array()) {
        if (seg.name == "*") {
          for (std::size_t i = 0; i < c.value->size(); ++i) out.push_back({c.path, i});
        } else if (auto i = index_in(seg.name, c.value->size())) {
          out.push_back({c.path, *i});
        }
      }
    }
  }
  return out;
}

Json* child_of(Json& parent, const Step& step) {
  if (const auto* key = std::get_if<std::string>(&step)) {
    if (!parent.is_object()) return nullptr;
    auto it = parent.find(*key);
    return it == parent.end() ? nullptr : &*it;
  }
  std::size_t i = std::get<std::size_t>(step);
  return parent.is_array() && i < parent.size() ? &parent[i] : nullptr;
}

// The node at `path` in `doc` now, or nullptr.
Json* resolve(Json& doc, const Path& path) {
  Json* node = &doc;
  for (const Step& step : path) {
    node = child_of(*node, step);
    if (!node) return nullptr;
  }
  return node;
}

bool truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v != 0;
  if (v.is_string() || v.is_object() || v.is_array()) return !v.empty();
  return true;
}

}  // namespace

std::vector<std::string> skip_paths_of(const Json& c) {
  std::vector<std::string> out;
  if (!c.is_object() || !c.contains("mock_config") || !truthy(c["mock_config"])) return out;
  if (!c.contains("localstack_skip_verify_paths")) return out;
  const Json& paths = c["localstack_skip_verify_paths"];
  if (!paths.is_array()) return out;
  for (const auto& p : paths) {
    if (p.is_string() && p != "*") out.push_back(p.get<std::string>());
  }
  return out;
}

void drop_paths(Json& doc, const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    auto segs = parse_path(p);
    if (!segs || segs->empty()) continue;
    std::vector<Node> nodes = {{&doc, {}}};
    for (std::size_t s = 0; s + 1 < segs->size(); ++s) {
      std::vector<Node> next;
      for (auto& t : select(nodes, (*segs)[s])) {
        Json* parent = resolve(doc, t.parent);  // no change yet: always found
        Json* child = parent ? child_of(*parent, t.step) : nullptr;
        if (!child) continue;
        Path path = std::move(t.parent);
        path.push_back(t.step);
        next.push_back({child, std::move(path)});
      }
      nodes = std::move(next);
    }
    for (const auto& t : select(nodes, segs->back())) {
      Json* parent = resolve(doc, t.parent);
      if (!parent) continue;  // detached by an earlier removal
      if (parent->is_object()) {
        if (const auto* key = std::get_if<std::string>(&t.step)) parent->erase(*key);
      } else if (parent->is_array()) {
        std::size_t i = std::get<std::size_t>(t.step);
        if (i < parent->size()) (*parent)[i] = "<dropped>";
      }
    }
  }
}

bool skips_cause(const std::vector<std::string>& paths) {
  return std::any_of(paths.begin(), paths.end(),
                     [](const std::string& p) { return p == "$..cause" || p == "$..Cause"; });
}

void drop_paths_in_event_payloads(Json& doc, const std::vector<std::string>& paths) {
  struct Decoded {
    std::size_t event;
    std::string details, field, member;  // member: within an object field (assignedVariables)
  };
  // Found again by name after dropping: erasing members moves the others (ordered_map).
  std::vector<Decoded> decoded;
  if (doc.contains("events") && doc["events"].is_array()) {
    auto& events = doc["events"];
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (!events[i].is_object()) continue;
      for (auto& [key, details] : events[i].items()) {
        if (!details.is_object() || key.size() < 12 ||
            key.compare(key.size() - 12, 12, "EventDetails") != 0)
          continue;
        for (auto& [field, value] : details.items()) {
          if (value.is_object()) {  // assignedVariables: name -> JSON text
            for (auto& [name, text] : value.items()) {
              if (!text.is_string()) continue;
              Json parsed = parse_json_or_discarded(text.get<std::string>());
              if (parsed.is_discarded() || !(parsed.is_object() || parsed.is_array())) continue;
              text = std::move(parsed);
              decoded.push_back({i, key, field, name});
            }
            continue;
          }
          if (!value.is_string()) continue;
          Json parsed = parse_json_or_discarded(value.get<std::string>());
          if (parsed.is_discarded() || !(parsed.is_object() || parsed.is_array())) continue;
          value = std::move(parsed);
          decoded.push_back({i, key, field, {}});
        }
      }
    }
  }
  drop_paths(doc, paths);
  for (const auto& d : decoded) {
    Json& event = doc["events"][d.event];
    auto details = event.find(d.details);
    if (details == event.end() || !details->is_object()) continue;
    auto it = details->find(d.field);
    if (it == details->end()) continue;
    Json* target = &*it;
    if (!d.member.empty()) {
      if (!target->is_object()) continue;
      auto member = target->find(d.member);
      if (member == target->end()) continue;
      target = &*member;
    }
    if (!target->is_string()) *target = dump_compact(*target);
  }
}

}  // namespace sfn::conformance
