// Feeds, CSV. See csv.h.
#include "feeds/csv.h"

#include <cerrno>
#include <cstring>

namespace planparse::feeds {
namespace {

std::string file_of(const CsvFiles& csv, size_t table) {
  return csv.directory + "/" + std::string(table_specs()[table].name) + ".csv";
}

Failure cannot_write(const CsvFiles& csv, size_t table) {
  return Failure{Code::io_error, "cannot write " + file_of(csv, table) + ": " + std::strerror(errno), ""};
}

}  // namespace

std::string csv_field(const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return "";
  if (const long long* number = std::get_if<long long>(&value)) return std::to_string(*number);
  const std::string& text = std::get<std::string>(value);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_record(const Row& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(row[i]);
  }
  return out + "\r\n";
}

Result<CsvFiles> open_csv(const std::string& directory) {
  CsvFiles csv;
  csv.directory = directory;
  for (size_t t = 0; t < kTableCount; ++t) {
    csv.files[t].open(file_of(csv, t), std::ios::binary | std::ios::trunc);
    Row header;
    for (std::string_view column : table_specs()[t].columns) header.emplace_back(std::string(column));
    csv.files[t] << csv_record(header);
    if (!csv.files[t]) return cannot_write(csv, t);
  }
  return csv;
}

std::optional<Failure> write_csv(CsvFiles& csv, const Rows& rows) {
  for (size_t t = 0; t < kTableCount; ++t) {
    for (const Row& row : rows.tables[t]) csv.files[t] << csv_record(row);
    if (!csv.files[t]) return cannot_write(csv, t);
  }
  return std::nullopt;
}

std::optional<Failure> close_csv(CsvFiles& csv) {
  for (size_t t = 0; t < kTableCount; ++t) {
    csv.files[t].close();
    if (!csv.files[t]) return cannot_write(csv, t);
  }
  return std::nullopt;
}

}  // namespace planparse::feeds
