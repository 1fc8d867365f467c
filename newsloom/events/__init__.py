"""PLOVER events: extraction per sentence, merging across articles and languages."""
