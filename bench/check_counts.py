#!/usr/bin/env python3
"""Compares an import's reported counts with what gen-customers --expect says a correct import gives.

  check_counts.py result.json file.expect.json   -> "exact", or "WRONG ..." with the figures
"""
import json
import sys

got, want = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
ok = (got["RowsProcessed"] == want["rows"] and got["RowsFailed"] == want["failed"]
      and got["result_file_lines"] == want["rows"] + 1)
print("exact" if ok else "WRONG processed=%s failed=%s result lines=%s (want %s, %s, %s)" % (
    got["RowsProcessed"], got["RowsFailed"], got["result_file_lines"], want["rows"], want["failed"], want["rows"] + 1))
