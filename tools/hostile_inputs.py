#!/usr/bin/env python3
"""Hostile inputs for measuring planparse's peak memory (issue "Nothing lost, nothing clobbered").

  python3 tools/hostile_inputs.py KIND SIZE OUT
  flood      the reference plan, then SIZE MiB of short paragraphs
  tsv        a table of SIZE rows, tab-separated
  wide       one row of SIZE columns
  htmlcells  a page whose one row has SIZE cells
  htmlrows   a page whose table has SIZE rows of five cells
  deep       SIZE nested divs around a plan table of three rows
Measure with: /usr/bin/time -f "%e s %M KiB" build/planparse parse --compact OUT
"""
import os
import sys
kind, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
plan = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'samples', 'follow-up-plan-2022.en.txt'), encoding='utf-8').read()
with open(out, 'w', encoding='utf-8') as f:
    if kind == 'flood':  # the plan, then SIZE MiB of short paragraphs
        f.write(plan)
        n = 0; total = 0
        while total < size << 20:
            p = f'\n\nFiller paragraph {n}.'
            f.write(p); total += len(p); n += 1
        f.write('\n')
    elif kind == 'tsv':  # SIZE rows
        f.write('No\tName\tOutcome\tDeadline\tAgencies\n')
        for i in range(1, size + 1):
            f.write(f'{i}\tActivity number {i}\tReport to the Government\tBy the end of 2022\tMIA, MLSP\n')
    elif kind == 'wide':  # one row of SIZE columns
        f.write('No\tName\tOutcome\tDeadline\tAgencies\n')
        f.write('1\tName\tReport\tBy the end of 2022\tMIA\t' + '\t'.join('c%d' % i for i in range(size)) + '\n')
    elif kind == 'htmlcells':  # a portal page whose one row has SIZE cells
        f.write('<!DOCTYPE html><html><body><article><table>\n<tr><th>No</th><th>Name</th><th>Outcome</th><th>Deadline</th><th>Agencies</th></tr>\n')
        f.write('<tr><td>1</td><td>Name</td><td>Report</td><td>By the end of 2022</td><td>MIA</td>' + ''.join('<td>c%d</td>' % i for i in range(size)) + '</tr>\n</table></article></body></html>\n')
    elif kind == 'htmlrows':  # a portal page whose table has SIZE numbered rows of five cells
        f.write('<!DOCTYPE html><html><body><article><table>\n<tr><th>No</th><th>Name</th><th>Outcome</th><th>Deadline</th><th>Agencies</th></tr>\n')
        for i in range(1, size + 1):
            f.write(f'<tr><td>{i}</td><td>Activity number {i}</td><td>Report to the Government</td><td>By the end of 2022</td><td>MIA, MLSP</td></tr>\n')
        f.write('</table></article></body></html>\n')
    elif kind == 'deep':  # SIZE nested divs, then a plan table
        f.write('<!DOCTYPE html><html><body><article>' + '<div>' * size + '\n<table>\n<tr><th>No</th><th>Name</th><th>Outcome</th><th>Deadline</th><th>Agencies</th></tr>\n')
        for i in range(1, 4):
            f.write(f'<tr><td>{i}</td><td>Activity {i}</td><td>Report</td><td>By the end of 2022</td><td>MIA</td></tr>\n')
        f.write('</table>' + '</div>' * size + '</article></body></html>\n')
