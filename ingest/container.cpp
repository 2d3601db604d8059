// Stage 0, ingest, step: containers. See container.h.
#include "ingest/container.h"

#include <zip.h>

#include <memory>
#include <string>

namespace planparse {
namespace {

constexpr std::string_view kOle2Signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
// What to do with a file planparse does not read: Word writes both forms planparse reads.
constexpr std::string_view kSaveAs = "open it and save it as Word (.docx) or as a web page";

struct ZipClose {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

Container refuse(std::string what) {
  return Container{ContainerKind::unsupported, Failure{Code::unsupported_format, std::move(what), ""}};
}

// The name as UTF-16LE, as OLE2 directory entries store it.
std::string utf16le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

bool holds_utf16(std::string_view bytes, std::string_view ascii) {
  return bytes.find(utf16le(ascii)) != std::string_view::npos;
}

Container sniff_ole2(std::string_view bytes) {
  if (holds_utf16(bytes, "EncryptionInfo") || holds_utf16(bytes, "EncryptedPackage")) {
    return refuse(
        "an encrypted (password-protected) Office document is not read; open it, remove the password and save it as "
        "Word (.docx)");
  }
  if (holds_utf16(bytes, "WordDocument")) {
    return refuse("a legacy Word document (.doc) is not read; open it and save it as Word (.docx)");
  }
  if (holds_utf16(bytes, "Workbook") || holds_utf16(bytes, "Book")) {
    return refuse("a legacy Excel workbook (.xls) is not read; save the plan's sheet as a web page, or copy its table "
                  "into Word and save it as Word (.docx)");
  }
  return refuse("a legacy Office file (OLE2: .doc, .xls, .ppt or an encrypted document) is not read; " +
                std::string(kSaveAs));
}

// The few bytes of ODF's `mimetype` entry ("application/vnd.oasis.opendocument.text"), at most
// 128 of them: enough to name the kind.
std::string read_mimetype(zip_t* archive, zip_int64_t index) {
  zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) return {};
  char buffer[128];
  const zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
  zip_fclose(file);
  return got > 0 ? std::string(buffer, static_cast<size_t>(got)) : std::string();
}

Container sniff_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return refuse("a ZIP archive that cannot be opened is not read");
  }
  std::unique_ptr<zip_t, ZipClose> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return refuse("a ZIP archive that cannot be opened (" + reason +
                  ") is not read; if it is a Word document it is damaged: open it in Word and save it again");
  }
  zip_error_fini(&error);
  if (zip_name_locate(archive.get(), "word/document.xml", ZIP_FL_ENC_RAW) >= 0) return Container{ContainerKind::docx, {}};
  const zip_int64_t mimetype = zip_name_locate(archive.get(), "mimetype", ZIP_FL_ENC_RAW);
  if (mimetype >= 0) {
    const std::string type = read_mimetype(archive.get(), mimetype);
    if (type.starts_with("application/vnd.oasis.opendocument.text")) {
      return refuse("an OpenDocument text (.odt) is not read; open it and save it as Word (.docx)");
    }
    if (type.starts_with("application/vnd.oasis.opendocument.spreadsheet")) {
      return refuse("an OpenDocument spreadsheet (.ods) is not read; save the plan's sheet as a web page, or copy its "
                    "table into Word and save it as Word (.docx)");
    }
    if (type.starts_with("application/vnd.oasis.opendocument")) {
      return refuse("an OpenDocument file is not read; " + std::string(kSaveAs));
    }
  }
  bool word = false, sheet = false, slides = false;
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name == nullptr) continue;
    const std::string_view entry(name);
    word = word || entry.starts_with("word/");
    sheet = sheet || entry.starts_with("xl/");
    slides = slides || entry.starts_with("ppt/");
  }
  if (word) {
    return refuse("a Word document without word/document.xml (its text) is not read: the file is damaged; open it in "
                  "Word and save it again");
  }
  if (sheet) {
    return refuse("a spreadsheet (.xlsx) is not read; save the plan's sheet as a web page, or copy its table into Word "
                  "and save it as Word (.docx)");
  }
  if (slides) return refuse("a presentation (.pptx) is not read; copy the plan's table into Word and save it as Word (.docx)");
  return refuse("a ZIP archive that holds no Word document (no word/document.xml) is not read; unpack it and give "
                "planparse the plan inside");
}

}  // namespace

bool opens_like_container(std::string_view head) {
  return head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06") || head.starts_with(kOle2Signature);
}

Container sniff_container(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return sniff_zip(bytes);
  if (bytes.starts_with(kOle2Signature)) return sniff_ole2(bytes);
  if (bytes.starts_with("%PDF-")) return refuse("a PDF is not read; " + std::string(kSaveAs));
  if (bytes.starts_with("{\\rtf")) return refuse("an RTF document is not read; open it and save it as Word (.docx)");
  return Container{};
}

}  // namespace planparse
