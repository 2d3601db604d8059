// Word documents: what ingest tells by content (ingest/container.h), the WordprocessingML
// reader (parsers/docx.h) construct by construct on small documents built here with libzip, its
// package limits, the .docx samples against their text and HTML twins, and the CLI refusing
// what planparse does not read with one line and exit 1.
#include <catch2/catch.hpp>

#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/planparse.h"
#include "cli_support.h"
#include "ingest/source.h"
#include "parsers/docx.h"
#include "parsers/pipeline.h"
#include "tests/support.h"

using namespace planparse;
using namespace std::string_literals;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// A ZIP archive in memory holding `entries` (deflated), written by libzip; with a password,
// every entry is encrypted.
std::string make_zip(const Entries& entries, const char* password = nullptr) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(buffer != nullptr);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    REQUIRE(source != nullptr);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    if (password != nullptr) {
      const zip_uint16_t method = zip_encryption_method_supported(ZIP_EM_AES_256, 1) ? ZIP_EM_AES_256 : ZIP_EM_TRAD_PKWARE;
      REQUIRE(zip_file_set_encryption(archive, static_cast<zip_uint64_t>(index), method, password) == 0);
    }
  }
  REQUIRE(zip_close(archive) == 0);
  REQUIRE(zip_source_open(buffer) == 0);
  REQUIRE(zip_source_seek(buffer, 0, SEEK_END) == 0);
  const zip_int64_t size = zip_source_tell(buffer);
  REQUIRE(zip_source_seek(buffer, 0, SEEK_SET) == 0);
  std::string bytes(static_cast<size_t>(size), '\0');
  REQUIRE(zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size)) == size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string document_xml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"") + kW +
         "\"><w:body>" + body + "</w:body></w:document>";
}

// A .docx whose body is `body` (WordprocessingML), with other parts besides.
std::string make_docx(const std::string& body, Entries parts = {}) {
  parts.insert(parts.begin(), {"word/document.xml", document_xml(body)});
  parts.insert(parts.begin(), {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"});
  return make_zip(parts);
}

std::string numbering_xml(const std::string& content) {
  return std::string("<?xml version=\"1.0\"?><w:numbering xmlns:w=\"") + kW + "\">" + content + "</w:numbering>";
}

std::string p(const std::string& text) { return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>"; }
std::string cell(const std::string& content, const std::string& properties = "") {
  return "<w:tc>" + (properties.empty() ? "" : "<w:tcPr>" + properties + "</w:tcPr>") + content + "</w:tc>";
}
std::string row(const std::string& cells) { return "<w:tr>" + cells + "</w:tr>"; }
std::string table(const std::string& rows) { return "<w:tbl>" + rows + "</w:tbl>"; }
std::string numbered(int num_id, int level, const std::string& text) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

Blocks read_ok(const std::string& bytes, size_t max_bytes = size_t{256} << 20) {
  Result<Blocks> blocks = read_docx(bytes, max_bytes);
  if (!blocks.ok()) FAIL_CHECK(blocks.error().message << " at " << blocks.error().where);
  REQUIRE(blocks.ok());
  return std::move(blocks).value();
}

std::vector<std::string> texts(const Blocks& blocks) {
  std::vector<std::string> out;
  for (const Paragraph& paragraph : blocks.paragraphs) out.push_back(paragraph.text);
  return out;
}

using Strings = std::vector<std::string>;

// JSON with every "line" member removed: a .docx counts paragraphs, a text its lines.
nlohmann::json without_lines(nlohmann::json value) {
  if (value.is_object()) {
    value.erase("line");
    for (auto& [key, member] : value.items()) member = without_lines(member);
  } else if (value.is_array()) {
    for (auto& member : value) member = without_lines(member);
  }
  return value;
}

}  // namespace

// ---- detection by content ------------------------------------------------------------------

TEST_CASE("a ZIP holding word/document.xml is a Word document, handed on undecoded", "[docx]") {
  const std::string bytes = make_docx(p("x"));
  Result<Source> source = decode_source("plan.bin", bytes, DecodeOptions{"windows-1251"});
  REQUIRE(source.ok());
  CHECK(source.value().format == SourceFormat::docx);
  CHECK(source.value().encoding == "UTF-8");
  CHECK(source.value().text.empty());
  CHECK(source.value().bytes == bytes);
  CHECK(source.value().sha256 == sha256_hex(bytes));
}

TEST_CASE("what planparse does not read is refused by content with what it is and what to do", "[docx]") {
  const std::string ole2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s + std::string(504, '\0');
  const auto utf16 = [](const std::string& ascii) {
    std::string out;
    for (char c : ascii) out += std::string(1, c) + '\0';
    return out;
  };
  const struct {
    std::string bytes;
    std::string message;
  } cases[] = {
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", "a PDF is not read; open it and save it as Word (.docx) or as a web page"},
      {ole2 + utf16("WordDocument") + std::string(30, '\0'), "a legacy Word document (.doc) is not read"},
      {ole2 + utf16("Workbook") + std::string(30, '\0'), "a legacy Excel workbook (.xls) is not read"},
      {ole2 + utf16("EncryptionInfo") + utf16("EncryptedPackage"),
       "an encrypted (password-protected) Office document is not read"},
      {ole2, "a legacy Office file"},
      {make_zip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}}),
       "a spreadsheet (.xlsx) is not read"},
      {make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}}),
       "an OpenDocument text (.odt) is not read"},
      {make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", "<x/>"}}),
       "a Word document without word/document.xml (its text) is not read"},
      {make_zip({{"notes.txt", "plan"}}), "a ZIP archive that holds no Word document"},
      {"PK\x03\x04\x14\0\0\0\x08\0"s, "a ZIP archive that cannot be opened"},
      {"{\\rtf1\\ansi plan}", "an RTF document is not read"},
  };
  for (const auto& refused : cases) {
    INFO(refused.message);
    Result<Source> source = decode_source("x", refused.bytes);
    REQUIRE_FALSE(source.ok());
    CHECK(source.error().code == Code::unsupported_format);
    CHECK(source.error().message.starts_with(refused.message));
    CHECK(source.error().message.find('\n') == std::string::npos);
  }
}

