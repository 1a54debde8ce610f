// Applies compiled steps to a document, collecting every selected node in document order.
#pragma once

#include <cstddef>
#include <deque>
#include <vector>

#include "expr/jsonpath/steps.h"
#include "sfn/common/json.h"

namespace sfn::jsonpath::detail {

// What one evaluation may build and walk (kMaxSelectionBytes): a deep scan copies each match's
// whole subtree, and a filter runs its paths once per node it tests, so both grow much faster
// than the document. Each copy is counted (estimated bytes) before it is made, and each node
// visited counts a little; past the limit, Exceeded is thrown and the evaluation stops.
class SelectionBudget {
 public:
  struct Exceeded {};
  explicit SelectionBudget(std::size_t limit = kMaxSelectionBytes) : limit_(limit) {}
  void visit() { spend(kVisitBytes); }
  // Counts what a copy of `node` (its whole subtree) takes, walking it without recursion.
  void copy(const Json& node);

 private:
  static constexpr std::size_t kVisitBytes = 8;
  void spend(std::size_t bytes);
  std::size_t limit_;
  std::size_t used_ = 0;
};

// The nodes a path selects, in document order: pointers into the document, copied only once
// all of them are counted (or a union of names, merged into an object already counted).
class Selection {
 public:
  void add(const Json& node) { nodes_.push_back({&node, false}); }
  void add_built(Json node) {
    built_.push_back(std::move(node));
    nodes_.push_back({&built_.back(), true});
  }
  // Counts every node's copy against `budget`, then copies them into one array.
  Json take(SelectionBudget& budget) const;

 private:
  struct Node {
    const Json* json;
    bool counted;
  };
  std::vector<Node> nodes_;
  std::deque<Json> built_;  // stable addresses
};

// Indefinite evaluation: adds every node selected by steps[index..] from `node`. `root` is the
// document '$' refers to inside filters.
void select(const std::vector<Step>& steps, std::size_t index, const Json& node, const Json& root,
            Selection& out, SelectionBudget& budget);

// True when every step selects at most one node. A union of names as the last step
// (['a','b']) counts as definite: Jayway merges it into one object.
bool is_definite(const std::vector<Step>& steps);

// Definite evaluation, without copying: the selected node of `doc` (or `merged`, for a union of
// names merged into one object), or nullptr when it does not exist.
const Json* find_definite(const std::vector<Step>& steps, const Json& doc, Json& merged,
                          SelectionBudget& budget);

}  // namespace sfn::jsonpath::detail
