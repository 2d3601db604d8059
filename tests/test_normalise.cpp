// normalise and blocks: clean lines with their numbers, paragraphs with the line they start on.
#include <catch2/catch.hpp>

#include "parsers/blocks.h"
#include "parsers/normalise.h"

using namespace planparse;

namespace {
std::vector<std::string> texts(const NormalText& text) {
  std::vector<std::string> out;
  for (const Line& line : text.lines) out.push_back(line.text);
  return out;
}
}  // namespace

TEST_CASE("normalise unifies CRLF, CR and Unicode line separators and keeps line numbers", "[normalise]") {
  const NormalText text = normalise("a\r\nb\rc\u2028d\ne");
  CHECK(texts(text) == std::vector<std::string>{"a", "b", "c", "d", "e"});
  CHECK(text.lines[4].number == 5);
}

TEST_CASE("normalise turns NBSP and other Unicode spaces into one space and trims", "[normalise]") {
  CHECK(normalise("\u00a0MIA,\u00a0 GPO \f(as\u2009agreed)\u202f ").lines[0].text == "MIA, GPO (as agreed)");
}

TEST_CASE("a tab between words stays one tab, a cell separator, leading and trailing ones go", "[normalise]") {
  CHECK(normalise("\t1 \t\t Do it\u00a0\tMIA\t ").lines[0].text == "1\tDo it\tMIA");
  CHECK(normalise_fragment("Draft\tLaw") == "Draft Law");
}

TEST_CASE("normalise drops soft hyphens and zero-width characters inside words", "[normalise]") {
  CHECK(normalise("Min\u00adistry M\u200bIA \ufeffLEB\u2060").lines[0].text == "Ministry MIA LEB");
}

TEST_CASE("normalise composes to NFC", "[normalise]") {
  // "й" as и + combining breve; "é" as e + combining acute.
  CHECK(normalise("\u0438\u0306 e\u0301").lines[0].text == "\u0439 \u00e9");
}

TEST_CASE("a line holding only spaces or NBSP is blank", "[normalise]") {
  const NormalText text = normalise("x\n\u00a0\n \t \ny");
  CHECK(texts(text) == std::vector<std::string>{"x", "", "", "y"});
}

TEST_CASE("a final line break opens no extra line", "[normalise]") {
  CHECK(normalise("a\nb\n").lines.size() == 2);
  CHECK(normalise("").lines.empty());
}

TEST_CASE("normalise_fragment cleans one cell and joins its line breaks", "[normalise]") {
  CHECK(normalise_fragment(" Draft\u00a0\nLaw ") == "Draft Law");
}

TEST_CASE("paragraphs are separated by blank lines and remember their first line", "[blocks]") {
  const Blocks blocks = split_paragraphs(normalise("Title\n\n\u00a0\n\nName\nof the plan\n\n1\n"));
  REQUIRE(blocks.paragraphs.size() == 3);
  CHECK(blocks.paragraphs[0].text == "Title");
  CHECK(blocks.paragraphs[0].line == 1);
  CHECK(blocks.paragraphs[1].text == "Name of the plan");
  CHECK(blocks.paragraphs[1].line == 5);
  CHECK(blocks.paragraphs[2].line == 8);
}

TEST_CASE("a text without blank lines has one paragraph a line", "[blocks]") {
  const Blocks blocks = split_paragraphs(normalise("Title\nName\nOutcome\nDeadline\n1\nDo it\nReport\n2024\nMIA\n"));
  CHECK(blocks.paragraphs.size() == 9);
  CHECK(blocks.paragraphs[8].line == 9);
}

TEST_CASE("each tab-separated cell of a copied table row is a paragraph on its row's line", "[blocks]") {
  const Blocks blocks = split_paragraphs(normalise("Title\n\nName\tOutcome\tDeadline\n\n1\tDo it\t\tReport\t2024\nstill the cell\n"));
  REQUIRE(blocks.paragraphs.size() == 9);
  CHECK(blocks.paragraphs[1].text == "Name");
  CHECK(blocks.paragraphs[5].text == "Do it");
  CHECK(blocks.paragraphs[5].line == 5);
  CHECK(blocks.paragraphs[8].text == "still the cell");
}