// ---- the body ------------------------------------------------------------------------------

TEST_CASE("docx runs join, w:tab is a space, w:noBreakHyphen a hyphen", "[docx]") {
  const Blocks blocks = read_ok(make_docx(
      "<w:p><w:r><w:t>Minis</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>try of</w:t></w:r><w:r><w:tab/><w:t>Justice</w:t>"
      "<w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>"));
  CHECK(texts(blocks) == Strings{"Ministry of Justice-x"});
}

TEST_CASE("docx w:br ends a paragraph as a page's br does, both pieces on the paragraph's line", "[docx]") {
  const Blocks blocks = read_ok(make_docx(p("first") + "<w:p><w:r><w:t>MIA</w:t><w:br/><w:t>GPO</w:t></w:r></w:p>"));
  CHECK(texts(blocks) == Strings{"first", "MIA", "GPO"});
  CHECK(blocks.paragraphs[1].line == 2);
  CHECK(blocks.paragraphs[2].line == 2);
  CHECK_FALSE(blocks.paragraphs[1].after_line_break);
  CHECK(blocks.paragraphs[2].after_line_break);  // a wrapped deadline's second line joins the first
}

TEST_CASE("docx lines are the ordinals of w:p in document order, empty ones and cells counted", "[docx]") {
  const Blocks blocks =
      read_ok(make_docx(p("one") + "<w:p/>" + table(row(cell(p("cell a") + p("cell b")) + cell("<w:p/>"))) + p("after")));
  REQUIRE(texts(blocks) == Strings{"one", "cell a", "cell b", "after"});
  CHECK(blocks.paragraphs[0].line == 1);
  CHECK(blocks.paragraphs[1].line == 3);
  CHECK(blocks.paragraphs[2].line == 4);
  CHECK(blocks.paragraphs[3].line == 6);
}

