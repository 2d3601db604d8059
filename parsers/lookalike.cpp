// Resolve, step: look-alike letters. See lookalike.h.
#include "parsers/lookalike.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include "parsers/text.h"

namespace planparse {
namespace {

struct SpoofCloser {
  void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};

// One checker for the process; uspoof_getSkeleton is safe to call concurrently.
const USpoofChecker* spoof_checker() {
  static const std::unique_ptr<USpoofChecker, SpoofCloser> checker = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* made = uspoof_open(&status);
    if (U_FAILURE(status)) made = nullptr;
    return std::unique_ptr<USpoofChecker, SpoofCloser>(made);
  }();
  return checker.get();
}

// A letter of neither Latin nor Cyrillic (nor the common and inherited marks every script
// shares); its script, or USCRIPT_INVALID_CODE for one of ours.
UScriptCode foreign_script_of(char32_t c) {
  // Below U+0250 every letter is Latin, and U+0400..U+052F is Cyrillic: no ICU call for the
  // letters of nearly every plan.
  if (c < 0x250 || (c >= 0x400 && c <= 0x52F)) return USCRIPT_INVALID_CODE;
  if (!is_letter(c) || is_latin_letter(c) || is_cyrillic_letter(c)) return USCRIPT_INVALID_CODE;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) return USCRIPT_INVALID_CODE;
  return script;
}

}  // namespace

std::string confusable_skeleton(std::string_view word) {
  const USpoofChecker* checker = spoof_checker();
  if (checker == nullptr) return std::string(word);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString skeleton;
  uspoof_getSkeletonUnicodeString(checker, 0, input, skeleton, &status);
  if (U_FAILURE(status)) return std::string(word);
  std::string out;
  skeleton.toUTF8String(out);
  return out;
}

std::string fold_lookalikes(std::string_view word) {
  std::u32string chars = to_u32(word);
  int latin = 0;
  int cyrillic = 0;
  for (char32_t c : chars) {
    latin += is_latin_letter(c);
    cyrillic += is_cyrillic_letter(c);
  }
  if (latin == 0 || cyrillic == 0) return std::string(word);
  const bool to_latin = latin >= cyrillic;
  for (char32_t& c : chars) {
    const bool minority = to_latin ? is_cyrillic_letter(c) : is_latin_letter(c);
    if (!minority) continue;
    // A letter's look-alike in the other script is the letter there with the same skeleton.
    const std::u32string skeleton = to_u32(confusable_skeleton(to_utf8(std::u32string(1, c))));
    if (skeleton.size() != 1) return std::string(word);
    const char32_t target = skeleton[0];
    if (to_latin ? is_latin_letter(target) : is_cyrillic_letter(target)) {
      c = target;
      continue;
    }
    // The skeleton may be in a third script or in the minority one (Latin "M" has skeleton
    // "M"; Cyrillic letters are prototyped in Latin): search the target script's capitals.
    bool found = false;
    for (char32_t candidate = to_latin ? U'A' : U'А'; candidate <= (to_latin ? U'Z' : U'Я'); ++candidate) {
      if (confusable_skeleton(to_utf8(std::u32string(1, candidate))) == to_utf8(skeleton)) {
        c = candidate;
        found = true;
        break;
      }
    }
    if (!found) return std::string(word);
  }
  return to_utf8(chars);
}

std::string foreign_script(std::string_view text) {
  if (is_ascii(text)) return {};
  for (char32_t c : to_u32(text)) {
    const UScriptCode script = foreign_script_of(c);
    if (script != USCRIPT_INVALID_CODE) return uscript_getName(script);
  }
  return {};
}

char32_t latin_lookalike(char32_t c) {
  if (foreign_script_of(c) == USCRIPT_INVALID_CODE) return 0;
  // The skeletons of the Latin capitals, computed once: a letter looks like the capital whose
  // skeleton it shares (Greek "Ι" and Latin "I" both have "l").
  static const std::vector<std::string> capitals = [] {
    std::vector<std::string> skeletons;
    for (char32_t latin = U'A'; latin <= U'Z'; ++latin) skeletons.push_back(confusable_skeleton(to_utf8(std::u32string(1, latin))));
    return skeletons;
  }();
  const std::string skeleton = confusable_skeleton(to_utf8(std::u32string(1, c)));
  for (size_t k = 0; k < capitals.size(); ++k) {
    if (capitals[k] == skeleton) return static_cast<char32_t>(U'A' + k);
  }
  return 0;
}

std::string fold_foreign_lookalikes(std::string_view word) {
  if (is_ascii(word)) return std::string(word);
  std::u32string chars = to_u32(word);
  for (char32_t& c : chars) {
    if (const char32_t latin = latin_lookalike(c)) c = latin;
  }
  return to_utf8(chars);
}

std::string latin_transliteration(std::string_view word) {
  // ICU's Any-Latin costs tens of microseconds a call; ASCII words only need upper case.
  if (is_ascii(word)) {
    std::string out(word);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
  }
  // A Transliterator is not safe to share between threads; each thread builds its own once.
  thread_local const std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Any-Upper", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  if (transliterator) transliterator->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace planparse
