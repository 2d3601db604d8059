// File names in the output. See file_name.h.
#include "schema/file_name.h"

namespace planparse {

size_t utf8_length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  const size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  const unsigned char second = byte(i + 1);
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) ||
      (lead == 0xF4 && second > 0x8F)) {
    return 0;
  }
  return length;
}

ShownName shown_name(std::string_view name) {
  std::string shown;
  bool valid = true;
  for (size_t i = 0; i < name.size();) {
    const size_t length = utf8_length(name, i);
    if (length == 0) {
      valid = false;
      shown += "\xEF\xBF\xBD";
      ++i;
    } else {
      shown.append(name, i, length);
      i += length;
    }
  }
  if (valid) return {std::string(name), std::nullopt};
  static const char kHex[] = "0123456789ABCDEF";
  std::string exact;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7F && byte != '%') {
      exact += c;
    } else {
      exact += '%';
      exact += kHex[byte >> 4];
      exact += kHex[byte & 0x0F];
    }
  }
  return {std::move(shown), std::move(exact)};
}

std::string name_from_bytes(std::string_view bytes) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '%' && i + 2 < bytes.size() && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
      out += static_cast<char>(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
      i += 2;
    } else {
      out += bytes[i];
    }
  }
  return out;
}

}  // namespace planparse