TEST_CASE("docx tracked changes read as the document reads now: w:del and w:moveFrom dropped, w:ins kept", "[docx]") {
  const Blocks blocks = read_ok(make_docx(
      "<w:p><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>By the end of 2021</w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>By the end of 2022</w:t></w:r></w:ins></w:p>"
      "<w:p><w:moveFrom w:id=\"3\"><w:r><w:t>moved away</w:t></w:r></w:moveFrom><w:r><w:t>stays</w:t></w:r>"
      "<w:moveTo w:id=\"4\"><w:r><w:t> moved here</w:t></w:r></w:moveTo></w:p>"));
  CHECK(texts(blocks) == Strings{"By the end of 2022", "stays moved here"});
}

TEST_CASE("docx a table row deleted under tracked changes is no row", "[docx]") {
  const Blocks blocks = read_ok(make_docx(table(row(cell(p("1"))) + "<w:tr><w:trPr><w:del w:id=\"1\"/></w:trPr>" +
                                                cell(p("gone")) + "</w:tr>" + row(cell(p("2"))))));
  REQUIRE(texts(blocks) == Strings{"1", "2"});
  CHECK(blocks.paragraphs[1].grid.row == 1);
}

TEST_CASE("docx fields give their result without their code, complex and simple, nested too", "[docx]") {
  const Blocks blocks = read_ok(make_docx(
      "<w:p><w:r><w:t>Page </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText>NESTED</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
      "<w:r><w:t>nested-result</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t> of </w:t></w:r>"
      "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>"));
  CHECK(texts(blocks) == Strings{"Page 7 of 9"});
}

TEST_CASE("docx hidden runs (w:vanish) are skipped, a vanish turned off is shown", "[docx]") {
  const Blocks blocks = read_ok(make_docx(
      "<w:p><w:r><w:t>MIA, </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>SECRET, </w:t></w:r>"
      "<w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t>MJ</w:t></w:r></w:p>"));
  CHECK(texts(blocks) == Strings{"MIA, MJ"});
}

TEST_CASE("docx content controls (w:sdt) are read through, in the body, in a paragraph and around cells", "[docx]") {
  const Blocks blocks = read_ok(make_docx(
      "<w:sdt><w:sdtPr/><w:sdtContent>" + p("block control") + "</w:sdtContent></w:sdt>" +
      "<w:p><w:sdt><w:sdtContent><w:r><w:t>inline</w:t></w:r></w:sdtContent></w:sdt><w:hyperlink><w:r><w:t> link</w:t></w:r></w:hyperlink></w:p>" +
      table("<w:sdt><w:sdtContent>" + row("<w:sdt><w:sdtContent>" + cell(p("in a controlled cell")) + "</w:sdtContent></w:sdt>") +
            "</w:sdtContent></w:sdt>")));
  REQUIRE(texts(blocks) == Strings{"block control", "inline link", "in a controlled cell"});
  CHECK(blocks.paragraphs[2].grid.table == 0);
  CHECK(blocks.paragraphs[2].grid.row == 0);
}

TEST_CASE("docx table cells sit on their grid: w:gridSpan is the colspan, w:gridBefore skips columns", "[docx]") {
  const Blocks blocks = read_ok(make_docx(
      table(row(cell(p("I. Section"), "<w:gridSpan w:val=\"3\"/>")) + row(cell(p("1")) + cell(p("Name")) + cell(p("MIA"))) +
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + cell(p("late")) + "</w:tr>")));
  REQUIRE(texts(blocks) == Strings{"I. Section", "1", "Name", "MIA", "late"});
  const auto at = [&](size_t i) {
    const GridPosition& g = blocks.paragraphs[i].grid;
    return std::vector<int>{g.table, g.row, g.column, g.colspan};
  };
  CHECK(at(0) == std::vector<int>{0, 0, 0, 3});
  CHECK(at(3) == std::vector<int>{0, 1, 2, 1});
  CHECK(at(4) == std::vector<int>{0, 2, 1, 1});
}

