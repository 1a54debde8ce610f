// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/parser.js, the Pratt parser (symbols, nud/led).
// Top-down operator precedence parser, one nud/led per symbol as in jsonata-js parser.js.
#include "expr/jsonata/parser.h"

#include "expr/jsonata/error.h"
#include "expr/jsonata/signature.h"

namespace sfn::jsonata {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), lexer_(text) {}

  NodePtr run() {
    advance("", false);
    NodePtr expr = expression(0);
    if (id_ != "(end)") throw_error("S0201", node_->position, node_->value);
    return expr;
  }

 private:
  // Left binding power of the current symbol id.
  int lbp(const std::string& id) const {
    if (id == "(end)" || id == "(name)" || id == "(literal)" || id == "(regex)") return 0;
    if (id == ":" || id == ";" || id == "," || id == ")" || id == "]" || id == "}" || id == ".." ||
        id == "**" || id == "|") {
      return 0;
    }
    int bp = binding_power(id);
    return bp < 0 ? 0 : bp;
  }

  bool known_symbol(const std::string& v) const {
    static const char* const kSymbols[] = {
        ":",  ";", ",", ")", "]",  "}",  "..", ".", "+",   "-",  "*",  "/",
        "%",  "=", "<", ">", "!=", "<=", ">=", "&", "and", "or", "in", "~>",
        "**", "(", "[", "^", "{",  ":=", "@",  "#", "?",   "|"};
    for (const char* s : kSymbols) {
      if (v == s) return true;
    }
    return false;
  }

  void advance(std::string_view id, bool infix) {
    if (!id.empty() && id_ != id) {
      JsonataException e;
      e.code = id_ == "(end)" ? "S0203" : "S0202";
      e.position = node_->position;
      e.token = node_->value;
      e.value = Value::string(std::string(id));
      throw e;
    }
    auto tok = lexer_.next(infix);
    auto n = std::make_shared<Node>();
    if (!tok) {
      n->position = text_.size();
      n->value = "(end)";
      n->type = NodeType::Operator;
      node_ = n;
      id_ = "(end)";
      return;
    }
    n->position = tok->position;
    n->value = tok->value;
    switch (tok->type) {
      case TokenType::Name:
        n->type = NodeType::Name;
        id_ = "(name)";
        break;
      case TokenType::Variable:
        n->type = NodeType::Variable;
        id_ = "(name)";
        break;
      case TokenType::Operator:
        if (!known_symbol(tok->value)) throw_error("S0204", tok->position, tok->value);
        n->type = NodeType::Operator;
        id_ = tok->value;
        break;
      case TokenType::String:
        n->type = NodeType::String;
        n->literal = Value::string(tok->value);
        id_ = "(literal)";
        break;
      case TokenType::Number:
        n->type = NodeType::Number;
        n->number = tok->number;
        n->literal = Value::number(tok->number);
        id_ = "(literal)";
        break;
      case TokenType::Value:
        n->type = NodeType::Value;
        n->literal = tok->value == "null" ? Value::null() : Value::boolean(tok->value == "true");
        id_ = "(literal)";
        break;
      case TokenType::Regex: {
        n->type = NodeType::Regex;
        auto cr = std::make_shared<CompiledRegex>();
        cr->source = tok->regex->pattern;
        RegexFlags flags;
        flags.ignore_case = tok->regex->flags.find('i') != std::string::npos;
        flags.multiline = tok->regex->flags.find('m') != std::string::npos;
        auto re = LinearRegex::compile(cr->source, flags);
        if (!re) {
          // S0303: not a regular expression; S0304: one that needs backtracking
          JsonataException e;
          e.code = re.error().kind == RegexError::Kind::kSyntax ? "S0303" : "S0304";
          e.position = tok->position;
          e.token = cr->source;
          e.message = re.error().message;
          throw e;
        }
        cr->re = std::move(*re);
        n->regex = std::move(cr);
        id_ = "(regex)";
        break;
      }
      case TokenType::End:
        break;
    }
    node_ = n;
  }

  NodePtr expression(int rbp) {
    if (++depth_ > kMaxParseDepth) throw_error("S0250", node_->position, node_->value);
    NodePtr t = node_;
    std::string tid = id_;
    advance("", true);
    NodePtr left = nud(t, tid);
    while (rbp < lbp(id_)) {
      t = node_;
      tid = id_;
      advance("", false);
      left = led(t, tid, left);
    }
    --depth_;
    return left;
  }

  NodePtr nud(const NodePtr& self, const std::string& id) {
    if (id == "(name)" || id == "(literal)" || id == "(regex)" || id == "and" || id == "or" ||
        id == "in") {
      return self;
    }
    if (id == "-") {
      self->expression = expression(70);
      self->type = NodeType::Unary;
      return self;
    }
    if (id == "*") {
      self->type = NodeType::Wildcard;
      return self;
    }
    if (id == "**") {
      self->type = NodeType::Descendant;
      return self;
    }
    if (id == "%") {
      self->type = NodeType::Parent;
      return self;
    }
    if (id == "(") {
      while (id_ != ")") {
        self->expressions.push_back(expression(0));
        if (id_ != ";") break;
        advance(";", false);
      }
      advance(")", true);
      self->type = NodeType::Block;
      return self;
    }
    if (id == "[") {
      if (id_ != "]") {
        for (;;) {
          NodePtr item = expression(0);
          if (id_ == "..") {
            auto range = std::make_shared<Node>();
            range->type = NodeType::Binary;
            range->value = "..";
            range->position = node_->position;
            range->lhs = item;
            advance("..", false);
            range->rhs = expression(0);
            item = range;
          }
          self->expressions.push_back(item);
          if (id_ != ",") break;
          advance(",", false);
        }
      }
      advance("]", true);
      self->type = NodeType::Unary;
      return self;
    }
    if (id == "{") return object_parser(self, nullptr);
    if (id == "|") {
      self->type = NodeType::Transform;
      self->pattern = expression(0);
      advance("|", false);
      self->update = expression(0);
      if (id_ == ",") {
        advance(",", false);
        self->del = expression(0);
      }
      advance("|", false);
      return self;
    }
    if (id == "(end)") throw_error("S0207", self->position, self->value);
    throw_error("S0211", self->position, self->value);
  }

  NodePtr object_parser(const NodePtr& self, const NodePtr& left) {
    std::vector<std::pair<NodePtr, NodePtr>> pairs;
    if (id_ != "}") {
      for (;;) {
        NodePtr n = expression(0);
        advance(":", false);
        NodePtr v = expression(0);
        pairs.emplace_back(n, v);
        if (id_ != ",") break;
        advance(",", false);
      }
    }
    advance("}", true);
    self->pairs = std::move(pairs);
    if (!left) {
      self->type = NodeType::Unary;
    } else {
      self->lhs = left;
      self->type = NodeType::Binary;
    }
    return self;
  }

  NodePtr led(const NodePtr& self, const std::string& id, const NodePtr& left) {
    if (id == "(") return call(self, left);
    if (id == "[") {
      if (id_ == "]") {
        Node* step = left.get();
        while (step && step->type == NodeType::Binary && step->value == "[") step = step->lhs.get();
        step->keep_array = true;
        advance("]", false);
        return left;
      }
      self->lhs = left;
      self->rhs = expression(0);
      self->type = NodeType::Binary;
      advance("]", true);
      return self;
    }
    if (id == "^") {
      advance("(", false);
      for (;;) {
        SortTerm term;
        if (id_ == "<") {
          advance("<", false);
        } else if (id_ == ">") {
          term.descending = true;
          advance(">", false);
        }
        term.expression = expression(0);
        self->terms.push_back(std::move(term));
        if (id_ != ",") break;
        advance(",", false);
      }
      advance(")", false);
      self->lhs = left;
      self->type = NodeType::Binary;
      return self;
    }
    if (id == "{") return object_parser(self, left);
    if (id == ":=") {
      if (left->type != NodeType::Variable) throw_error("S0212", left->position, left->value);
      self->lhs = left;
      self->rhs = expression(binding_power(":=") - 1);
      self->type = NodeType::Binary;
      return self;
    }
    if (id == "@" || id == "#") {
      self->lhs = left;
      self->rhs = expression(binding_power(id));
      if (self->rhs->type != NodeType::Variable) throw_error("S0214", self->rhs->position, id);
      self->type = NodeType::Binary;
      return self;
    }
    if (id == "?") {
      self->type = NodeType::Condition;
      self->condition = left;
      self->then = expression(0);
      if (id_ == ":") {
        advance(":", false);
        self->otherwise = expression(0);
      }
      return self;
    }
    // plain infix operators
    int bp = binding_power(id);
    if (bp <= 0) throw_error("S0201", self->position, self->value);
    self->lhs = left;
    self->rhs = expression(bp);
    self->type = NodeType::Binary;
    return self;
  }

  NodePtr call(const NodePtr& self, const NodePtr& left) {
    self->procedure = left;
    self->type = NodeType::Function;
    if (id_ != ")") {
      for (;;) {
        if (node_->type == NodeType::Operator && id_ == "?") {
          self->type = NodeType::Partial;
          node_->type = NodeType::Placeholder;
          self->arguments.push_back(node_);
          advance("?", false);
        } else {
          self->arguments.push_back(expression(0));
        }
        if (id_ != ",") break;
        advance(",", false);
      }
    }
    advance(")", true);
    if (left->type == NodeType::Name && (left->value == "function" || left->value == "\u03BB")) {
      int i = 0;
      for (const auto& arg : self->arguments) {
        ++i;
        if (arg->type != NodeType::Variable) {
          JsonataException e;
          e.code = "S0208";
          e.position = arg->position;
          e.token = arg->value;
          e.value = Value::number(i);
          throw e;
        }
        self->params.push_back(arg->value);
      }
      self->type = NodeType::Lambda;
      if (id_ == "<") {
        std::size_t sig_pos = node_->position;
        int depth = 1;
        std::string sig = "<";
        while (depth > 0 && id_ != "{" && id_ != "(end)") {
          advance("", false);
          if (id_ == ">")
            --depth;
          else if (id_ == "<")
            ++depth;
          sig += node_->value;
        }
        advance(">", false);
        try {
          self->signature = parse_signature(sig);
        } catch (JsonataException& e) {
          e.position = sig_pos;
          throw;
        }
      }
      advance("{", false);
      self->body = expression(0);
      advance("}", false);
    }
    return self;
  }

  std::string_view text_;
  Tokenizer lexer_;
  NodePtr node_;
  std::string id_;
  int depth_ = 0;
};

}  // namespace

NodePtr parse(std::string_view text) {
  Parser p(text);
  NodePtr raw = p.run();
  return rewrite_ast(raw);
}

}  // namespace sfn::jsonata
