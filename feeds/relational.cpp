// Feeds, step 1. See relational.h.
#include "feeds/relational.h"

#include <charconv>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <map>
#include <stdexcept>

#include "feeds/output.h"
#include "schema/file_name.h"

namespace planparse::feeds {
namespace {

Value text_or_null(const std::optional<std::string>& text) { return text ? Value(*text) : Value(); }

}  // namespace

const std::array<TableSpec, kTableCount>& table_specs() {
  static const std::array<TableSpec, kTableCount> kSpecs{{
      {"documents",
       {"id", "sha256", "name", "path", "bytes", "format", "encoding", "language", "title", "act_date", "act_number",
        "published", "schema_version", "ingested_at", "name_bytes", "path_bytes"}},
      {"intro", {"document_id", "position", "text"}},
      {"columns", {"document_id", "position", "role", "header"}},
      {"sections", {"document_id", "position", "number", "title", "line"}},
      {"activities", {"id", "document_id", "position", "number", "section", "name", "line", "label"}},
      {"items", {"activity_id", "position", "text"}},
      {"outcomes",
       {"activity_id", "position", "text", "task", "deadline_text", "deadline_from", "deadline_to", "recurrence"}},
      {"agencies", {"activity_id", "position", "text", "kind", "abbr", "name", "agency_id", "as_agreed"}},
      {"extras", {"activity_id", "position", "header", "text"}},
      {"abbreviations", {"document_id", "position", "abbr", "name", "agency_id", "line"}},
      {"diagnostics", {"document_id", "position", "severity", "code", "message", "line"}},
      {"failures", {"path", "path_bytes", "sha256", "code", "error", "at"}},
  }};
  return kSpecs;
}

const TableSpec& spec(Table table) { return table_specs()[static_cast<size_t>(table)]; }

const std::vector<EarlierLayout>& earlier_layouts() {
  static const std::vector<EarlierLayout> kEarlier{
      // A row per failed run: now a row per path, its latest error; the sha256 and code it did
      // not record are left empty.
      {Table::failures, {"path", "error", "at"},
       "INSERT INTO failures (path, path_bytes, sha256, code, error, at) SELECT path, '', '', '', error, MAX(at) "
       "FROM failures_before GROUP BY path"},
      // Keyed by (path, sha256), a path's raw bytes in `path`: such a row is kept as it was.
      {Table::failures, {"path", "sha256", "code", "error", "at"},
       "INSERT INTO failures (path, path_bytes, sha256, code, error, at) SELECT path, '', sha256, code, error, at "
       "FROM failures_before"},
      // Before name_bytes and path_bytes, which plan.sql adds last for this ALTER TABLE.
      {Table::documents,
       {"id", "sha256", "name", "path", "bytes", "format", "encoding", "language", "title", "act_date", "act_number",
        "published", "schema_version", "ingested_at"},
       "ALTER TABLE documents ADD COLUMN name_bytes TEXT; ALTER TABLE documents ADD COLUMN path_bytes TEXT"},
      // Before label, which plan.sql adds last for this ALTER TABLE.
      {Table::activities, {"id", "document_id", "position", "number", "section", "name", "line"},
       "ALTER TABLE activities ADD COLUMN label TEXT"},
  };
  return kEarlier;
}

Rows flatten(const Plan& plan, const Provenance& provenance, long long document_id, long long first_activity_id) {
  Rows rows;
  const std::optional<Act> act = plan.act;
  // TEXT is UTF-8 (Python's sqlite3 cannot even read a column that is not): names as the JSON
  // shows them, their exact bytes beside them (schema/file_name.h).
  ShownName name = shown_name(plan.source.name);
  ShownName path = shown_name(provenance.path);
  rows[Table::documents].push_back(Row{document_id, plan.source.sha256, std::move(name.name), std::move(path.name),
                                       plan.source.bytes, std::string(source_format_name(plan.source.format)), plan.source.encoding, plan.language,
                                       text_or_null(plan.title), act ? text_or_null(act->date) : Value(),
                                       act ? text_or_null(act->number) : Value(), text_or_null(plan.published),
                                       std::string(kSchemaVersion), provenance.ingested_at, text_or_null(name.bytes),
                                       text_or_null(path.bytes)});
  long long position = 0;
  for (const std::string& paragraph : plan.intro) rows[Table::intro].push_back(Row{document_id, ++position, paragraph});
  position = 0;
  for (const Column& column : plan.columns) {
    rows[Table::columns].push_back(
        Row{document_id, ++position, std::string(column_role_name(column.role)), text_or_null(column.header)});
  }
  position = 0;
  for (const Section& section : plan.sections) {
    rows[Table::sections].push_back(
        Row{document_id, ++position, section.number, section.title, static_cast<long long>(section.line)});
  }
  long long activity_id = first_activity_id;
  position = 0;
  for (const Activity& activity : plan.activities) {
    rows[Table::activities].push_back(Row{activity_id, document_id, ++position, static_cast<long long>(activity.number),
                                          text_or_null(activity.section), activity.name,
                                          static_cast<long long>(activity.line), text_or_null(activity.label)});
    long long k = 0;
    for (const std::string& item : activity.items) rows[Table::items].push_back(Row{activity_id, ++k, item});
    k = 0;
    for (const Outcome& outcome : activity.outcomes) {
      const std::optional<Deadline>& d = outcome.deadline;
      rows[Table::outcomes].push_back(Row{activity_id, ++k, outcome.text, text_or_null(outcome.task),
                                          d ? Value(d->text) : Value(), d ? text_or_null(d->from) : Value(),
                                          d ? text_or_null(d->to) : Value(),
                                          d && d->recurrence ? Value(std::string(recurrence_name(*d->recurrence))) : Value()});
    }
    k = 0;
    for (const Agency& agency : activity.agencies) {
      rows[Table::agencies].push_back(Row{activity_id, ++k, agency.text, std::string(agency_kind_name(agency.kind)), text_or_null(agency.abbr),
                                          text_or_null(agency.name), text_or_null(agency.id),
                                          agency.as_agreed ? 1LL : 0LL});
    }
    k = 0;
    for (const auto& [header, text] : activity.extra) rows[Table::extras].push_back(Row{activity_id, ++k, header, text});
    ++activity_id;
  }
  position = 0;
  for (const Abbreviation& abbreviation : plan.abbreviations) {
    rows[Table::abbreviations].push_back(
        Row{document_id, ++position, abbreviation.abbr, abbreviation.name, text_or_null(abbreviation.id),
            static_cast<long long>(abbreviation.line)});
  }
  position = 0;
  for (const Diagnostic& diagnostic : plan.diagnostics) {
    rows[Table::diagnostics].push_back(Row{document_id, ++position, std::string(severity_name(diagnostic.severity)),
                                           std::string(code_name(diagnostic.code)), diagnostic.message,
                                           static_cast<long long>(diagnostic.line)});
  }
  return rows;
}

namespace {

// Typed reads of one value; a wrong type (rows not made by flatten) throws, caught below.
const std::string& text(const Value& value) { return std::get<std::string>(value); }
long long number(const Value& value) { return std::get<long long>(value); }
std::optional<std::string> text_or_none(const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return std::nullopt;
  return text(value);
}
// A name of one of the plan's closed sets; one no value has (rows not made by flatten) throws.
template <class E, std::size_t N>
E named(const std::array<Named<E>, N>& table, const Value& value) {
  if (const std::optional<E> found = value_named(table, text(value))) return *found;
  throw std::out_of_range("no such name: " + text(value));
}

}  // namespace

std::optional<Plan> unflatten(const Rows& rows) {
  if (rows[Table::documents].size() != 1) return std::nullopt;
  try {
    Plan plan;
    const Row& d = rows[Table::documents].front();
    const std::optional<std::string> name_bytes = text_or_none(d[14]);
    plan.source = SourceInfo{name_bytes ? name_from_bytes(*name_bytes) : text(d[2]), text(d[1]), number(d[4]),
                             named(kSourceFormatNames, d[5]), text(d[6])};
    plan.language = text(d[7]);
    plan.title = text_or_none(d[8]);
    if (text_or_none(d[9]) || text_or_none(d[10])) plan.act = Act{text_or_none(d[9]), text_or_none(d[10])};
    plan.published = text_or_none(d[11]);
    for (const Row& r : rows[Table::intro]) plan.intro.push_back(text(r[2]));
    for (const Row& r : rows[Table::columns]) plan.columns.push_back(Column{named(kColumnRoleNames, r[2]), text_or_none(r[3])});
    for (const Row& r : rows[Table::sections]) plan.sections.push_back(Section{text(r[2]), text(r[3]), static_cast<int>(number(r[4]))});
    std::map<long long, size_t> by_id;  // activity id -> index
    for (const Row& r : rows[Table::activities]) {
      Activity activity;
      activity.number = static_cast<int>(number(r[3]));
      activity.section = text_or_none(r[4]);
      activity.name = text(r[5]);
      activity.line = static_cast<int>(number(r[6]));
      if (r.size() > 7) activity.label = text_or_none(r[7]);
      by_id[number(r[0])] = plan.activities.size();
      plan.activities.push_back(std::move(activity));
    }
    const auto owner = [&](const Row& r) -> Activity& { return plan.activities.at(by_id.at(number(r[0]))); };
    for (const Row& r : rows[Table::items]) owner(r).items.push_back(text(r[2]));
    for (const Row& r : rows[Table::outcomes]) {
      Outcome outcome{text(r[2]), text_or_none(r[3]), std::nullopt};
      if (text_or_none(r[4])) {
        const bool recurs = text_or_none(r[7]).has_value();
        outcome.deadline = Deadline{text(r[4]), text_or_none(r[5]), text_or_none(r[6]),
                                    recurs ? std::optional(named(kRecurrenceNames, r[7])) : std::nullopt};
      }
      owner(r).outcomes.push_back(std::move(outcome));
    }
    for (const Row& r : rows[Table::agencies]) {
      owner(r).agencies.push_back(
          Agency{text(r[2]), named(kAgencyKindNames, r[3]), text_or_none(r[4]), text_or_none(r[5]), number(r[7]) != 0, text_or_none(r[6])});
    }
    for (const Row& r : rows[Table::extras]) owner(r).extra.emplace_back(text(r[2]), text(r[3]));
    for (const Row& r : rows[Table::abbreviations]) {
      plan.abbreviations.push_back(Abbreviation{text(r[2]), text(r[3]), static_cast<int>(number(r[5])), text_or_none(r[4])});
    }
    for (const Row& r : rows[Table::diagnostics]) {
      const std::optional<Severity> severity = severity_from_name(text(r[2]));
      const std::optional<Code> code = code_from_name(text(r[3]));
      if (!severity || !code) return std::nullopt;
      plan.diagnostics.push_back(Diagnostic{*severity, *code, text(r[4]), static_cast<int>(number(r[5]))});
    }
    return plan;
  } catch (const std::exception&) {  // a wrong type, or a row of an activity that is not there
    return std::nullopt;
  }
}

Row failure_row(const std::string& path, const std::string& sha256, Code code, const std::string& error,
                const std::string& at) {
  ShownName shown = shown_name(path);
  // The error as the batch printed it (output.h one_line): it holds the path, and maybe text
  // of the input, that need not be UTF-8 or one line.
  return Row{std::move(shown.name), shown.bytes.value_or(""), sha256, std::string(code_name(code)), one_line(error), at};
}

std::string timestamp_now() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    long long seconds = 0;
    const std::string_view text(epoch);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error == std::errc() && end == text.data() + text.size() && seconds >= 0) now = static_cast<std::time_t>(seconds);
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace planparse::feeds