TEST_CASE("docx a w:vMerge cell is read once where it starts, as a page's rowspan", "[docx]") {
  const std::string restart = "<w:vMerge w:val=\"restart\"/>";
  const Blocks blocks = read_ok(make_docx(table(row(cell(p("20"), restart) + cell(p("part one")) + cell(p("MIA"), restart)) +
                                                row(cell("<w:p/>", "<w:vMerge/>") + cell(p("part two")) +
                                                    cell("<w:p/>", "<w:vMerge w:val=\"continue\"/>")))));
  REQUIRE(texts(blocks) == Strings{"20", "part one", "MIA", "part two"});
  CHECK(blocks.paragraphs[3].grid.row == 1);
  CHECK(blocks.paragraphs[3].grid.column == 1);
  // The merged cells cover the two rows, as rowspan=2 would.
  CHECK(blocks.paragraphs[0].grid.rowspan == 2);
  CHECK(blocks.paragraphs[1].grid.rowspan == 1);
  CHECK(blocks.paragraphs[2].grid.rowspan == 2);
}

TEST_CASE("docx a w:vMerge cell covers the continue cells right below it at its column, no further", "[docx]") {
  const std::string restart = "<w:vMerge w:val=\"restart\"/>";
  const std::string goes_on = "<w:vMerge/>";
  // Column 0 merged over three rows; column 1 over two, then a cell of its own, then a new merge
  // whose restart has no continue under it.
  const Blocks blocks = read_ok(make_docx(table(row(cell(p("A"), restart) + cell(p("B"), restart)) +
                                                row(cell("<w:p/>", goes_on) + cell("<w:p/>", goes_on)) +
                                                row(cell("<w:p/>", goes_on) + cell(p("C"))) +
                                                row(cell(p("D")) + cell(p("E"), restart)))));
  REQUIRE(texts(blocks) == Strings{"A", "B", "C", "D", "E"});
  std::vector<int> spans;
  for (const Paragraph& paragraph : blocks.paragraphs) spans.push_back(paragraph.grid.rowspan);
  CHECK(spans == std::vector<int>{3, 2, 1, 1, 1});
}

TEST_CASE("docx text left in a continued merged cell is still read, at its own place", "[docx]") {
  const Blocks blocks =
      read_ok(make_docx(table(row(cell(p("A"), "<w:vMerge w:val=\"restart\"/>")) + row(cell(p("stray"), "<w:vMerge/>")))));
  REQUIRE(texts(blocks) == Strings{"A", "stray"});
  CHECK(blocks.paragraphs[1].grid.row == 1);
}

TEST_CASE("docx several paragraphs in a cell are paragraphs of that cell, as a page's p in a td", "[docx]") {
  const Blocks blocks = read_ok(make_docx(table(row(cell(p("12")) + cell(p("Name") + "<w:p/>" + p("- item one") + p("- item two"))))));
  REQUIRE(texts(blocks) == Strings{"12", "Name", "- item one", "- item two"});
  for (size_t i = 1; i < 4; ++i) CHECK(blocks.paragraphs[i].grid.column == 1);
}

TEST_CASE("docx a nested table is a table of its own, numbered in document order, the outer cell resumes after it", "[docx]") {
  const Blocks blocks = read_ok(make_docx(table(row(cell(p("outer") + table(row(cell(p("inner a")) + cell(p("inner b")))) +
                                                         p("outer again")) +
                                                    cell(p("next"))))));
  REQUIRE(texts(blocks) == Strings{"outer", "inner a", "inner b", "outer again", "next"});
  CHECK(blocks.paragraphs[1].grid.table == 1);
  CHECK(blocks.paragraphs[2].grid.column == 1);
  CHECK(blocks.paragraphs[3].grid.table == 0);
  CHECK(blocks.paragraphs[3].grid.column == 0);
  CHECK(blocks.paragraphs[4].grid.column == 1);
}

TEST_CASE("docx the first Title-styled paragraph is read first, as a page's h1", "[docx]") {
  const std::string styles = std::string("<?xml version=\"1.0\"?><w:styles xmlns:w=\"") + kW +
                             "\"><w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"Title\"/></w:style>"
                             "</w:styles>";
  const Blocks blocks = read_ok(make_docx(p("Approved by resolution No. 5") +
                                              "<w:p><w:pPr><w:pStyle w:val=\"a3\"/></w:pPr><w:r><w:t>Plan of measures</w:t></w:r></w:p>" + p("intro"),
                                          {{"word/styles.xml", styles}}));
  CHECK(texts(blocks) == Strings{"Plan of measures", "Approved by resolution No. 5", "intro"});
  CHECK(blocks.paragraphs[0].line == 2);
}

