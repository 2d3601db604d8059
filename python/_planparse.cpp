// The Python binding (pybind11): the core's functions as the pure-Python package
// python/planparse/ calls them. Nothing here is meant to be called by users directly:
// planparse/__init__.py turns the failure tuples into exceptions and the JSON into dicts.
//
// Errors are values here too: a call that can fail returns (result, None) or (None, failure),
// failure = (exit_code, code, message, where) with the exit code `planparse` would give
// (README's table) and the kebab-case code of ingest/diagnostic.h. The Python side raises.
//
// What each function stands on: parsing, emitting and validating mirror `planparse parse`
// (tools/planparse.cpp run_parse: the context loaded first (parsers/context.h), the output checked
// against the schema), the batch's per-input work and input walk are the batch's own
// (feeds/batch.h process_input, collect_inputs; the context of parsers/context.h
// loaded once per call, as `batch` loads it once per run), the rows are feeds/relational.h's flatten,
// the SQLite writer feeds/sqlite.h, the diff diff/diff.h. The public header api/planparse.h has
// no registry, strict mode, diff or rows, so the module links the same static core as the CLI
// and uses the stage headers, the way the CLI does; it re-derives none of their logic.
//
// The GIL is released around every call into the core, so a Python thread pool (or Dask's
// threaded workers) parses on all cores. Tested by python/tests/.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <Python.h>

#include <chrono>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/planparse.h"
#include "plan_sql.h"  // generated: schema/plan.sql
#include "diff/diff.h"
#include "feeds/batch.h"
#include "feeds/output.h"
#include "feeds/relational.h"
#include "feeds/sqlite.h"
#include "ingest/source.h"
#include "parsers/context.h"
#include "parsers/pipeline.h"
#include "schema/emit.h"
#include "schema/json_input.h"
#include "schema/plan_json.h"

namespace py = pybind11;

