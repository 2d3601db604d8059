// Small Unicode helpers shared by the stages (ICU underneath): case folding for vocabulary
// matching, trimming, and script tests. Tested by test_text.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planparse {

// Full Unicode case folding of UTF-8 text ("Agencies" -> "agencies", "ДО" -> "до").
std::string fold_case(std::string_view text);

// ASCII white space trimmed at both ends (the normalise stage has already made every
// Unicode space an ASCII one).
std::string_view trim(std::string_view text);

// True when `text` begins with `prefix` and the prefix ends at a word boundary.
bool starts_with_words(std::string_view text, std::string_view prefix);

// Splits on `sep`, keeping empty pieces.
std::vector<std::string_view> split(std::string_view text, char sep);

// Code points of UTF-8 text (invalid sequences become U+FFFD).
std::u32string to_u32(std::string_view text);
std::string to_utf8(std::u32string_view text);

// The code point that starts at byte `at` and the one that ends just before it (U+FFFD for an
// invalid sequence, 0 past either end). They decode one character in place: word-boundary tests
// run per vocabulary phrase per paragraph, and a string of code points for each was most of
// their cost.
char32_t code_point_at(std::string_view text, size_t at);
char32_t code_point_before(std::string_view text, size_t at);
// The code point at byte `at`, moving `at` past it (by one byte at least, at an invalid one).
char32_t next_code_point(std::string_view text, size_t& at);

// The words of folded text, for matching word families: runs of letters and digits, an inner
// hyphen or slash kept ("іс-шара", "п/п"); "№" and "#" are words of their own.
std::vector<std::string> words_of(std::string_view folded);

// Whether a folded word belongs to a vocabulary's word family: a pattern ending in "*" is a stem
// that matches every word it begins ("срок*": срок, сроки, срока); any other is the whole word.
bool in_family(std::string_view word, std::string_view pattern);

// Whether a folded word belongs to any of the word families (in_family).
bool in_any_family(std::string_view word, const std::vector<std::string>& families);

// A number as a row prints it, without the one "." or ")" that may close it: "12." -> "12",
// "IV)" -> "IV", "1.2." -> "1.2".
std::string_view without_number_end(std::string_view text);

// An activity number as a row prints it: "12", "12.", "12)", "№12", "№ 12" -> 12, up to 9 digits. Longer digit
// runs are is_overflowing_number.
std::optional<int> parse_row_number(std::string_view text);
// An activity numbered within a group, as plans that number their sections "1.", "2." number
// the rows under them: "1.1", "2.3.", "2.3)" -> {1, 1}, {2, 3}. Two parts, each as
// parse_row_number reads it.
struct SubNumber {
  int group = 0;
  int item = 0;
};
std::optional<SubNumber> parse_sub_number(std::string_view text);
// A row number's digits as printed, without the number sign before it and the "." or ")" that
// closes it: "№ 1.2." -> "1.2".
std::string_view number_digits(std::string_view text);

// The number of a list item and its text in one paragraph, as notes and glossaries number their
// lines: "1. text", "2) text", "(3) text" -> {1, 2, 3; the bytes of the mark and the spaces after
// it}. Up to three digits, a space after the mark and some text after the space; none for "1.2",
// "1." alone or "2026 год".
struct ListItem {
  int number = 0;
  size_t length = 0;  // of the mark and the spaces after it: the text starts there
};
std::optional<ListItem> list_item(std::string_view text);

// A number too long to hold ("99999999999999999999", with "." or ")" allowed).
bool is_overflowing_number(std::string_view text);

// True when the text is a lone dash or bullet ("-", "–", "•"): how a Word list copied without
// its numbers marks rows. Whether it marks a row or stands for an empty cell is the table's call.
bool is_row_mark(std::string_view text);

// Whether the text's first character past opening brackets and quotes is a lower-case letter:
// "исполнители", "(млн. тенге)" go on from a line above; "Срок", "2-бөлім", "«Жоба»", "№ п/п"
// do not.
bool starts_in_lower_case(std::string_view text);

// Any hyphen or dash a published text uses between two words or years: - ‐ ‑ ‒ – — ― −.
bool is_dash(char32_t c);

// True when every byte is ASCII (the common case, where ICU round trips can be skipped).
bool is_ascii(std::string_view text);

// Removes the characters of Unicode category Cf (format: bidi controls such as U+202E, word
// joiners, soft hyphens, BOMs) from `text` and returns the distinct ones removed, in order of
// first appearance; none for text without them. "\u202EIRWM\u202C" displays as "MWRI" and
// matches no glossary, so agency and glossary entries drop them before matching.
std::vector<char32_t> strip_format_characters(std::string& text);

// "U+202E, U+202C": code points as Unicode writes them, for messages.
std::string code_point_list(const std::vector<char32_t>& code_points);

bool is_latin_letter(char32_t c);
bool is_cyrillic_letter(char32_t c);
bool is_upper(char32_t c);
bool is_letter(char32_t c);

}  // namespace planparse