TEST_CASE("docx core properties: dates as page stamps, the title when the body starts with its table", "[docx]") {
  const std::string core =
      "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>Plan 2025</dc:title>"
      "<dcterms:created>2025-01-10T08:00:00Z</dcterms:created><dcterms:modified>2025-02-03T09:30:00Z</dcterms:modified>"
      "</cp:coreProperties>";
  const Blocks starts_with_table = read_ok(make_docx(table(row(cell(p("No.")))), {{"docProps/core.xml", core}}));
  CHECK(texts(starts_with_table) == Strings{"Plan 2025", "No."});
  REQUIRE(starts_with_table.page.stamps.size() == 2);
  CHECK(starts_with_table.page.stamps[0].text == "2025-02-03T09:30:00Z");
  CHECK(starts_with_table.page.stamps[1].text == "2025-01-10T08:00:00Z");
  const Blocks with_title = read_ok(make_docx(p("Own title") + table(row(cell(p("No.")))), {{"docProps/core.xml", core}}));
  CHECK(texts(with_title) == Strings{"Own title", "No."});
}

// ---- automatic numbering -------------------------------------------------------------------

TEST_CASE("docx automatic numbers are computed and prefixed: decimal, Roman, letters, Russian letters, bullets", "[docx]") {
  const auto lvl = [](int level, const std::string& format, const std::string& text, int start = 1) {
    return "<w:lvl w:ilvl=\"" + std::to_string(level) + "\"><w:start w:val=\"" + std::to_string(start) +
           "\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl>";
  };
  const std::string numbering = numbering_xml(
      "<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2.") + "</w:abstractNum>" +
      "<w:abstractNum w:abstractNumId=\"1\">" + lvl(0, "upperRoman", "%1.") + "</w:abstractNum>" +
      "<w:abstractNum w:abstractNumId=\"2\">" + lvl(0, "upperLetter", "%1)", 26) + "</w:abstractNum>" +
      "<w:abstractNum w:abstractNumId=\"3\">" + lvl(0, "russianUpper", "%1.", 9) + "</w:abstractNum>" +
      "<w:abstractNum w:abstractNumId=\"4\">" + lvl(0, "bullet", "\xEF\x82\xB7") + "</w:abstractNum>" +
      "<w:abstractNum w:abstractNumId=\"5\">" + lvl(0, "decimal", "Раздел %1.") + "</w:abstractNum>" +
      "<w:abstractNum w:abstractNumId=\"6\">" + lvl(0, "lowerRoman", "(%1)", 4) + "</w:abstractNum>" +
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num><w:num w:numId=\"4\"><w:abstractNumId w:val=\"3\"/></w:num>"
      "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"4\"/></w:num><w:num w:numId=\"6\"><w:abstractNumId w:val=\"5\"/></w:num>"
      "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"6\"/></w:num>");
  const Blocks blocks = read_ok(make_docx(
      numbered(2, 0, "Section") + numbered(1, 0, "first") + numbered(1, 1, "sub one") + numbered(1, 1, "sub two") +
          numbered(1, 0, "second") + numbered(1, 1, "sub again") + numbered(2, 0, "Section") + numbered(3, 0, "z") +
          numbered(3, 0, "zz") + numbered(4, 0, "ru") + numbered(4, 0, "ru") + numbered(5, 0, "item") +
          numbered(6, 0, "Цели") + numbered(7, 0, "iv") + "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>no list</w:t></w:r></w:p>" +
          table(row(cell("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p>"))),
      {{"word/numbering.xml", numbering}}));
  CHECK(texts(blocks) == Strings{"I. Section", "1. first",  "1.1. sub one", "1.2. sub two", "2. second",
                                 "2.1. sub again", "II. Section", "Z) z", "AA) zz", "И. ru", "К. ru", "• item",
                                 "Раздел 1. Цели", "(iv) iv", "no list", "3."});
}

