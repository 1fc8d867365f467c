"""Readers: text dumps, HTML pages, RSS/Atom feeds, JSONL, folders and standard input, all giving Articles."""

from newsloom.ingest.reader import iter_input_files, read_bytes, read_path, read_paths

__all__ = ["iter_input_files", "read_bytes", "read_path", "read_paths"]