namespace {

// `planparse`'s exit codes (tools/planparse.cpp).
enum Exit { kInvalid = 1, kUsage = 2, kIo = 3, kInternal = 4 };

// The exit code a failure of `code` gives where the CLI does not decide by the stage.
int exit_for(planparse::Code code) {
  switch (code) {
    case planparse::Code::io_error: return kIo;
    case planparse::Code::unknown_encoding:
    case planparse::Code::invalid_vocabulary: return kUsage;
    case planparse::Code::internal_error:
    case planparse::Code::out_of_memory: return kInternal;
    default: return kInvalid;
  }
}

// Text from the core as str: messages may quote file names holding any bytes, which come
// back as surrogate escapes (os.fsdecode's convention) rather than a UnicodeDecodeError.
py::str text(const std::string& value) {
  PyObject* object = PyUnicode_DecodeUTF8(value.data(), static_cast<Py_ssize_t>(value.size()), "surrogateescape");
  if (object == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(object);
}

// The inverse of text(): a str back to the bytes it stands for, surrogate escapes included.
std::string utf8_of(py::handle object) {
  PyObject* bytes = PyUnicode_AsEncodedString(object.ptr(), "utf-8", "surrogateescape");
  if (bytes == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::bytes>(bytes);
}

py::tuple failure(int exit_code, const planparse::Failure& f) {
  return py::make_tuple(exit_code, text(std::string(planparse::code_name(f.code))), text(f.message), text(f.where));
}

// What a parse gives back before the GIL is taken again.
struct Parsed {
  std::string json;
  std::optional<std::pair<int, planparse::Failure>> failure;
};

struct ParseRequest {
  std::string encoding;
  std::string vocab;     // a directory, or empty for the built-in vocabularies
  std::string registry;  // a file, or empty for the built-in registry
  bool strict = false;
  bool compact = false;
  size_t max_bytes = planparse::kDefaultMaxBytes;
};

// run_parse of tools/planparse.cpp, with the source read by `read`.
template <class Read>
Parsed parse_with(Read read, const ParseRequest& request) {
  Parsed out;
  auto fail = [&](int exit_code, planparse::Failure f) {
    out.failure.emplace(exit_code, std::move(f));
    return out;
  };
  try {
    const planparse::Result<planparse::ParseContext> context =
        planparse::load_parse_context(request.vocab, request.registry);
    if (!context.ok()) return fail(kUsage, context.error());
    planparse::Result<planparse::Source> source = read(planparse::DecodeOptions{request.encoding, request.max_bytes});
    if (!source.ok()) {
      const planparse::Code code = source.error().code;
      return fail(code == planparse::Code::unknown_encoding ? kUsage : code == planparse::Code::io_error ? kIo : kInvalid,
                  source.error());
    }
    planparse::Result<planparse::Plan> plan = planparse::parse_source(source.value(), context.value());
    if (!plan.ok()) {
      return fail(plan.error().code == planparse::Code::out_of_memory ? kInternal : kInvalid, plan.error());
    }
    if (request.strict) {
      if (std::optional<planparse::Failure> doubtful = planparse::strict_failure(plan.value())) {
        return fail(kInvalid, *doubtful);
      }
    }
    // The CLI's emitter, which checks the plan against the schema as it writes it.
    planparse::Result<std::string> rendered = planparse::render_plan(plan.value(), request.compact);
    if (!rendered.ok()) {
      return fail(kInternal, planparse::Failure{planparse::Code::internal_error,
                                                "internal error: " + rendered.error().message, ""});
    }
    out.json = std::move(rendered).value();
  } catch (const std::bad_alloc&) {
    return fail(kInternal, planparse::Failure{planparse::Code::out_of_memory, "out of memory", ""});
  }
  return out;
}

py::tuple parsed_result(const Parsed& parsed) {
  if (parsed.failure) return py::make_tuple(py::none(), failure(parsed.failure->first, parsed.failure->second));
  return py::make_tuple(text(parsed.json), py::none());
}

ParseRequest request_of(const std::string& encoding, const py::object& vocab, const py::object& registry, bool strict,
                        bool compact, size_t max_bytes) {
  ParseRequest request;
  request.encoding = encoding;
  if (!vocab.is_none()) request.vocab = vocab.cast<std::string>();
  if (!registry.is_none()) request.registry = registry.cast<std::string>();
  request.strict = strict;
  request.compact = compact;
  request.max_bytes = max_bytes;
  return request;
}

py::tuple parse_path(const py::bytes& path, const std::string& encoding, const py::object& vocab,
                     const py::object& registry, bool strict, bool compact, size_t max_bytes) {
  const std::string file = path;
  const ParseRequest request = request_of(encoding, vocab, registry, strict, compact, max_bytes);
  Parsed parsed;
  {
    py::gil_scoped_release release;
    parsed = parse_with([&](const planparse::DecodeOptions& options) { return planparse::read_source(file, options); },
                        request);
  }
  return parsed_result(parsed);
}

py::tuple parse_data(const std::string& name, const py::bytes& data, const std::string& encoding, const py::object& vocab,
                     const py::object& registry, bool strict, bool compact, size_t max_bytes) {
  std::string bytes = data;
  const ParseRequest request = request_of(encoding, vocab, registry, strict, compact, max_bytes);
  Parsed parsed;
  {
    py::gil_scoped_release release;
    parsed = parse_with(
        [&](const planparse::DecodeOptions& options) { return planparse::decode_source(name, std::move(bytes), options); },
        request);
  }
  return parsed_result(parsed);
}

// The library's own time for `repeat` parses of one file, as `planparse parse --compact` does
// them (read, parse, emit, validate, dump), with no Python in the loop: the baseline of
// tools/bench_python.py. Seconds in all; raises ValueError when the file does not parse.
double library_seconds(const py::bytes& path, int repeat) {
  const std::string file = path;
  const ParseRequest request = request_of("", py::none(), py::none(), false, true, planparse::kDefaultMaxBytes);
  bool ok = true;
  std::chrono::duration<double> elapsed{};
  {
    py::gil_scoped_release release;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repeat && ok; ++i) {
      ok = !parse_with([&](const planparse::DecodeOptions& options) { return planparse::read_source(file, options); },
                       request)
                .failure;
    }
    elapsed = std::chrono::steady_clock::now() - start;
  }
  if (!ok) throw py::value_error("library_seconds: the file does not parse");
  return elapsed.count();
}

std::vector<py::str> validate(const std::string& json) {
  std::vector<std::string> violations;
  {
    py::gil_scoped_release release;
    violations = planparse::validate_json_text(json);
  }
  std::vector<py::str> out;
  for (const std::string& violation : violations) out.push_back(text(violation));
  return out;
}

// A vocabulary directory or registry file given from Python (bytes of a path, or None for
// the built-in one), as load_parse_context takes it.
std::string path_or_builtin(const py::object& path) { return path.is_none() ? std::string() : path.cast<std::string>(); }

// `planparse diff --format json` of two sides given as bytes (a document or plan JSON), each
// document side parsed, and a 1.0 JSON side's agencies linked, with the context of `vocab` and
// `registry` (run_diff of tools/planparse.cpp: loaded first, a failure is exit 2).
py::tuple diff(const std::string& old_name, const py::bytes& old_data, const std::string& new_name,
               const py::bytes& new_data, const std::string& mode_name, const py::object& vocab,
               const py::object& registry) {
  std::string old_bytes = old_data;
  std::string new_bytes = new_data;
  const std::string vocabulary_directory = path_or_builtin(vocab);
  const std::string registry_file = path_or_builtin(registry);
  std::optional<std::pair<int, planparse::Failure>> failed;
  std::string json;
  {
    py::gil_scoped_release release;
    try {
      const planparse::Result<planparse::ParseContext> context =
          planparse::load_parse_context(vocabulary_directory, registry_file);
      if (!context.ok()) failed.emplace(kUsage, context.error());
      std::optional<planparse::Result<planparse::LoadedPlan>> sides[2];
      if (!failed) {
        sides[0].emplace(planparse::load_plan_bytes(old_name, std::move(old_bytes), context.value()));
        sides[1].emplace(planparse::load_plan_bytes(new_name, std::move(new_bytes), context.value()));
        for (const auto& side : sides) {
          if (!side->ok() && !failed) failed.emplace(exit_for(side->error().code), side->error());
        }
      }
      if (!failed) {
        const std::optional<planparse::DiffMode> mode = planparse::diff_mode_from_name(mode_name);
        const planparse::PlanDiff plan_diff = planparse::diff_plans(sides[0]->value(), sides[1]->value(), mode);
        planparse::Result<std::string> rendered = planparse::render_diff(plan_diff, planparse::DiffFormat::json);
        if (rendered.ok()) {
          json = std::move(rendered).value();
        } else {
          failed.emplace(kInternal, rendered.error());
        }
      }
    } catch (const std::bad_alloc&) {
      failed.emplace(kInternal, planparse::Failure{planparse::Code::out_of_memory, "out of memory", ""});
    }
  }
  if (failed) return py::make_tuple(py::none(), failure(failed->first, failed->second));
  return py::make_tuple(text(json), py::none());
}

// The files `planparse batch INPUT...` reads, in its order (sorted bytes, no repeats).
py::tuple collect_inputs(const std::vector<py::bytes>& arguments) {
  std::vector<std::string> given;
  for (const py::bytes& argument : arguments) given.push_back(argument);
  std::istringstream no_stdin;
  planparse::Result<std::vector<std::string>> inputs = planparse::feeds::collect_inputs(given, no_stdin, nullptr);
  if (!inputs.ok()) return py::make_tuple(py::none(), failure(kIo, inputs.error()));
  py::list out;
  for (const std::string& path : inputs.value()) out.append(py::bytes(path));
  return py::make_tuple(out, py::none());
}

// What `planparse batch --to jsonl` makes of each of `paths` (feeds/batch.h process_input),
// every one parsed with one context, loaded once by load_parse_context from `vocab` and
// `registry` (bytes of paths, or None for the built-in ones), as the batch loads it once for
// all its inputs: a Dask task calls this once for its chunk of paths, which are what travel
// to the worker, never a loaded vocabulary. The GIL is released for the whole chunk.
// Returns ([(error line or None, code, sha256, the JSON line without its line feed, bytes
// read), ...], None), or (None, failure) when the context does not load (exit 2, as parse's).
py::tuple process_inputs(const std::vector<py::bytes>& paths, bool strict, const std::string& encoding,
                         size_t max_bytes, const py::object& vocab, const py::object& registry) {
  std::vector<std::string> files;
  for (const py::bytes& path : paths) files.push_back(path);
  const std::string vocabulary_directory = path_or_builtin(vocab);
  const std::string registry_file = path_or_builtin(registry);
  std::optional<planparse::Failure> failed;
  std::vector<planparse::feeds::BatchItem> items;
  {
    py::gil_scoped_release release;
    planparse::Result<planparse::ParseContext> context = planparse::load_parse_context(vocabulary_directory, registry_file);
    if (context.ok()) {
      planparse::feeds::BatchOptions options;
      options.target = planparse::feeds::Target::jsonl;
      options.strict = strict;
      options.decode = planparse::DecodeOptions{encoding, max_bytes};
      options.context = std::move(context).value();
      items.reserve(files.size());
      for (const std::string& file : files) items.push_back(planparse::feeds::process_input(file, options, {}));
    } else {
      failed = context.error();
    }
  }
  if (failed) return py::make_tuple(py::none(), failure(kUsage, *failed));
  py::list out;
  for (const planparse::feeds::BatchItem& item : items) {
    out.append(py::make_tuple(item.error ? py::object(text(*item.error)) : py::object(py::none()),
                              std::string(planparse::code_name(item.code)), item.sha256, text(item.json), item.bytes));
  }
  return py::make_tuple(out, py::none());
}

// Whether `vocab` and `registry` load (load_parse_context): (None, None), or (None, failure)
// with exit 2, as parse's. What the Python side calls before it reads any input, so that a
// bad one is reported first, as the CLI reports it.
py::tuple check_context(const py::object& vocab, const py::object& registry) {
  const std::string vocabulary_directory = path_or_builtin(vocab);
  const std::string registry_file = path_or_builtin(registry);
  std::optional<planparse::Failure> failed;
  {
    py::gil_scoped_release release;
    const planparse::Result<planparse::ParseContext> context =
        planparse::load_parse_context(vocabulary_directory, registry_file);
    if (!context.ok()) failed = context.error();
  }
  return py::make_tuple(py::none(), failed ? py::object(failure(kUsage, *failed)) : py::object(py::none()));
}

// One input: process_inputs of [path], (None, failure) or (the one item, None).
py::tuple process_input(const py::bytes& path, bool strict, const std::string& encoding, size_t max_bytes,
                        const py::object& vocab, const py::object& registry) {
  py::tuple result = process_inputs({path}, strict, encoding, max_bytes, vocab, registry);
  if (!result[1].is_none()) return result;
  return py::make_tuple(py::object(result[0].cast<py::list>()[0]), py::none());
}

py::object value(const planparse::feeds::Value& v) {
  if (std::holds_alternative<long long>(v)) return py::int_(std::get<long long>(v));
  if (std::holds_alternative<std::string>(v)) return text(std::get<std::string>(v));
  return py::none();
}

// The plan read back from its JSON (the inverse of to_json), or the failure.
planparse::Result<planparse::Plan> plan_of(const std::string& json) {
  planparse::Result<nlohmann::ordered_json> document = planparse::parse_json_input(json);
  if (!document.ok()) return document.error();
  return planparse::plan_from_json(document.value());
}

// The rows of one plan, as `batch --to sqlite` stores them: {table: [row tuple, ...]}.
py::tuple flatten(const std::string& json, const py::bytes& path, const std::string& ingested_at, long long document_id,
                  long long first_activity_id) {
  const std::string file = path;
  std::optional<planparse::feeds::Rows> rows;
  std::optional<planparse::Failure> failed;
  {
    py::gil_scoped_release release;
    planparse::Result<planparse::Plan> plan = plan_of(json);
    if (plan.ok()) {
      rows = planparse::feeds::flatten(plan.value(), planparse::feeds::Provenance{file, ingested_at}, document_id,
                                       first_activity_id);
    } else {
      failed = plan.error();
    }
  }
  if (failed) return py::make_tuple(py::none(), failure(exit_for(failed->code), *failed));
  py::dict out;
  for (size_t t = 0; t < planparse::feeds::kTableCount; ++t) {
    py::list table;
    for (const planparse::feeds::Row& row : rows->tables[t]) {
      py::tuple tuple(row.size());
      for (size_t k = 0; k < row.size(); ++k) tuple[k] = value(row[k]);
      table.append(tuple);
    }
    out[py::str(std::string(planparse::feeds::table_specs()[t].name))] = table;
  }
  return py::make_tuple(out, py::none());
}

py::list table_specs() {
  py::list out;
  for (const planparse::feeds::TableSpec& spec : planparse::feeds::table_specs()) {
    py::list columns;
    for (std::string_view column : spec.columns) columns.append(std::string(column));
    out.append(py::make_tuple(std::string(spec.name), columns));
  }
  return out;
}

planparse::Code code_named(const std::string& name) {
  const std::optional<planparse::Code> code = planparse::code_from_name(name);
  if (!code) throw py::value_error("no such failure code: " + name);
  return *code;
}

py::tuple failure_row(const py::bytes& path, const std::string& sha256, const std::string& code, const py::str& error,
                      const std::string& at) {
  const planparse::feeds::Row row = planparse::feeds::failure_row(path, sha256, code_named(code), utf8_of(error), at);
  py::tuple out(row.size());
  for (size_t k = 0; k < row.size(); ++k) out[k] = value(row[k]);
  return out;
}

// A database `batch --to sqlite` writes, written from Python one document at a time.
struct Database {
  std::optional<planparse::feeds::Database> database;

  planparse::feeds::Database& open_one() {
    if (!database) throw py::value_error("the database is closed");
    return *database;
  }
};

py::tuple open_database(const py::bytes& path) {
  const std::string file = path;
  planparse::Result<planparse::feeds::OutputFile> target = planparse::feeds::resolve_output_file(file);
  if (!target.ok()) return py::make_tuple(py::none(), failure(kIo, target.error()));
  planparse::Result<planparse::feeds::Database> opened = planparse::feeds::open_database(target.value().path);
  if (!opened.ok()) return py::make_tuple(py::none(), failure(kIo, opened.error()));
  auto database = std::make_unique<Database>();
  database->database.emplace(std::move(opened).value());
  return py::make_tuple(py::cast(std::move(database)), py::none());
}

py::object failure_or_none(const std::optional<planparse::Failure>& f) {
  if (!f) return py::none();
  return failure(kIo, *f);
}

// A text file replaced atomically (feeds/output.h AtomicFile): what `batch -o` writes JSONL with.
struct AtomicWriter {
  planparse::feeds::AtomicFile file;
};

}  // namespace

PYBIND11_MODULE(_planparse, m) {
  m.doc() = "planparse's core, for the planparse package (see python/planparse/__init__.py)";
  m.def("version", [] { return std::string(planparse::version()); });
  m.def("parse_path", &parse_path, py::arg("path"), py::arg("encoding"), py::arg("vocab"), py::arg("registry"),
        py::arg("strict"), py::arg("compact"), py::arg("max_bytes"));
  m.def("parse_data", &parse_data, py::arg("name"), py::arg("data"), py::arg("encoding"), py::arg("vocab"),
        py::arg("registry"), py::arg("strict"), py::arg("compact"), py::arg("max_bytes"));
  m.def("library_seconds", &library_seconds, py::arg("path"), py::arg("repeat"));
  m.def("validate", &validate, py::arg("json"));
  m.def("diff", &diff, py::arg("old_name"), py::arg("old_data"), py::arg("new_name"), py::arg("new_data"),
        py::arg("mode"), py::arg("vocab") = py::none(), py::arg("registry") = py::none());
  m.def("collect_inputs", &collect_inputs, py::arg("arguments"));
  m.def("process_input", &process_input, py::arg("path"), py::arg("strict"), py::arg("encoding"), py::arg("max_bytes"),
        py::arg("vocab") = py::none(), py::arg("registry") = py::none());
  m.def("check_context", &check_context, py::arg("vocab"), py::arg("registry"));
  m.def("process_inputs", &process_inputs, py::arg("paths"), py::arg("strict"), py::arg("encoding"),
        py::arg("max_bytes"), py::arg("vocab") = py::none(), py::arg("registry") = py::none());
  m.def("flatten", &flatten, py::arg("json"), py::arg("path"), py::arg("ingested_at"), py::arg("document_id"),
        py::arg("first_activity_id"));
  m.def("table_specs", &table_specs);
  m.def("failure_row", &failure_row, py::arg("path"), py::arg("sha256"), py::arg("code"), py::arg("error"),
        py::arg("at"));
  m.def("schema_sql", [] { return std::string(planparse::generated::plan_sql); });
  m.def("timestamp_now", &planparse::feeds::timestamp_now);
  m.attr("default_max_bytes") = planparse::kDefaultMaxBytes;

  py::class_<Database>(m, "Database")
      .def("stored_hashes",
           [](Database& self) {
             std::unordered_set<std::string> hashes;
             if (std::optional<planparse::Failure> f = planparse::feeds::stored_hashes(self.open_one(), hashes)) {
               throw py::value_error(f->message);
             }
             return hashes;
           })
      .def("store",
           [](Database& self, const std::string& json, const py::bytes& path, const std::string& ingested_at) {
             const std::string file = path;
             planparse::Result<planparse::Plan> plan = plan_of(json);
             if (!plan.ok()) return py::make_tuple(py::none(), failure(exit_for(plan.error().code), plan.error()));
             planparse::Result<bool> stored = planparse::feeds::store_document(
                 self.open_one(), plan.value(), planparse::feeds::Provenance{file, ingested_at});
             if (!stored.ok()) return py::make_tuple(py::none(), failure(kIo, stored.error()));
             return py::make_tuple(stored.value(), py::none());
           })
      .def("store_failure",
           [](Database& self, const py::tuple& row) {
             planparse::feeds::Row values;
             for (const py::handle item : row) {
               if (item.is_none()) {
                 values.emplace_back(std::monostate{});
               } else if (py::isinstance<py::int_>(item)) {
                 values.emplace_back(item.cast<long long>());
               } else {
                 values.emplace_back(utf8_of(item));
               }
             }
             return failure_or_none(planparse::feeds::store_failure(self.open_one(), values));
           })
      .def("commit", [](Database& self) { return failure_or_none(planparse::feeds::commit(self.open_one())); })
      .def("close", [](Database& self) {
        py::object result = py::none();
        if (self.database) result = failure_or_none(planparse::feeds::commit(*self.database));
        self.database.reset();
        return result;
      });
  m.def("open_database", &open_database, py::arg("path"));

  py::class_<AtomicWriter>(m, "AtomicWriter")
      .def(py::init<>())
      .def("open", [](AtomicWriter& self, const py::bytes& path) { return failure_or_none(self.file.open(path)); })
      .def("write", [](AtomicWriter& self, const std::string& bytes) { self.file.write(bytes); })
      .def("commit", [](AtomicWriter& self) { return failure_or_none(self.file.commit()); })
      .def("discard", [](AtomicWriter& self) { self.file.discard(); });
}