TEST_CASE("docx list instances share their abstract list's counters unless a w:startOverride restarts one", "[docx]") {
  const std::string numbering = numbering_xml(
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"10\"/></w:lvlOverride></w:num>");
  const Blocks blocks = read_ok(make_docx(numbered(1, 0, "a") + numbered(2, 0, "b") + numbered(3, 0, "c") + numbered(3, 0, "d") +
                                              numbered(1, 0, "e"),
                                          {{"word/numbering.xml", numbering}}));
  CHECK(texts(blocks) == Strings{"1. a", "2. b", "10. c", "11. d", "3. e"});
}

TEST_CASE("docx a paragraph style's list numbers its paragraphs, a continued merged cell takes no number", "[docx]") {
  const std::string numbering = numbering_xml(
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.\"/><w:suff w:val=\"space\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl></w:abstractNum><w:num w:numId=\"4\"><w:abstractNumId w:val=\"0\"/></w:num>");
  const std::string styles = std::string("<?xml version=\"1.0\"?><w:styles xmlns:w=\"") + kW +
                             "\"><w:style w:type=\"paragraph\" w:styleId=\"Num\"><w:name w:val=\"numbered\"/><w:pPr><w:numPr>"
                             "<w:numId w:val=\"4\"/></w:numPr></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Num2\">"
                             "<w:name w:val=\"numbered 2\"/><w:basedOn w:val=\"Num\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Sub\">"
                             "<w:name w:val=\"numbered sub\"/><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"4\"/></w:numPr></w:pPr>"
                             "</w:style></w:styles>";
  const std::string styled = "<w:p><w:pPr><w:pStyle w:val=\"Num2\"/></w:pPr></w:p>";
  const Blocks blocks = read_ok(make_docx(table(row(cell(styled, "<w:vMerge w:val=\"restart\"/>") + cell(p("a"))) +
                                                row(cell(styled, "<w:vMerge/>") + cell(p("b"))) + row(cell(styled) + cell(p("c")))) +
                                              "<w:p><w:pPr><w:pStyle w:val=\"Sub\"/></w:pPr><w:r><w:t>sub</w:t></w:r></w:p>",
                                          {{"word/numbering.xml", numbering}, {"word/styles.xml", styles}}));
  CHECK(texts(blocks) == Strings{"1.", "a", "b", "2.", "c", "a) sub"});
}

// ---- the package's limits ------------------------------------------------------------------

