#!/usr/bin/python3
"""Writes a Word HTML sample as a .docx with python-docx (Debian python3-docx; not a build
dependency, so not in install-deps.sh): the paragraphs and tables tools/make_docx.py reads from
the page, spans laid out on the grid and merged with python-docx's own cell.merge (which writes
w:gridSpan and w:vMerge its way). Made samples/follow-up-plan-2022.en.python-docx.docx:

  /usr/bin/python3 tools/make_docx_python_docx.py samples/follow-up-plan-2022.en.word.htm OUT.docx
"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_docx, docx
src, out = sys.argv[1], sys.argv[2]
raw = open(src,'rb').read()
r = make_docx.Reader(); r.feed(raw.decode(make_docx.charset_of(raw))); r.close(); r._flush()
d = docx.Document()
def add_table(container, t):
    # lay out the grid with spans
    width = 0; grid = {}; covered = {}
    for ri,row in enumerate(t.rows):
        c = 0
        for cell in row:
            while (ri,c) in covered: c += 1
            grid[(ri,c)] = cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered[(ri+dr,c+dc)] = True
            c += cell.colspan; width = max(width,c)
    table = container.add_table(rows=len(t.rows), cols=width)
    for (ri,c),cell in grid.items():
        target = table.cell(ri,c)
        if cell.rowspan>1 or cell.colspan>1:
            target = target.merge(table.cell(ri+cell.rowspan-1, c+cell.colspan-1))
        first = True
        for b in cell.blocks:
            if isinstance(b, make_docx.Paragraph):
                p = target.paragraphs[0] if first else target.add_paragraph()
                first = False
                for run in b.runs: p.add_run(run)
for b in r.body:
    if isinstance(b, make_docx.Paragraph):
        p = d.add_paragraph(style='Title' if b.style else None)
        for run in b.runs: p.add_run(run)
    else:
        add_table(d, b)
d.save(out)
