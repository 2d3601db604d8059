// Stage 0, ingest, step: containers. Tells by content, never by file name, what kind of file
// a non-text input is, before the charset and binary checks run: a Word document (.docx, read
// by parsers/docx.h), or one of the formats planparse does not read, each refused with one line
// that says what the file is and what to do with it. libzip lists a ZIP's entries (by exact
// name, nothing is unpacked but ODF's few-byte `mimetype`). source.cpp is the caller. Tested
// by test_docx.cpp.
//
// The signatures, first match wins:
//   ZIP ("PK\3\4", "PK\5\6")  word/document.xml -> docx; xl/ -> spreadsheet; ppt/ -> presentation;
//                              a `mimetype` entry -> OpenDocument (its text says which);
//                              word/ without document.xml -> a damaged Word document;
//                              any other ZIP, or one libzip cannot open -> an archive
//   "%PDF-"                   -> PDF
//   OLE2 (D0 CF 11 E0 A1 B1 1A E1)  a directory entry "EncryptionInfo" or "EncryptedPackage"
//                              -> an encrypted (password-protected) Office document;
//                              "WordDocument" -> legacy Word (.doc); "Workbook"/"Book" ->
//                              legacy Excel (.xls); else a legacy Office file
//   "{\rtf"                   -> RTF
// (the directory names are found as UTF-16LE strings anywhere in the file: an OLE2 file is
// refused either way, and only the message depends on them).
#pragma once

#include <optional>
#include <string_view>

#include "ingest/diagnostic.h"

namespace planparse {

enum class ContainerKind {
  none,          // not a container: text or HTML, or other binary (ingest's checks decide)
  docx,          // a ZIP holding word/document.xml
  unsupported,   // a format planparse does not read (the refusal says which)
};

struct Container {
  ContainerKind kind = ContainerKind::none;
  // For `unsupported`: the refusal, code unsupported_format, message "a PDF is not read; open
  // it and save it as Word (.docx) or as a web page".
  std::optional<Failure> refusal;
};

// True when `head` (the first bytes of a file) opens like a ZIP or OLE2 file: such a file must
// be read whole (up to --max-bytes) for its entries to be listed, where other binary input is
// refused at its first chunk.
bool opens_like_container(std::string_view head);

// What `bytes` is, by content.
Container sniff_container(std::string_view bytes);

}  // namespace planparse
