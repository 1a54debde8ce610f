// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/functions.js, the merge sort of sort().
// The stable merge sort jsonata-js uses for both `^(...)` order-by and $sort: the comparator
// says when a must come *after* b (a user function decides that for $sort), and equal items keep
// their order.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace sfn::jsonata {

template <class Container, class After>
void merge_sort(Container& items, After after) {
  if (items.size() < 2) return;
  Container tmp(items.size());
  for (std::size_t width = 1; width < items.size(); width *= 2) {
    for (std::size_t lo = 0; lo < items.size(); lo += 2 * width) {
      std::size_t mid = std::min(lo + width, items.size());
      std::size_t hi = std::min(lo + 2 * width, items.size());
      std::size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (after(items[i], items[j]))
          tmp[k++] = items[j++];
        else
          tmp[k++] = items[i++];
      }
      while (i < mid) tmp[k++] = items[i++];
      while (j < hi) tmp[k++] = items[j++];
    }
    items.swap(tmp);
  }
}

}  // namespace sfn::jsonata
