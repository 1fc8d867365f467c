"""Running newsloom beyond one process: the per-article stages on Apache Spark (``spark``)."""
