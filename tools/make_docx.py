#!/usr/bin/env python3
"""Makes the .docx samples from the Word HTML samples: the same paragraphs and table cells
(rowspan as w:vMerge, colspan as w:gridSpan, a span of a Word HTML page as a run) written as
WordprocessingML by hand, with the Python standard library only (zipfile), so that the samples
are reproducible without Word.

  python3 tools/make_docx.py INPUT.htm OUTPUT.docx [--numbering] [--tracked-change]
  python3 tools/make_docx.py --all        # rewrites every sample listed in SAMPLES below

--numbering   the activity numbers and section numerals are no text but automatic numbering
              (word/numbering.xml): a number cell "12" becomes an empty paragraph of a decimal
              list "%1.", a full-width "II. Title" row a paragraph of an upper-Roman list "%1."
              holding "Title", a "- item" paragraph one of a bullet list "-"; the numbers Word
              shows are the ones the page types.
--tracked-change  the first deadline cell holding "By the end of 2022" is written as a tracked
              change: a deleted run "By the end of 2021" then an inserted run with the text.

The input's charset is taken from its <meta charset>; entities are decoded by html.parser.
"""
import html
import html.parser
import re
import sys
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SKIPPED = {"head", "style", "script", "title", "xml"}
BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
# A fixed date, so that a rerun writes the same bytes.
STAMP = (2022, 4, 28, 9, 0, 0)
CORE_DATE = "2022-04-28T09:00:00Z"


class Paragraph:
    def __init__(self, style=None):
        self.runs = []  # texts, one per span of the page
        self.style = style

    def text(self):
        return "".join(self.runs)


class Cell:
    def __init__(self, colspan, rowspan):
        self.colspan, self.rowspan = colspan, rowspan
        self.blocks = []  # Paragraph or Table


class Table:
    def __init__(self):
        self.rows = []  # lists of Cell


class Reader(html.parser.HTMLParser):
    """A Word page -> blocks: Paragraphs and Tables, as planparse's HTML reader sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.body = []
        self.containers = [self.body]  # where blocks go: the body or a cell
        self.tables = []
        self.current = None
        self.skip = 0
        self.style = None

    def _flush(self):
        if self.current is not None and self.current.runs:
            self.containers[-1].append(self.current)
        self.current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIPPED:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in BLOCKS or tag in ("td", "th", "tr", "table"):
            self._flush()
        if tag == "p" or tag in ("h1", "h2"):
            self.style = "Title" if (attrs.get("class") or "").lower() == "msotitle" or tag == "h1" else None
        if tag == "table":
            table = Table()
            self.containers[-1].append(table)
            self.tables.append(table)
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1].rows:
            cell = Cell(int(attrs.get("colspan") or 1), int(attrs.get("rowspan") or 1))
            self.tables[-1].rows[-1].append(cell)
            self.containers.append(cell.blocks)

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in BLOCKS or tag in ("td", "th", "tr", "table"):
            self._flush()
        if tag in ("td", "th") and len(self.containers) > 1:
            self.containers.pop()
        if tag == "table" and self.tables:
            self.tables.pop()

    def handle_data(self, data):
        if self.skip:
            return
        # Word's <![if !supportLists]> markers arrive as declarations, never here; white space
        # runs (the page's line breaks) are one space, as in a browser.
        text = re.sub(r"[ \t\r\n]+", " ", data)
        if self.current is None:
            if not text.strip(" "):
                return
            self.current = Paragraph(self.style)
            text = text.lstrip(" ")
        self.current.runs.append(text)

    def unknown_decl(self, data):
        pass


def esc(text):
    return html.escape(text, quote=True)


def run(text, deleted=False):
    if deleted:
        return f'<w:r><w:delText xml:space="preserve">{esc(text)}</w:delText></w:r>'
    return f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


class Writer:
    def __init__(self, numbering, tracked):
        self.numbering, self.tracked = numbering, tracked
        self.tracked_done = False
        self.title_style = "Title"

    def paragraph(self, p, number_cell=False, full_width=False, empty=False):
        props = []
        runs = list(p.runs) if p and not empty else []
        text = p.text().strip() if p else ""
        if p and p.style:
            props.append(f'<w:pStyle w:val="{self.title_style}"/>')
        if self.numbering and p is not None:
            if number_cell and re.fullmatch(r"\d+\.?", text):
                props.append('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
                runs = []
            elif full_width and re.match(r"[IVX]+\.\s", text):
                props.append('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>')
                runs = [re.sub(r"^[IVX]+\.\s+", "", text)]
            elif text.startswith("- "):
                props.append('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>')
                runs = [text[2:]]
        ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
        if self.tracked and not self.tracked_done and text == "By the end of 2022":
            self.tracked_done = True
            body = ('<w:del w:id="1" w:author="Editor" w:date="2022-04-20T10:00:00Z">' + run("By the end of 2021", True) +
                    '</w:del><w:ins w:id="2" w:author="Editor" w:date="2022-04-20T10:00:00Z">' + run(text) + "</w:ins>")
        else:
            body = "".join(run(r) for r in runs)
        return f"<w:p>{ppr}{body}</w:p>"

    def table(self, table):
        width = 0
        covered = {}  # column -> (last row covered, colspan)
        laid = []
        for r, row in enumerate(table.rows):
            cells, column = [], 0
            queue = list(row)
            while queue or any(c >= column and until >= r for c, (until, _) in covered.items()):
                if column in covered and covered[column][0] >= r:
                    span = covered[column][1]
                    cells.append(("continue", span, None))
                    column += span
                    continue
                if not queue:
                    break
                cell = queue.pop(0)
                cells.append(("restart" if cell.rowspan > 1 else None, cell.colspan, cell))
                if cell.rowspan > 1:
                    covered[column] = (r + cell.rowspan - 1, cell.colspan)
                column += cell.colspan
            width = max(width, column)
            laid.append(cells)
        out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
        out += ['<w:gridCol w:w="1800"/>'] * width
        out.append("</w:tblGrid>")
        for cells in laid:
            out.append("<w:tr>")
            column = 0
            for merge, span, cell in cells:
                props = ""
                if span > 1:
                    props += f'<w:gridSpan w:val="{span}"/>'
                if merge == "restart":
                    props += '<w:vMerge w:val="restart"/>'
                elif merge == "continue":
                    props += "<w:vMerge/>"
                out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>" if props else "<w:tc>")
                blocks = cell.blocks if cell else []
                if not blocks:
                    out.append("<w:p/>")
                for block in blocks:
                    if isinstance(block, Table):
                        out.append(self.table(block))
                        out.append("<w:p/>")  # a cell ends with a paragraph
                    else:
                        out.append(self.paragraph(block, number_cell=column == 0 and span == 1, full_width=span == width))
                out.append("</w:tc>")
                column += span
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def document(self, blocks):
        body = []
        for block in blocks:
            body.append(self.table(block) if isinstance(block, Table) else self.paragraph(block))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W}"><w:body>' + "".join(body) +
                '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>')


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>{numbering}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"""
DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>{numbering}</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{w}"><w:style w:type="paragraph" w:default="1" w:styleId="{normal}"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="{title}"><w:name w:val="Title"/><w:basedOn w:val="{normal}"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>"""
NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>"""
CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>planparse tools/make_docx.py</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"""


