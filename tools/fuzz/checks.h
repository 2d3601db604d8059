// Helpers of the invariant checks in targets.h, which the fuzz targets and
// tests/test_fuzz_regressions.cpp share: a check returns what it found wrong instead of
// aborting, so that the test can say which invariant a saved reproducer breaks.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "ingest/source.h"

namespace planparse::fuzz {

// What an invariant check found: empty when the input passed.
using Violation = std::string;
using Check = Violation (*)(std::string_view bytes);

// Well-formed UTF-8 (Unicode Table 3-7: no overlong forms, surrogates or values past
// U+10FFFF). Our own, so that a decoder bug cannot hide behind the same decoder's check.
inline bool is_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;  // the range of the second byte
    if (lead < 0x80) {
      length = 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      const unsigned char c = byte(i + k);
      if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF)) return false;
    }
    i += length;
  }
  return true;
}

// "YYYY-MM-DD" naming a day that exists (the schema's pattern checks only the digits).
inline bool is_iso_date(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  for (size_t i = 0, part = 0; i < date.size(); ++i) {
    if (date[i] == '-') {
      ++part;
      continue;
    }
    if (date[i] < '0' || date[i] > '9') return false;
    parts[part] = parts[part] * 10 + (date[i] - '0');
  }
  const int year = parts[0];
  const int month = parts[1];
  const int day = parts[2];
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// The text the stages after ingest are given: the bytes decoded as UTF-8 by decode_source,
// which rejects ill-formed, binary and blank input. The stages' contract starts there, so a
// fuzzer feeding them raw bytes would report the decoder's job as their bugs.
inline std::optional<std::string> as_text(std::string_view bytes) {
  Result<Source> source = decode_source("fuzz", std::string(bytes), DecodeOptions{"UTF-8"});
  if (!source.ok()) return std::nullopt;
  return std::move(source.value().text);
}

// The fuzz targets' body: a violated invariant is a finding, so it aborts (libFuzzer saves the
// input as a crash artifact) after saying which one.
inline int run(Check check, const uint8_t* data, size_t size) {
  const Violation violation = check(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!violation.empty()) {
    std::fprintf(stderr, "invariant violated: %s\n", violation.c_str());
    std::abort();
  }
  return 0;
}

}  // namespace planparse::fuzz