TEST_CASE("docx parts are read within --max-bytes, unpacked size counted", "[docx]") {
  const std::string bytes = make_docx(p(std::string(5000, 'a')));
  Result<Blocks> blocks = read_docx(bytes, 4000);
  REQUIRE_FALSE(blocks.ok());
  CHECK(blocks.error().code == Code::limit_exceeded);
  CHECK(blocks.error().message.find("--max-bytes") != std::string::npos);
  CHECK(blocks.error().where == "word/document.xml");
  CHECK(read_docx(bytes, 100'000).ok());
}

TEST_CASE("docx a zip bomb is refused while it inflates", "[docx]") {
  const std::string bytes = make_docx(p(std::string(std::size_t{12} << 20, 'a')));
  CHECK(bytes.size() < 100'000);
  Result<Blocks> blocks = read_docx(bytes, size_t{1} << 30);
  REQUIRE_FALSE(blocks.ok());
  CHECK(blocks.error().code == Code::limit_exceeded);
  CHECK(blocks.error().message.find("zip bomb") != std::string::npos);
}

TEST_CASE("docx an encrypted part, a missing document, broken XML and a bodiless document are clear failures", "[docx]") {
  const Result<Blocks> encrypted =
      read_docx(make_zip({{"word/document.xml", document_xml(p("x"))}}, "secret"), size_t{1} << 20);
  REQUIRE_FALSE(encrypted.ok());
  CHECK(encrypted.error().code == Code::unsupported_format);
  CHECK(encrypted.error().message.starts_with("an encrypted Word document is not read"));

  const Result<Blocks> missing = read_docx(make_zip({{"word/styles.xml", "<x/>"}}), size_t{1} << 20);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == Code::unsupported_format);

  const Result<Blocks> broken = read_docx(make_zip({{"word/document.xml", "<w:document><w:body>"}}), size_t{1} << 20);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().code == Code::not_a_plan);
  CHECK(broken.error().message.starts_with("word/document.xml is not well-formed XML"));

  const Result<Blocks> bodiless = read_docx(make_zip({{"word/document.xml", "<?xml version=\"1.0\"?><other/>"}}), size_t{1} << 20);
  REQUIRE_FALSE(bodiless.ok());
  CHECK(bodiless.error().code == Code::not_a_plan);
}

TEST_CASE("docx entities are not expanded and no DTD is loaded", "[docx]") {
  const std::string body = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"AAAAAAAAAA\"><!ENTITY b \"&a;&a;&a;&a;&a;\">"
                           "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"" + std::string(kW) +
                           "\"><w:body><w:p><w:r><w:t>x&b;&ext;y</w:t></w:r></w:p></w:body></w:document>";
  const Blocks blocks = read_ok(make_zip({{"word/document.xml", body}}));
  CHECK(texts(blocks) == Strings{"xy"});
}

// ---- the samples against their twins -------------------------------------------------------

TEST_CASE("each docx sample gives its text or HTML twin's activities, sections, abbreviations, title and act", "[docx][golden]") {
  const std::pair<const char*, const char*> twins[] = {
      {"follow-up-plan-2022.en.typed.docx", "follow-up-plan-2022.en"},
      {"follow-up-plan-2022.en.numbered.docx", "follow-up-plan-2022.en"},
      {"follow-up-plan-2022.en.libreoffice.docx", "follow-up-plan-2022.en"},
      {"follow-up-plan-2022.en.python-docx.docx", "follow-up-plan-2022.en"},
      {"regional-development-plan-2023.ru.docx", "regional-development-plan-2023.ru.word"},
  };
  for (const auto& [docx, twin] : twins) {
    INFO(docx << " against " << twin);
    Result<Plan> plan = parse_file(testing::sample(docx).string());
    REQUIRE(plan.ok());
    CHECK(plan.value().source.format == SourceFormat::docx);
    const nlohmann::json actual = nlohmann::json::parse(to_json_text(plan.value()));
    // The twin's hand-written expected JSON, not a file this reader produced.
    const nlohmann::json expected = nlohmann::json::parse(testing::read_file(testing::sample(std::string(twin) + ".expected.json")));
    for (const char* field : {"activities", "sections", "abbreviations", "title", "act"}) {
      INFO("field " << field);
      CHECK(without_lines(actual.at(field)) == without_lines(expected.at(field)));
    }
    CHECK(actual.at("activities").size() == expected.at("activities").size());
  }
}

TEST_CASE("the numbered docx sample has no number typed: its numbers come from numbering.xml", "[docx]") {
  const std::string bytes = testing::read_file(testing::sample("follow-up-plan-2022.en.numbered.docx"));
  // The body as stored: no activity number and no section numeral in its text.
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  zip_file_t* file = zip_fopen(archive, "word/document.xml", 0);
  REQUIRE(file != nullptr);
  std::string body(1 << 20, '\0');
  const zip_int64_t got = zip_fread(file, body.data(), body.size());
  REQUIRE(got > 0);
  body.resize(static_cast<size_t>(got));
  zip_fclose(file);
  zip_discard(archive);
  zip_error_fini(&error);
  CHECK(body.find(">20<") == std::string::npos);
  CHECK(body.find(">VIII.") == std::string::npos);
  CHECK(body.find(">Improving the mechanisms of interaction with UN bodies<") != std::string::npos);

  Result<Blocks> blocks = read_docx(bytes, size_t{1} << 20);
  REQUIRE(blocks.ok());
  const Strings read = texts(blocks.value());
  CHECK(std::find(read.begin(), read.end(), "20.") != read.end());
  CHECK(std::find(read.begin(), read.end(), "VIII. Improving the mechanisms of interaction with UN bodies") != read.end());
  CHECK(std::find(read.begin(), read.end(), "28.") == read.end());
}

// ---- through the CLI, batch, diff ----------------------------------------------------------

TEST_CASE("docx the CLI refuses a PDF, a .doc, an .xlsx, an encrypted .docx, a zip bomb and a .docx without its text: one line, exit 1, nothing written", "[docx][cli]") {
  using testing::Run;
  using testing::Sandbox;
  const std::string ole2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s + std::string(504, '\0');
  const std::pair<std::string, std::string> inputs[] = {
      {"plan.pdf", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"},
      {"plan.doc", ole2 + "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"s},
      {"plan.xlsx", make_zip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}})},
      {"secret.docx", ole2 + "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0"s},
      {"bomb.docx", make_docx(p(std::string(std::size_t{12} << 20, 'a')))},
      {"empty.docx", make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", "<x/>"}})},
  };
  for (const auto& [name, bytes] : inputs) {
    INFO(name);
    Sandbox box;
    box.write(name, bytes);
    const Run run = box.run({"parse", name, "-o", "out.json"});
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    CHECK(testing::is_one_line(run.err));
    CHECK(run.err.starts_with("planparse: " + name + ": "));
    CHECK(box.listing() == std::vector<std::string>{name});
  }
  Sandbox box;
  box.write("plan.pdf", "%PDF-1.4\n");
  CHECK(box.run({"parse", "plan.pdf"}).err ==
        "planparse: plan.pdf: a PDF is not read; open it and save it as Word (.docx) or as a web page\n");
}

