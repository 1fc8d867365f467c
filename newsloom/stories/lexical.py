"""How many rare words two reports share: a TF-IDF cosine of their texts over a window of reports.

Two reports of one shooting name the same victims, street and town, which the encoder's passage
vector hardly tells from another shooting told with the same words; the words that few reports of
the window use carry exactly that. The weights come from the window itself (no language list, no
stop words: a word every report uses weighs nothing), so the measure needs no language pack.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

#: A word: three or more letters or digits (shorter ones are mostly function words and single digits).
WORD = re.compile(r"\w{3,}")


def word_counts(text: str) -> Counter[str]:
    """The lower-cased words of ``text`` with their counts."""
    return Counter(word.lower() for word in WORD.findall(text))


def tfidf_cosines(texts: Sequence[str]) -> np.ndarray:
    """The cosine of every two texts' TF-IDF vectors (sublinear term frequency; the inverse
    document frequency over ``texts``), a square matrix with zeros on its diagonal. A word that only
    one text uses is left out (it can tie no two texts)."""
    from scipy.sparse import csr_matrix, diags

    count = len(texts)
    if count < 2:
        return np.zeros((count, count))
    counts = [word_counts(text) for text in texts]
    documents = Counter(word for found in counts for word in found)
    columns = {word: index for index, word in enumerate(w for w, n in documents.items() if n > 1)}
    rows, cols, values = [], [], []
    for row, found in enumerate(counts):
        for word, times in found.items():
            if word in columns:
                rows.append(row)
                cols.append(columns[word])
                values.append((1.0 + math.log(times)) * math.log(count / documents[word]))
    matrix = csr_matrix((values, (rows, cols)), shape=(count, max(1, len(columns))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix
    cosines = np.asarray((matrix @ matrix.T).toarray(), dtype=np.float64)
    np.fill_diagonal(cosines, 0.0)
    return cosines
