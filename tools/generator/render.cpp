// Renderers and encodings of generated plans. See generator.h.
#include <memory>
#include <random>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "tools/generator/generator.h"
#include "tools/generator/words.h"

namespace planparse::gen {
namespace {

using Rng = std::mt19937_64;

bool chance(Rng& rng, double p) { return std::bernoulli_distribution(p)(rng); }
template <class T>
const T& pick(Rng& rng, const std::vector<T>& list) {
  return list[std::uniform_int_distribution<size_t>(0, list.size() - 1)(rng)];
}

const words::Language& language_of(const Plan& plan) {
  return plan.language == "ru" ? words::russian() : words::english();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// An agency cell as published: entries joined with commas; a group led by the conjunction
// ("and other ... bodies") follows its neighbour after a space or a comma; two plain
// abbreviations are sometimes joined by the conjunction itself ("MIA and MJ"), which the
// parser splits back into two entries with the same texts.
std::string agency_cell(const std::vector<Agency>& agencies, const words::Language& lang, Rng& rng, bool chains) {
  const auto plain = [&](const Agency& a) {
    return a.kind == "agency" && a.abbr && a.text.find("“") == std::string::npos && a.text.find("«") == std::string::npos;
  };
  std::string cell;
  bool piece_joined = false;  // the comma-separated piece being written holds a conjunction
  for (size_t k = 0; k < agencies.size(); ++k) {
    const Agency& agency = agencies[k];
    if (k > 0) {
      const bool joined_group = agency.text.starts_with(lang.conjunction + " ");
      const bool may_join = chains || !piece_joined;
      if (joined_group && may_join && chance(rng, 0.7)) {
        cell += " ";
        piece_joined = true;
      } else if (!joined_group && may_join && plain(agency) && plain(agencies[k - 1]) && chance(rng, chains ? 0.3 : 0.1)) {
        cell += " " + lang.conjunction + " ";
        piece_joined = true;
      } else {
        cell += ", ";
        piece_joined = joined_group;
      }
    }
    cell += agency.text;
  }
  return cell;
}

// The paragraphs of each cell of one activity, in column order (number column included).
std::vector<std::vector<std::string>> activity_cells(const Plan& plan, const Activity& activity, Rng& rng,
                                                     const Rendering& rendering) {
  const words::Language& lang = language_of(plan);
  std::vector<std::vector<std::string>> cells;
  const std::string bullet = chance(rng, 0.8) ? "- " : "• ";
  for (const Column& column : plan.columns) {
    std::vector<std::string> cell;
    if (column.role == "number") {
      cell.push_back(std::to_string(activity.number) + (chance(rng, 0.1) ? "." : ""));
    } else if (column.role == "name") {
      cell = split_lines(activity.name);
      for (const std::string& item : activity.items) cell.push_back(bullet + item);
    } else if (column.role == "outcome") {
      for (const Outcome& outcome : activity.outcomes) cell.push_back(outcome.text);
    } else if (column.role == "deadline") {
      for (const Outcome& outcome : activity.outcomes) {
        if (outcome.deadline) cell.push_back(outcome.deadline->text);
      }
    } else if (column.role == "agencies") {
      cell.push_back(agency_cell(activity.agencies, lang, rng, rendering.conjunction_chains));
    } else if (column.role == "other") {
      for (const auto& [header, text] : activity.extra) {
        if (header == column.header && !text.empty()) cell = split_lines(text);
      }
    }
    cells.push_back(std::move(cell));
  }
  return cells;
}

// "I. Title", "Section 2. Title"; `bare` drops the prefix of an Arabic number ("2. Title"),
// which only a full-width grid row tells from a name cell.
std::string section_heading(const Plan& plan, const Section& section, bool bare = false, bool cyrillic_numeral = false) {
  const bool arabic = !section.number.empty() && section.number[0] >= '0' && section.number[0] <= '9';
  std::string number = section.number;
  // Russian typists write Roman numerals with the Cyrillic І and Х; they read as Latin.
  if (cyrillic_numeral && plan.language == "ru" && !arabic && number.find_first_not_of("IVX") == std::string::npos) {
    std::string cyrillic;
    for (char c : number) cyrillic += c == 'I' ? "\u0406" : c == 'X' ? "\u0425" : std::string(1, c);
    number = cyrillic;
  }
  return (arabic && !bare ? language_of(plan).section_prefix + " " : std::string()) + number + ". " + section.title;
}

// Sections in order, each followed by its activities; activities before any section first.
template <class OnSection, class OnActivity>
void walk_table(const Plan& plan, OnSection on_section, OnActivity on_activity) {
  size_t a = 0;
  while (a < plan.activities.size() && !plan.activities[a].section) on_activity(plan.activities[a++]);
  for (const Section& section : plan.sections) {
    on_section(section);
    while (a < plan.activities.size() && plan.activities[a].section == section.number) on_activity(plan.activities[a++]);
  }
  while (a < plan.activities.size()) on_activity(plan.activities[a++]);
}

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

// Word splits a paragraph's text over runs at arbitrary places, words included: split at a
// character boundary (never inside a UTF-8 sequence) into two spans.
std::string word_runs(std::string_view text, Rng& rng, const std::string& lang_attr) {
  if (text.size() < 4 || !chance(rng, 0.3)) return "<span lang=" + lang_attr + ">" + escape(text) + "</span>";
  size_t cut = std::uniform_int_distribution<size_t>(1, text.size() - 1)(rng);
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  return "<span lang=" + lang_attr + ">" + escape(text.substr(0, cut)) + "</span><span lang=" + lang_attr +
         " style='mso-bidi-font-size:11.0pt'>" + escape(text.substr(cut)) + "</span>";
}

// The charset a page declares; a UTF-16 page's BOM says more than its declaration.
std::string meta_charset(const Plan& plan, Encoding encoding) {
  return encoding == Encoding::utf16le ? "utf-16" : encoding == Encoding::utf8 ? "utf-8" : charset_name(plan, encoding);
}

}  // namespace

const char* extension(Format format) {
  switch (format) {
    case Format::text: return "txt";
    case Format::portal_html: return "html";
    case Format::word_html: return "htm";
  }
  return "txt";
}

std::string describe(const Rendering& rendering) {
  const char* format = rendering.format == Format::text ? "text" : rendering.format == Format::portal_html ? "portal-html" : "word-html";
  const char* encoding = rendering.encoding == Encoding::utf8 ? "utf-8" : rendering.encoding == Encoding::legacy ? "legacy" : "utf-16le";
  return std::string(format) + "/" + encoding + " style " + std::to_string(rendering.style);
}

std::string render_text(const Plan& plan, const Rendering& rendering) {
  Rng rng(rendering.style);
  const words::Language& lang = language_of(plan);
  std::vector<std::string> paragraphs;
  // Some copies come with a paragraph per line and no blank lines at all.
  const bool line_per_paragraph = chance(rng, 0.25);
  // The portal leaves paragraphs holding one no-break space between and inside cells.
  const auto spacer = [&] {
    if (!line_per_paragraph && chance(rng, 0.1)) paragraphs.push_back("\u00a0");
  };
  if (plan.title) paragraphs.push_back(*plan.title);
  for (const std::string& p : plan.intro) {
    spacer();
    paragraphs.push_back(p);
  }
  spacer();
  for (const Column& column : plan.columns) {
    if (column.header) paragraphs.push_back(*column.header);
  }
  walk_table(
      plan,
      [&](const Section& section) {
        spacer();
        paragraphs.push_back(section_heading(plan, section, false, chance(rng, 0.3)));
      },
      [&](const Activity& activity) {
        spacer();
        for (const std::vector<std::string>& cell : activity_cells(plan, activity, rng, rendering)) {
          for (const std::string& p : cell) {
            paragraphs.push_back(p);
            spacer();
          }
        }
      });
  spacer();
  paragraphs.push_back(pick(rng, lang.glossary_headings));
  const std::vector<std::string> dashes = {"–", "—", "-"};
  if (chance(rng, 0.3)) {
    // A glossary table flattened column by column: the abbreviations, the dashes, the names.
    const bool with_dashes = chance(rng, 0.5);
    for (const Abbreviation& entry : plan.abbreviations) paragraphs.push_back(entry.abbr);
    for (size_t k = 0; with_dashes && k < plan.abbreviations.size(); ++k) paragraphs.push_back("–");
    for (const Abbreviation& entry : plan.abbreviations) paragraphs.push_back(entry.name);
  } else {
    for (const Abbreviation& entry : plan.abbreviations) {
      paragraphs.push_back(entry.abbr + " " + pick(rng, dashes) + " " + entry.name);
      spacer();
    }
  }
  if (plan.published) {
    if (chance(rng, 0.5)) {
      paragraphs.push_back(pick(rng, lang.published_words));
      paragraphs.push_back(words::day_words(lang, *plan.published));
    } else {
      paragraphs.push_back(pick(rng, lang.published_words) + ": " + words::day_words(lang, *plan.published));
    }
  }
  const std::string eol = chance(rng, 0.3) ? "\r\n" : "\n";
  std::string out;
  for (const std::string& p : paragraphs) out += p + eol + (line_per_paragraph ? "" : eol);
  return out;
}

std::string render_portal_html(const Plan& plan, const Rendering& rendering) {
  Rng rng(rendering.style);
  const std::string charset = meta_charset(plan, rendering.encoding);
  const words::Language& lang = language_of(plan);
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + plan.language + "\">\n<head>\n<meta charset=\"" + charset +
                    "\">\n<title>" + escape(plan.title.value_or("")) + "</title>\n</head>\n<body>\n";
  out += "<header><nav><a href=\"/\">Home</a></nav></header>\n<article>\n";
  if (plan.title) out += "<h1>" + escape(*plan.title) + "</h1>\n";
  for (const std::string& p : plan.intro) out += "<p>" + escape(p) + "</p>\n";
  out += "<table class=\"plan\">\n<thead>\n<tr>";
  for (const Column& column : plan.columns) out += "<th>" + escape(column.header.value_or("")) + "</th>";
  out += "</tr>\n</thead>\n<tbody>\n";
  const std::string width = std::to_string(plan.columns.size());
  walk_table(
      plan,
      [&](const Section& section) {
        out += "<tr><td colspan=\"" + width + "\"><strong>" + escape(section_heading(plan, section, chance(rng, 0.5))) + "</strong></td></tr>\n";
      },
      [&](const Activity& activity) {
        out += "<tr>";
        for (const std::vector<std::string>& cell : activity_cells(plan, activity, rng, rendering)) {
          out += "<td>";
          if (cell.size() == 1 && chance(rng, 0.5)) {
            out += escape(cell[0]);
          } else {
            if (chance(rng, 0.1)) out += "<p>&nbsp;</p>";
            for (const std::string& p : cell) out += "<p>" + escape(p) + "</p>";
          }
          out += "</td>";
        }
        out += "</tr>\n";
      });
  out += "</tbody>\n</table>\n";
  out += "<p>" + escape(pick(rng, lang.glossary_headings)) + "</p>\n";
  if (chance(rng, 0.5)) {
    out += "<table class=\"abbreviations\">\n";
    for (const Abbreviation& entry : plan.abbreviations) {
      out += "<tr><td>" + escape(entry.abbr) + "</td><td>" + escape(entry.name) + "</td></tr>\n";
    }
    out += "</table>\n";
  } else {
    for (const Abbreviation& entry : plan.abbreviations) out += "<p>" + escape(entry.abbr) + " – " + escape(entry.name) + "</p>\n";
  }
  if (plan.published) {
    out += "<p>" + escape(pick(rng, lang.published_words)) + "</p>\n<p>" + escape(words::day_words(lang, *plan.published)) +
           "</p>\n";
  }
  out += "</article>\n<footer><p>All rights reserved</p></footer>\n</body>\n</html>\n";
  return out;
}

std::string render_word_html(const Plan& plan, const Rendering& rendering) {
  Rng rng(rendering.style);
  const std::string charset = meta_charset(plan, rendering.encoding);
  const words::Language& lang = language_of(plan);
  const std::string lang_attr = plan.language == "ru" ? "RU" : "EN-US";
  const std::string eol = "\r\n";
  std::string out = "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"" + eol +
                    "xmlns:w=\"urn:schemas-microsoft-com:office:word\">" + eol + "<head>" + eol +
                    "<meta http-equiv=Content-Type content=\"text/html; charset=" + charset + "\">" + eol +
                    "<meta name=Generator content=\"Microsoft Word 15 (filtered)\">" + eol +
                    "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->" + eol +
                    "<style><!-- p.MsoNormal {margin:0cm; font-size:12.0pt;} --></style>" + eol + "</head>" + eol +
                    "<body lang=" + lang_attr + " style='tab-interval:35.4pt'>" + eol + "<div class=WordSection1>" + eol;
  const auto paragraph = [&](std::string_view text, const char* cls = "MsoNormal") {
    return std::string("<p class=") + cls + ">" + word_runs(text, rng, lang_attr) + "<o:p></o:p></p>" + eol;
  };
  const std::string empty = "<p class=MsoNormal><o:p>&nbsp;</o:p></p>" + eol;
  if (plan.title) out += paragraph(*plan.title, "MsoTitle");
  for (const std::string& p : plan.intro) {
    out += paragraph(p);
    if (chance(rng, 0.3)) out += empty;
  }
  out += empty;
  out += "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>" + eol;
  out += " <tr>" + eol;
  for (const Column& column : plan.columns) {
    out += "  <td valign=top>" + (column.header ? paragraph(*column.header) : empty) + "  </td>" + eol;
  }
  out += " </tr>" + eol;
  const std::string width = std::to_string(plan.columns.size());
  const auto td = [&](const std::vector<std::string>& cell, size_t rowspan) {
    std::string html = "  <td valign=top" + (rowspan > 1 ? " rowspan=" + std::to_string(rowspan) : std::string()) + ">" + eol;
    for (const std::string& p : cell) html += paragraph(p);
    if (cell.empty()) html += empty;
    return html + "  </td>" + eol;
  };
  walk_table(
      plan,
      [&](const Section& section) {
        out += " <tr>" + eol + "  <td colspan=" + width + " valign=top>" + paragraph(section_heading(plan, section, chance(rng, 0.5))) + "  </td>" +
               eol + " </tr>" + eol;
      },
      [&](const Activity& activity) {
        const std::vector<std::vector<std::string>> cells = activity_cells(plan, activity, rng, rendering);
        const size_t parts = std::max<size_t>(1, activity.outcomes.size());
        // One <tr> per outcome; the number and agencies span them, and so does the name unless
        // it has a paragraph per part (then each part's row holds its own, the tasks).
        const bool split_name = parts > 1 && activity.outcomes[0].task.has_value();
        for (size_t part = 0; part < parts; ++part) {
          out += " <tr>" + eol;
          for (size_t c = 0; c < plan.columns.size(); ++c) {
            const std::string& role = plan.columns[c].role;
            const bool per_part = role == "outcome" || role == "deadline" || (role == "name" && split_name);
            if (parts == 1) {
              out += td(cells[c], 1);
            } else if (per_part) {
              std::vector<std::string> piece;
              if (role == "name") {
                piece.push_back(cells[c][part]);
                // Bullets go with the last part.
                if (part + 1 == parts) piece.insert(piece.end(), cells[c].begin() + static_cast<std::ptrdiff_t>(parts), cells[c].end());
              } else if (part < cells[c].size()) {
                piece.push_back(cells[c][part]);
              }
              out += td(piece, 1);
            } else if (part == 0) {
              out += td(cells[c], parts);
            }
          }
          out += " </tr>" + eol;
        }
      });
  out += "</table>" + eol + empty;
  out += paragraph(pick(rng, lang.glossary_headings));
  if (chance(rng, 0.5)) {
    out += "<table class=MsoTableGrid border=0>" + eol;
    for (const Abbreviation& entry : plan.abbreviations) {
      out += " <tr><td>" + paragraph(entry.abbr) + "</td><td>" + paragraph(entry.name) + "</td></tr>" + eol;
    }
    out += "</table>" + eol;
  } else {
    for (const Abbreviation& entry : plan.abbreviations) {
      out += paragraph(entry.abbr + " – " + entry.name);
      if (chance(rng, 0.1)) out += empty;
    }
  }
  if (plan.published) {
    out += empty + paragraph(pick(rng, lang.published_words)) + paragraph(words::day_words(lang, *plan.published));
  }
  out += "</div>" + eol + "</body>" + eol + "</html>" + eol;
  return out;
}

std::string charset_name(const Plan& plan, Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8: return "UTF-8";
    case Encoding::legacy: return plan.language == "ru" ? "windows-1251" : "windows-1252";
    case Encoding::utf16le: return "UTF-16LE";
  }
  return "UTF-8";
}

std::optional<std::string> encode(std::string_view utf8, std::string_view charset) {
  if (charset == "UTF-8") return std::string(utf8);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(std::string(charset).c_str(), &status), ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  // Stop at the first character the charset lacks instead of writing a substitute.
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<size_t>(text.length()) * 4 + 16, '\0');
  const int32_t length = ucnv_fromUChars(converter.get(), out.data(), static_cast<int32_t>(out.size()), text.getBuffer(),
                                         text.length(), &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<size_t>(length));
  if (charset == "UTF-16LE") out.insert(0, "\xFF\xFE");
  return out;
}

std::optional<std::string> render(const Plan& plan, const Rendering& rendering) {
  std::string utf8;
  switch (rendering.format) {
    case Format::text: utf8 = render_text(plan, rendering); break;
    case Format::portal_html: utf8 = render_portal_html(plan, rendering); break;
    case Format::word_html: utf8 = render_word_html(plan, rendering); break;
  }
  return encode(utf8, charset_name(plan, rendering.encoding));
}

}  // namespace planparse::gen
