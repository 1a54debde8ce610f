// Path grammar (Jayway-style, as AWS Step Functions uses it):
//   path    := root step*
//   root    := "$$" | "$" name | "$" | "@"
//   step    := "." name | ".*" | ".." (name | "*" | bracket) | bracket
//   bracket := "[" ( "*" | quoted ("," quoted)* | int ("," int)* | slice | "?(" filter ")" ) "]"
#include "expr/jsonpath/parser.h"

#include <cctype>

namespace sfn::jsonpath::detail {
namespace {

bool is_name_end(char c, bool in_filter) {
  if (c == '.' || c == '[') return true;
  if (!in_filter) return false;
  return std::isspace(static_cast<unsigned char>(c)) || c == ')' || c == ']' || c == '=' ||
         c == '!' || c == '<' || c == '>' || c == '&' || c == '|' || c == ',';
}

std::string read_name(Cursor& c, bool in_filter) {
  std::string name;
  while (!c.at_end() && !is_name_end(c.peek(), in_filter)) name += c.next();
  if (name.empty()) c.fail("expected a field name");
  return name;
}

void parse_bracket(Cursor& c, Step& step) {
  c.expect('[');
  c.skip_spaces();
  if (c.peek() == '*') {
    c.next();
    step.kind = StepKind::kWildcard;
  } else if (c.peek() == '?') {
    c.next();
    c.skip_spaces();
    c.expect('(');
    Cursor::Nesting nesting(c);
    nesting.enter_filter();
    step.kind = StepKind::kFilter;
    step.filter = parse_filter(c);
    c.skip_spaces();
    c.expect(')');
  } else if (c.peek() == '\'' || c.peek() == '"') {
    step.kind = StepKind::kProperty;
    for (;;) {
      c.skip_spaces();
      if (c.peek() != '\'' && c.peek() != '"') c.fail("expected a quoted field name");
      step.names.push_back(c.quoted());
      c.skip_spaces();
      if (c.peek() != ',') break;
      c.next();
    }
  } else {
    long long first = 0;
    bool has_first = c.integer(first);
    c.skip_spaces();
    if (c.peek() == ':') {
      step.kind = StepKind::kSlice;
      if (has_first) step.slice_start = first;
      c.next();
      c.skip_spaces();
      long long v = 0;
      if (c.integer(v)) step.slice_end = v;
      c.skip_spaces();
      if (c.peek() == ':') {
        c.next();
        c.skip_spaces();
        if (c.integer(v)) {
          if (v == 0) c.fail("slice step cannot be zero");
          step.slice_step = v;
        }
      }
    } else {
      if (!has_first) c.fail("expected an index, a quoted name, '*', a slice or a filter");
      step.kind = StepKind::kIndex;
      step.indices.push_back(first);
      while (c.peek() == ',') {
        c.next();
        c.skip_spaces();
        long long v = 0;
        if (!c.integer(v)) c.fail("expected an index");
        step.indices.push_back(v);
        c.skip_spaces();
      }
    }
  }
  c.skip_spaces();
  c.expect(']');
}

}  // namespace

ParsedPath parse_path(Cursor& c, bool in_filter) {
  ParsedPath path;
  if (in_filter && c.peek() == '@') {
    c.next();
    path.relative = true;
  } else if (c.peek() != '$') {
    c.fail("a path must start with '$'");
  } else {
    c.next();
    if (c.peek() == '$') {
      c.next();
      path.root = Root::kContext;
    } else if (std::isalpha(static_cast<unsigned char>(c.peek())) || c.peek() == '_') {
      path.root = Root::kVariable;
      while (std::isalnum(static_cast<unsigned char>(c.peek())) || c.peek() == '_') {
        path.variable += c.next();
      }
    }
  }
  while (!c.at_end()) {
    Step step;
    if (c.consume("..")) {
      step.deep = true;
      if (c.peek() == '[') {
        parse_bracket(c, step);
      } else if (c.peek() == '*') {
        c.next();
        step.kind = StepKind::kWildcard;
      } else {
        step.names.push_back(read_name(c, in_filter));
      }
    } else if (c.peek() == '.') {
      c.next();
      if (c.peek() == '*') {
        c.next();
        step.kind = StepKind::kWildcard;
      } else {
        step.names.push_back(read_name(c, in_filter));
      }
    } else if (c.peek() == '[') {
      parse_bracket(c, step);
    } else if (in_filter) {
      break;
    } else {
      c.fail(std::string("unexpected character '") + c.peek() + "'");
    }
    path.steps.push_back(std::move(step));
  }
  return path;
}

}  // namespace sfn::jsonpath::detail