TEST_CASE("docx parse, batch and diff take .docx files", "[docx][cli]") {
  using testing::Run;
  using testing::Sandbox;
  Sandbox box;
  box.write("plan.docx", testing::read_file(testing::sample("follow-up-plan-2022.en.numbered.docx")));
  box.write("plan.txt", testing::read_file(testing::sample("follow-up-plan-2022.en.txt")));
  const Run parse = box.run({"parse", "plan.docx"});
  REQUIRE(parse.exit_code == 0);
  CHECK(testing::parse_json(parse.out)["source"]["format"] == "docx");

  std::filesystem::create_directory(box.file("in"));
  box.write("in/a.docx", testing::read_file(testing::sample("follow-up-plan-2022.en.typed.docx")));
  const Run batch = box.run({"batch", "in"});
  INFO(batch.err);
  CHECK(batch.exit_code == 0);
  CHECK(testing::line_count(batch.out) == 1);

  const Run diff = box.run({"diff", "plan.txt", "plan.docx", "--format", "json"});
  INFO(diff.err);
  CHECK(diff.exit_code == 0);
  CHECK(testing::parse_json(diff.out)["new"]["format"] == "docx");
}

TEST_CASE("docx a two-level header splits its financing column per sub-header, as a page's does", "[docx][genre]") {
  const std::string two_rows = "<w:vMerge w:val=\"restart\"/>";
  const std::string below = "<w:vMerge/>";
  const std::string body =
      p("План мероприятий") +
      table(row(cell(p("№"), two_rows) + cell(p("Наименование"), two_rows) + cell(p("Срок"), two_rows) +
                cell(p("Ответственные"), two_rows) + cell(p("Объем финансирования"), "<w:gridSpan w:val=\"2\"/>")) +
            row(cell("<w:p/>", below) + cell("<w:p/>", below) + cell("<w:p/>", below) + cell("<w:p/>", below) +
                cell(p("2027 год")) + cell(p("2028 год"))) +
            row(cell(p("1")) + cell(p("Ремонт фонтана")) + cell(p("2027 год")) + cell(p("Отдел ЖКХ")) + cell(p("10")) +
                cell(p("20"))));
  Result<Plan> plan = parse_bytes("plan.docx", make_docx(body));
  REQUIRE(plan.ok());
  REQUIRE(plan.value().activities.size() == 1);
  CHECK(plan.value().activities[0].extra == std::vector<std::pair<std::string, std::string>>{
                                                {"Объем финансирования: 2027 год", "10"}, {"Объем финансирования: 2028 год", "20"}});
  CHECK(plan.value().diagnostics.empty());
}