def charset_of(raw):
    match = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:4096])
    return match.group(1).decode("ascii") if match else "utf-8"


def make(source, target, numbering=False, tracked=False, localized_styles=False):
    raw = Path(source).read_bytes()
    reader = Reader()
    reader.feed(raw.decode(charset_of(raw)))
    reader.close()
    reader._flush()
    writer = Writer(numbering, tracked)
    normal = "a" if localized_styles else "Normal"
    # Word in another language names its styles' ids in that language ("a3"); the name stays.
    writer.title_style = "a3" if localized_styles else "Title"
    title = next((b.text().strip() for b in reader.body if isinstance(b, Paragraph) and b.style), "")
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.format(numbering='<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' if numbering else ""),
        "_rels/.rels": RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS.format(numbering='<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' if numbering else ""),
        "word/document.xml": writer.document(reader.body),
        "word/styles.xml": STYLES.format(w=W, normal=normal, title=writer.title_style),
        "docProps/core.xml": CORE.format(title=esc(title), date=CORE_DATE),
    }
    if numbering:
        parts["word/numbering.xml"] = NUMBERING.format(w=W)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


SAMPLES = [
    ("samples/follow-up-plan-2022.en.word.htm", "samples/follow-up-plan-2022.en.typed.docx", {}),
    ("samples/follow-up-plan-2022.en.word.htm", "samples/follow-up-plan-2022.en.numbered.docx",
     {"numbering": True, "tracked": True}),
    ("samples/regional-development-plan-2023.ru.word.htm", "samples/regional-development-plan-2023.ru.docx",
     {"localized_styles": True}),
]


def main(argv):
    if argv[1:] == ["--all"]:
        root = Path(__file__).resolve().parent.parent
        for source, target, options in SAMPLES:
            make(root / source, root / target, **options)
        return 0
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    make(args[0], args[1], numbering="--numbering" in argv, tracked="--tracked-change" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
