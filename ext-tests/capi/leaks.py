#!/usr/bin/env python3
"""Classify the definite leaks in a valgrind log of the embedder.

The test programs (testext.c, testext_multi.c, embed.c) deliberately drop many
temporary references (`PyList_Append(l, S("x"))`): those objects are allocated
by Carapace on the test's behalf and lost by the test. A definite leak counts as
*Carapace's own* when no frame of its allocation stack lies in the test programs.
Prints a summary and exits 1 when Carapace leaked anything of its own."""
import re
import sys

TEST_FRAME = re.compile(r"\((?:testext|testext_multi|embed)\.c:\d+\)")
log = open(sys.argv[1], errors="replace").read()
records = re.split(r"\n==\d+== \n", log)
test_leaks = 0
own = []
for rec in records:
    if "definitely lost in loss record" not in rec:
        continue
    if TEST_FRAME.search(rec):
        test_leaks += 1
    else:
        own.append(rec)
print(f"definite leaks: {test_leaks} dropped by the test code, {len(own)} of Carapace's own")
for rec in own[:10]:
    print(rec)
sys.exit(1 if own else 0)
