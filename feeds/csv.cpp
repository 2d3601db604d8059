// Feeds, CSV. See csv.h.
#include "feeds/csv.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace planparse::feeds {
namespace {

std::string file_of(const std::string& directory, size_t table) {
  return directory + "/" + std::string(table_specs()[table].name) + ".csv";
}

std::string header_line(const std::vector<std::string_view>& columns) {
  Row header;
  for (std::string_view column : columns) header.emplace_back(std::string(column));
  return csv_record(header);
}

std::string header_of(size_t table) { return header_line(table_specs()[table].columns); }

// The file's first line is the table's header, today's or an earlier planparse's (so an
// export folder written before a column was added is still replaced, not refused).
bool written_by_planparse(const std::string& path, size_t table) {
  std::ifstream in(path, std::ios::binary);
  std::string first(4096, '\0');  // longer than any header: a big file is not read whole
  in.read(first.data(), static_cast<std::streamsize>(first.size()));
  first.resize(static_cast<size_t>(in.gcount()));
  const size_t end = first.find('\n');
  if (end == std::string::npos) return false;
  first.resize(end + 1);
  if (first == header_of(table)) return true;
  for (const EarlierLayout& layout : earlier_layouts()) {
    if (static_cast<size_t>(layout.table) == table && first == header_line(layout.columns)) return true;
  }
  return false;
}

// "-5", "+3", "12.5", "-0,75": a spreadsheet reads these as the numbers they are, not as formulas.
bool is_plain_number(const std::string& text) {
  size_t i = text.size() > 1 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  const size_t digits_from = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits_from) return false;
  if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
    const size_t fraction_from = ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == fraction_from) return false;
  }
  return i == text.size();
}

bool runs_as_formula(const std::string& text) {
  if (text.empty() || std::strchr("=+-@\t\r", text[0]) == nullptr) return false;
  return !is_plain_number(text);
}

}  // namespace

std::string csv_field(const Value& value, bool raw) {
  if (std::holds_alternative<std::monostate>(value)) return "";
  if (const long long* number = std::get_if<long long>(&value)) return std::to_string(*number);
  const std::string& given = std::get<std::string>(value);
  const std::string text = !raw && runs_as_formula(given) ? "'" + given : given;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_record(const Row& row, bool raw) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(row[i], raw);
  }
  return out + "\r\n";
}

Result<CsvFiles> open_csv(const std::string& directory, bool raw) {
  std::string folder = directory;
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  CsvFiles csv;
  csv.directory = folder;
  csv.raw = raw;
  if (std::optional<Failure> failure = ensure_directory(folder, &csv.created, &csv.directory_slot)) {
    return Failure{Code::io_error, folder + ": " + failure->message, ""};
  }
  // Every table file is checked before any is touched, so a refusal changes nothing.
  for (size_t t = 0; t < kTableCount; ++t) {
    const std::string path = file_of(folder, t);
    Result<OutputFile> target = resolve_output_file(path);
    if (!target.ok()) {
      discard_csv(csv);
      return Failure{Code::io_error, path + ": " + target.error().message, ""};
    }
    if (!target.value().exists) continue;
    if (!written_by_planparse(target.value().path, t)) {
      discard_csv(csv);
      return Failure{Code::io_error,
                     path + ": not written by planparse (its first line is not the " +
                         std::string(table_specs()[t].name) + " header); move it away or choose another folder",
                     ""};
    }
  }
  for (size_t t = 0; t < kTableCount; ++t) {
    if (std::optional<Failure> failure = csv.files[t].open(file_of(folder, t))) {
      discard_csv(csv);
      return Failure{Code::io_error, "cannot write " + file_of(folder, t) + ": " + failure->message, ""};
    }
    csv.files[t].write(header_of(t));
  }
  return csv;
}

void write_csv(CsvFiles& csv, const Rows& rows) {
  for (size_t t = 0; t < kTableCount; ++t) {
    for (const Row& row : rows.tables[t]) csv.files[t].write(csv_record(row, csv.raw));
  }
}

std::optional<Failure> close_csv(CsvFiles& csv) {
  for (size_t t = 0; t < kTableCount; ++t) {
    if (std::optional<Failure> failure = csv.files[t].commit()) {
      discard_csv(csv);
      return Failure{Code::io_error, "cannot write " + file_of(csv.directory, t) + ": " + failure->message, ""};
    }
  }
  unregister_temporary(csv.directory_slot);
  csv.directory_slot = -1;
  return std::nullopt;
}

void discard_csv(CsvFiles& csv) {
  for (AtomicFile& file : csv.files) file.discard();
  if (csv.created) ::rmdir(csv.directory.c_str());  // only when empty: a committed table file keeps it
  unregister_temporary(csv.directory_slot);
  csv.directory_slot = -1;
}

}  // namespace planparse::feeds
