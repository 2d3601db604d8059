// One pattern for every closed set whose values are written as names (JSON, SQL, stderr):
// an enum class and one constexpr table of {value, name}, read both ways by the two lookups
// here. The table is the only place a name is spelt, so a typo in code is a compile error
// and the output and the input readers cannot disagree. Tested by test_names.cpp.
// Installed, beside schema/plan.h, which uses it: includes here stay relative or standard.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace planparse {

template <class E>
struct Named {
  E value;
  std::string_view name;
};

// The name of `value`; empty for a value the table lacks (only a cast can make one, and the
// schema check then refuses the output rather than let a wrong name through).
template <class E, std::size_t N>
constexpr std::string_view name_in(const std::array<Named<E>, N>& table, E value) {
  for (const Named<E>& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return {};
}

// The value named `name`, exactly (names are lower-case ASCII); nullopt for any other text.
template <class E, std::size_t N>
constexpr std::optional<E> value_named(const std::array<Named<E>, N>& table, std::string_view name) {
  for (const Named<E>& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

// True when the table lists the enumerators 0, 1, … in declaration order: a header states it
// with static_assert beside its table, so a row left out before the last one, or rows out of
// order (the parsers index per-role arrays by a column role), fail to compile; test_names.cpp
// pins the last.
template <class E, std::size_t N>
constexpr bool lists_in_order(const std::array<Named<E>, N>& table) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(table[i].value) != i) return false;
  }
  return true;
}

}  // namespace planparse
